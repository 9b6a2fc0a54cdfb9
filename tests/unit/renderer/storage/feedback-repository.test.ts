/**
 * The feedback store, over Dexie on fake-indexeddb, fed by the real reader on the real fixture
 * files: imports keep each thread once per submission (also from a LibreOffice re-save that lost
 * the threading), answers are kept, and feedback goes with its draft into backups and out of
 * the library.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackupsRepository } from '../../../../renderer/src/storage/backups-repository';
import { createDraftsRepository } from '../../../../renderer/src/storage/drafts-repository';
import {
  createFeedbackRepository,
  FeedbackRejectedError,
} from '../../../../renderer/src/storage/feedback-repository';
import { createSnapshotsRepository } from '../../../../renderer/src/storage/snapshots-repository';
import { prepareImport, readBackup, writeBackup } from '../../../../shared/backup';
import { planFeedbackImport } from '../../../../shared/feedback/plan-import';
import {
  readFeedbackDocx,
  type FeedbackFile,
} from '../../../../shared/feedback/read-feedback-docx';
import { getTemplate } from '../../../../shared/templates';
import { FIXTURE_FILES } from '../../../fixtures/feedback/fixture-files';
import { openTestDatabase, testClock } from './storage-test-helpers';

const SECTIONS = getTemplate('sdlp-aed').sections;

async function read(url: URL): Promise<FeedbackFile> {
  const result = await readFeedbackDocx(new Uint8Array(readFileSync(url)));
  if (!result.ok) throw new Error(result.error.detail);
  return result.feedback;
}

function setup() {
  const db = openTestDatabase();
  const clock = testClock();
  return {
    db,
    clock,
    drafts: createDraftsRepository(db, clock),
    snapshots: createSnapshotsRepository(db, clock),
    backups: createBackupsRepository(db, clock),
    feedback: createFeedbackRepository(db, clock),
  };
}

/** A draft with one sent submission, and the fixture's threads planned onto it. */
async function draftWithSubmission(s: ReturnType<typeof setup>, file: FeedbackFile) {
  const draft = await s.drafts.createDraft({ title: 'AED', templateId: 'sdlp-aed' });
  const submission = await s.snapshots.takeSnapshot(draft.id, 'submission', 'Interim 2', {
    format: 'docx',
    fileName: 'AED - Interim 2.docx',
  });
  const plan = planFeedbackImport({
    draftId: draft.id,
    sections: SECTIONS,
    submissions: [submission],
    feedback: { ...file, draftId: draft.id, submissionId: submission.id },
  });
  if (!plan.ok) throw new Error(plan.message);
  return { draft, submission, threads: plan.threads };
}

describe('feedback repository', () => {
  let word: FeedbackFile;
  let resaved: FeedbackFile;
  beforeAll(async () => {
    word = await read(FIXTURE_FILES.wordShaped);
    resaved = await read(FIXTURE_FILES.libreOffice);
  });

  it('imports every thread with its replies and section, in the file’s order, and marks the draft edited', async () => {
    const s = setup();
    const { draft, submission, threads } = await draftWithSubmission(s, word);
    s.clock.advance(60_000);
    const { added, alreadyThere } = await s.feedback.importFeedback(
      draft.id,
      submission.id,
      threads,
    );
    expect(alreadyThere).toBe(0);
    expect(added.map((f) => [f.text, f.sectionId])).toEqual(
      threads.map((t) => [t.thread.text, t.sectionId]),
    );
    const listed = await s.feedback.listFeedback(draft.id);
    expect(listed).toEqual(added);
    const withReplies = listed.find((f) => f.replies.length > 0)!;
    const source = threads.find((t) => t.thread.key === withReplies.key)!.thread;
    expect(withReplies.replies.map((r) => r.text)).toEqual(source.replies.map((r) => r.text));
    expect(listed.every((f) => f.source === 'imported' && !f.addressed && f.response === '')).toBe(
      true,
    );
    expect(listed.some((f) => f.resolved)).toBe(true);
    expect((await s.drafts.getDraft(draft.id))!.updatedAt).toBe(s.clock.now());
  });

  it('adds nothing on a second import of the file, nor of its LibreOffice re-save, which lost the threading', async () => {
    const s = setup();
    const { draft, submission, threads } = await draftWithSubmission(s, word);
    await s.feedback.importFeedback(draft.id, submission.id, threads);
    const before = await s.feedback.listFeedback(draft.id);
    const again = await s.feedback.importFeedback(draft.id, submission.id, threads);
    expect(again).toEqual({ added: [], alreadyThere: threads.length });
    const plan = planFeedbackImport({
      draftId: draft.id,
      sections: SECTIONS,
      submissions: [submission],
      feedback: { ...resaved, draftId: draft.id, submissionId: submission.id },
    });
    if (!plan.ok) throw new Error(plan.message);
    // LibreOffice made replies threads of their own: they are known by their keys all the same.
    expect(plan.threads.length).toBeGreaterThan(threads.length);
    const fromResave = await s.feedback.importFeedback(draft.id, submission.id, plan.threads);
    expect(fromResave.added).toEqual([]);
    expect(await s.feedback.listFeedback(draft.id)).toEqual(before);
  });

  it('keeps the same comments apart on two submissions', async () => {
    const s = setup();
    const { draft, submission, threads } = await draftWithSubmission(s, word);
    const final = await s.snapshots.takeSnapshot(draft.id, 'submission', 'Final', {
      format: 'pdf',
      fileName: 'AED - Final.pdf',
    });
    await s.feedback.importFeedback(draft.id, submission.id, threads);
    const { added } = await s.feedback.importFeedback(draft.id, final.id, threads);
    expect(added).toHaveLength(threads.length);
    expect((await s.feedback.listFeedback(draft.id)).length).toBe(threads.length * 2);
  });

  it('keeps an answer, a tick and a move, and types feedback in after what was imported', async () => {
    const s = setup();
    const { draft, submission, threads } = await draftWithSubmission(s, word);
    const { added } = await s.feedback.importFeedback(draft.id, submission.id, threads);
    const first = added[0]!;
    await s.feedback.updateFeedback(first.id, {
      addressed: true,
      response: 'Rewritten in Explore.',
    });
    await s.feedback.updateFeedback(first.id, { sectionId: 'deliver' });
    const typed = await s.feedback.addFeedback(draft.id, {
      submissionId: submission.id,
      sectionId: 'explore',
      author: '  Ann Lee ',
      text: ' Said on the phone: add the data. ',
    });
    const listed = await s.feedback.listFeedback(draft.id);
    expect(listed[0]).toMatchObject({
      id: first.id,
      addressed: true,
      response: 'Rewritten in Explore.',
      sectionId: 'deliver',
    });
    expect(listed.at(-1)).toEqual(typed);
    expect(typed).toMatchObject({
      source: 'typed',
      key: '',
      author: 'Ann Lee',
      text: 'Said on the phone: add the data.',
    });
    await s.feedback.removeFeedback(typed.id);
    expect(await s.feedback.listFeedback(draft.id)).toHaveLength(added.length);
    await expect(s.feedback.updateFeedback(typed.id, { addressed: true })).rejects.toThrow(
      'no longer stored',
    );
  });

  it('refuses feedback for a draft that is gone, and more than a draft can hold, adding nothing', async () => {
    const s = setup();
    await expect(
      s.feedback.addFeedback('gone', {
        submissionId: null,
        sectionId: null,
        author: '',
        text: 'x',
      }),
    ).rejects.toThrow();
    const { draft, submission, threads } = await draftWithSubmission(s, word);
    const many = Array.from({ length: 20_001 }, (_, i) => ({
      ...threads[0]!,
      thread: { ...threads[0]!.thread, key: i.toString(16).padStart(64, '0'), replies: [] },
    }));
    await expect(s.feedback.importFeedback(draft.id, submission.id, many)).rejects.toBeInstanceOf(
      FeedbackRejectedError,
    );
    expect(await s.feedback.listFeedback(draft.id)).toEqual([]);
  });

  it('goes with the draft: into a backup and back on the imported submission, and out of the library with it', async () => {
    const s = setup();
    const { draft, submission, threads } = await draftWithSubmission(s, word);
    await s.feedback.importFeedback(draft.id, submission.id, threads);
    const [first] = await s.feedback.listFeedback(draft.id);
    await s.feedback.updateFeedback(first!.id, { addressed: true, response: 'Done ✓' });
    const stored = await s.feedback.listFeedback(draft.id);

    const bytes = await writeBackup({
      drafts: await s.backups.readDrafts([draft.id]),
      appVersion: '0.1.0',
      now: s.clock.now(),
    });
    const read = await readBackup(bytes, { appVersion: '0.1.0' });
    if (!read.ok) throw new Error(read.error.detail);
    const prepared = prepareImport(read.backup, { newId: () => crypto.randomUUID(), now: 1 });
    await s.backups.addDrafts(prepared);
    const copyId = prepared.draftIds.get(draft.id)!;
    const copied = await s.feedback.listFeedback(copyId);
    const [copySubmission] = await s.snapshots.listSubmissions(copyId);
    expect(copied.map(({ id: _id, draftId: _d, submissionId: _s, ...rest }) => rest)).toEqual(
      stored.map(({ id: _id, draftId: _d, submissionId: _s, ...rest }) => rest),
    );
    expect(copied.every((f) => f.submissionId === copySubmission!.id)).toBe(true);
    expect(copied[0]!.id).not.toBe(stored[0]!.id);

    // A duplicate starts with no submissions and so no feedback; deleting takes it all.
    const duplicate = await s.drafts.duplicateDraft(draft.id);
    expect(await s.feedback.listFeedback(duplicate.id)).toEqual([]);
    await s.drafts.deleteForever(draft.id);
    expect(await s.feedback.listFeedback(draft.id)).toEqual([]);
    await s.drafts.trashDraft(copyId);
    await s.drafts.emptyTrash();
    expect(await s.db.feedback.count()).toBe(0);
  });
});
