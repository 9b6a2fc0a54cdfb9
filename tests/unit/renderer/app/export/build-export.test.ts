// The one builder of export documents, over fake-indexeddb through the real repositories.
import { createFeedbackRepository } from '../../../../../renderer/src/storage/feedback-repository';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  buildExport,
  ExportSourceError,
  type ExportSpec,
} from '../../../../../renderer/src/app/export/build-export';
import { createDraftsRepository } from '../../../../../renderer/src/storage/drafts-repository';
import type { AedDatabase } from '../../../../../renderer/src/storage/db';
import { createEvidenceRepository } from '../../../../../renderer/src/storage/evidence-repository';
import { createSnapshotsRepository } from '../../../../../renderer/src/storage/snapshots-repository';
import { blocksText } from '../../../../../shared/export/blocks';
import type { ExportDocument } from '../../../../../shared/export/document-model';
import type { DraftRecord } from '../../../../../shared/model';
import { getTemplate } from '../../../../../shared/templates';
import { editorState, p } from '../../../../fixtures/export/editor-state';
import { openTestDatabase, testClock } from '../../storage/storage-test-helpers';

const options = { includeGuidance: false, includeWordCounts: false, omitEmptySections: false };
// 14 March 2026, mid-morning, local time: the clock the repositories stamp snapshots with.
const START = new Date(2026, 2, 14, 10, 0).getTime();
const DAY = 24 * 60 * 60 * 1000;

let db: AedDatabase;
let clock: ReturnType<typeof testClock>;
let repos: {
  drafts: ReturnType<typeof createDraftsRepository>;
  snapshots: ReturnType<typeof createSnapshotsRepository>;
  evidence: ReturnType<typeof createEvidenceRepository>;
  feedback: ReturnType<typeof createFeedbackRepository>;
};
let draft: DraftRecord;

beforeEach(async () => {
  db = openTestDatabase();
  clock = testClock(START);
  repos = {
    drafts: createDraftsRepository(db, { now: clock.now }),
    snapshots: createSnapshotsRepository(db, { now: clock.now }),
    evidence: createEvidenceRepository(db, { now: clock.now }),
    feedback: createFeedbackRepository(db, { now: clock.now }),
  };
  draft = await repos.drafts.createDraft({ title: 'My AED', templateId: 'sdlp-aed' });
  await repos.drafts.saveSection(draft.id, 'about-you', { fields: { 'full-name': 'Jane Smith' } });
  await write('First words about ½ and ¾.');
});

function write(text: string) {
  return repos.drafts.saveSection(draft.id, 'explore', { editorState: editorState(p(text)), text });
}

const explore = (doc: ExportDocument) =>
  blocksText(doc.sections.find((s) => s.id === 'explore')!.blocks);

const spec = (overrides: Partial<ExportSpec> = {}): ExportSpec => ({
  source: { kind: 'draft', draftId: draft.id },
  format: 'docx',
  options,
  changesSince: null,
  ...overrides,
});

/** Exports a new submission and records it as sent, as a saved export does. */
async function submit(label: string) {
  const built = await buildExport(
    repos,
    spec({ source: { kind: 'new-submission', draftId: draft.id, label } }),
  );
  await repos.snapshots.recordSubmission(built.created!.id, {
    format: 'docx',
    fileName: built.fileName,
  });
  return built;
}

describe('buildExport', () => {
  it('answers, in a submission, the feedback on the submissions before it; in the draft, all of it', async () => {
    const first = await submit('Interim 1');
    clock.advance(60_000);
    const second = await submit('Interim 2');
    const typed = (submissionId: string | null, text: string) =>
      repos.feedback.addFeedback(draft.id, {
        submissionId,
        sectionId: 'explore',
        author: '',
        text,
      });
    await typed(first.created!.id, 'On the first.');
    await typed(second.created!.id, 'On the second.');
    await typed(null, 'On no submission.');
    const answered = async (source: ExportSpec['source']) => {
      const built = await buildExport(
        repos,
        spec({ source, options: { ...options, includeFeedbackResponses: true } }),
      );
      return blocksText(built.doc.sections.at(-1)!.blocks);
    };
    const again = await answered({
      kind: 'submission',
      draftId: draft.id,
      snapshotId: second.created!.id,
    });
    expect(again).toContain('On the first.');
    expect(again).toContain('On no submission.');
    expect(again).not.toContain('On the second.');
    const live = await answered({ kind: 'draft', draftId: draft.id });
    for (const text of ['On the first.', 'On the second.', 'On no submission.']) {
      expect(live).toContain(text);
    }
    // Without the option the document has no such table.
    const plain = await buildExport(repos, spec());
    expect(blocksText(plain.doc.sections.at(-1)!.blocks)).not.toContain('On the first.');
  });

  it('exports the live draft as a dated draft, named for what it is, and stores nothing', async () => {
    const built = await buildExport(repos, spec({ now: new Date(2026, 2, 20, 9, 0) }));
    expect(built.doc.cover).toMatchObject({
      label: 'Draft',
      isSubmission: false,
      participant: 'Jane Smith',
      isoDate: '2026-03-20',
    });
    expect(built.fileName).toBe('AED - Jane Smith - Draft - 2026-03-20.docx');
    expect(explore(built.doc)).toBe('First words about ½ and ¾.');
    expect(built).toMatchObject({ draftId: draft.id, snapshot: null, created: null });
    expect(built.changesSince).toBeNull();
    expect(await repos.snapshots.listSnapshotInfo(draft.id)).toEqual([]);
  });

  it('freezes a new submission first and builds from that frozen copy, not yet recorded as sent', async () => {
    const built = await buildExport(
      repos,
      spec({
        format: 'pdf',
        source: { kind: 'new-submission', draftId: draft.id, label: 'Interim 1' },
      }),
    );
    const stored = await repos.snapshots.getSnapshot(built.created!.id);
    expect(stored).toEqual(built.created);
    expect(stored).toMatchObject({ kind: 'submission', label: 'Interim 1', draftId: draft.id });
    expect(stored!.submission).toBeUndefined();
    expect(built.snapshot).toBe(built.created);
    expect(built.doc.cover).toMatchObject({
      label: 'Interim 1',
      isSubmission: true,
      date: '14 March 2026',
    });
    expect(built.fileName).toBe('AED - Jane Smith - Interim 1 - 2026-03-14.pdf');
    expect(explore(built.doc)).toBe('First words about ½ and ¾.');
  });

  it('exports an earlier submission again exactly as it was sent, after the draft changed', async () => {
    const first = await submit('Interim 1');
    clock.advance(3 * DAY);
    await write('Rewritten since.');
    const again = await buildExport(
      repos,
      spec({ source: { kind: 'submission', draftId: draft.id, snapshotId: first.created!.id } }),
    );
    expect(explore(again.doc)).toBe('First words about ½ and ¾.');
    expect(again.doc.cover).toMatchObject({ label: 'Interim 1', date: '14 March 2026' });
    expect(again.fileName).toBe(first.fileName);
    expect(again.created).toBeNull();
    expect(again.snapshot?.id).toBe(first.created!.id);
    expect(await repos.snapshots.listSnapshotInfo(draft.id)).toHaveLength(1);
  });

  it('summarises the changes since the submission before this one', async () => {
    const interim1 = await submit('Interim 1');
    clock.advance(DAY);
    await write('First words about ½ and ¾. Staff agreed to try bar models.');
    const interim2 = await buildExport(
      repos,
      spec({
        source: { kind: 'new-submission', draftId: draft.id, label: 'Interim 2' },
        changesSince: 'previous',
      }),
    );
    expect(interim2.changesSince?.id).toBe(interim1.created!.id);
    const summary = interim2.doc.sections.at(-1)!;
    expect(summary.title).toBe('Changes since Interim 1');
    expect(blocksText(summary.blocks)).toContain('“Staff agreed to try bar models.”');
    expect(interim2.doc.contents).toContainEqual({
      level: 1,
      text: summary.heading,
      sectionId: summary.id,
    });
  });

  it('compares an earlier submission with the one before it, not with the latest', async () => {
    const interim1 = await submit('Interim 1');
    clock.advance(DAY);
    await write('Second version.');
    const interim2 = await submit('Interim 2');
    clock.advance(DAY);
    await write('Third version.');
    await submit('Interim 3');

    const again = await buildExport(
      repos,
      spec({
        source: { kind: 'submission', draftId: draft.id, snapshotId: interim2.created!.id },
        changesSince: 'previous',
      }),
    );
    expect(again.changesSince?.id).toBe(interim1.created!.id);
    expect(again.doc.sections.at(-1)!.title).toBe('Changes since Interim 1');
    const first = await buildExport(
      repos,
      spec({
        source: { kind: 'submission', draftId: draft.id, snapshotId: interim1.created!.id },
        changesSince: 'previous',
      }),
    );
    // Nothing was sent before the first, so there is nothing to summarise.
    expect(first.changesSince).toBeNull();
    expect(first.doc.sections.some((s) => s.title.startsWith('Changes since'))).toBe(false);
  });

  it('compares with a given submission, and can present the draft under a label and date', async () => {
    const interim1 = await submit('Interim 1');
    await write('Later words.');
    const built = await buildExport(
      repos,
      spec({
        format: 'pdf',
        changesSince: { snapshotId: interim1.created!.id },
        presentAs: { label: 'Final', date: new Date(2026, 5, 1) },
      }),
    );
    expect(built.doc.cover).toMatchObject({
      label: 'Final',
      isSubmission: true,
      date: '1 June 2026',
    });
    expect(built.fileName).toBe('AED - Jane Smith - Final - 2026-06-01.pdf');
    expect(built.doc.sections.at(-1)!.title).toBe('Changes since Interim 1');
    expect(explore(built.doc)).toBe('Later words.');
    // Presenting is not submitting: nothing is frozen.
    expect(await repos.snapshots.listSnapshotInfo(draft.id)).toHaveLength(1);
  });

  it('says which draft and submission it is, for the Word file’s custom properties', async () => {
    const live = await buildExport(repos, spec());
    expect(live.doc.properties).toMatchObject({ draftId: draft.id, submissionId: null });
    const interim1 = await submit('Interim 1');
    expect(interim1.doc.properties).toMatchObject({
      draftId: draft.id,
      submissionId: interim1.created!.id,
    });
    const again = await buildExport(
      repos,
      spec({ source: { kind: 'submission', draftId: draft.id, snapshotId: interim1.created!.id } }),
    );
    expect(again.doc.properties.submissionId).toBe(interim1.created!.id);
    // A label given to the live draft is no stored submission: it has no id to give.
    const presented = await buildExport(repos, spec({ presentAs: { label: 'Final' } }));
    expect(presented.doc.properties).toMatchObject({ draftId: draft.id, submissionId: null });
  });

  it.each([
    [
      'a draft that is gone',
      () => ({ source: { kind: 'draft', draftId: 'gone' } }),
      /not in your library/,
    ],
    [
      'a new submission of a draft that is gone',
      () => ({ source: { kind: 'new-submission', draftId: 'gone', label: 'Final' } }),
      /not in your library/,
    ],
    [
      'a submission that is gone',
      () => ({ source: { kind: 'submission', draftId: draft.id, snapshotId: 'nope' } }),
      /no longer stored/,
    ],
    ['a comparison that is gone', () => ({ changesSince: { snapshotId: 'nope' } }), /compare with/],
  ] as const)('refuses %s with a sentence', async (_name, overrides, message) => {
    const failed = buildExport(repos, spec(overrides() as Partial<ExportSpec>));
    await expect(failed).rejects.toBeInstanceOf(ExportSourceError);
    await expect(failed).rejects.toThrow(message);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('refuses a submission of another draft under this one', async () => {
    const other = await repos.drafts.createDraft({ title: 'Other', templateId: 'sdlp-aed' });
    const theirs = await repos.snapshots.takeSnapshot(other.id, 'submission', 'Interim 1');
    await expect(
      buildExport(
        repos,
        spec({ source: { kind: 'submission', draftId: draft.id, snapshotId: theirs.id } }),
      ),
    ).rejects.toThrow(/no longer stored/);
    await expect(
      buildExport(repos, spec({ changesSince: { snapshotId: theirs.id } })),
    ).rejects.toThrow(/compare with/);
  });

  it('says what to do about an unknown template, and keeps no submission it froze', async () => {
    // A draft from a template this version of the app no longer has.
    const retired = createDraftsRepository(db, {
      getTemplate: (id) => ({ ...getTemplate('sdlp-aed'), id }),
    });
    const old = await retired.createDraft({ title: 'Old', templateId: 'retired-template' });
    const failed = buildExport(
      repos,
      spec({ source: { kind: 'new-submission', draftId: old.id, label: 'Final' } }),
    );
    await expect(failed).rejects.toThrow(/does not have\. Update AED Writer to export it\./);
    expect(await repos.snapshots.listSnapshotInfo(old.id)).toEqual([]);
  });
});
