import { createFeedbackRepository } from '../../../../../renderer/src/storage/feedback-repository';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../../../renderer/src/app/export/run-export';
import type { ExportRequest } from '../../../../../renderer/src/app/export/ExportDialog';
import type { Services } from '../../../../../renderer/src/app/services';
import type { Platform } from '../../../../../renderer/src/platform/platform';
import { createDraftsRepository } from '../../../../../renderer/src/storage/drafts-repository';
import { SaveQueue } from '../../../../../renderer/src/storage/save-queue';
import { createEvidenceRepository } from '../../../../../renderer/src/storage/evidence-repository';
import { createSnapshotsRepository } from '../../../../../renderer/src/storage/snapshots-repository';
import { blocksText } from '../../../../../shared/export/blocks';
import type { PrintJob } from '../../../../../shared/export/print-job';
import { getTemplate } from '../../../../../shared/templates';
import { editorState, p } from '../../../../fixtures/export/editor-state';
import { openTestDatabase } from '../../storage/storage-test-helpers';

const template = getTemplate('sdlp-aed');
const options = { includeGuidance: false, includeWordCounts: false, omitEmptySections: false };
const interim1: ExportRequest = {
  format: 'docx',
  label: 'Interim 1',
  options,
  includeChanges: false,
};

/** A host whose "disk" is a list of saved files, or one that fails the way a full disk does. */
function recordingPlatform(fail?: string): Platform & {
  files: { name: string; bytes: Uint8Array }[];
  prints: PrintJob[];
} {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const prints: PrintJob[] = [];
  return {
    kind: 'web',
    files,
    saveFile: (name, bytes) => {
      if (fail) return Promise.reject(new Error(fail));
      files.push({ name, bytes });
      return Promise.resolve(true);
    },
    onBeforeClose: () => () => undefined,
    printToPdf: (job) => {
      prints.push(job);
      return Promise.resolve(true);
    },
    receivePrintJob: () => Promise.reject(new Error('Not a print view.')),
    prints,
    autoBackups: false,
    writeAutoBackup: () => Promise.resolve(),
    onBackupAllRequested: () => () => undefined,
    openBackupsFolder: () => Promise.resolve(),
  };
}

async function setup(platform: Platform) {
  const db = openTestDatabase();
  const services: Pick<Services, 'drafts' | 'snapshots' | 'evidence' | 'feedback' | 'platform'> = {
    drafts: createDraftsRepository(db),
    snapshots: createSnapshotsRepository(db),
    evidence: createEvidenceRepository(db),
    feedback: createFeedbackRepository(db),
    platform,
  };
  const queue = new SaveQueue({ save: services.drafts.saveSection });
  const draft = await services.drafts.createDraft({ title: 'My AED', templateId: 'sdlp-aed' });
  await services.drafts.saveSection(draft.id, 'about-you', {
    fields: { 'full-name': 'Jane Smith' },
  });
  return { db, services, queue, draft };
}

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

describe('runExport', () => {
  it('writes what is on screen first, records the submission, and names the file', async () => {
    const platform = recordingPlatform();
    const { services, queue, draft } = await setup(platform);
    // Typed a moment ago and not yet written by the autosave:
    queue.markDirty(draft.id, 'explore', () => ({
      editorState: editorState(p('Fresh words about ½ and ¾.')),
      text: 'Fresh words about ½ and ¾.',
    }));
    const outcome = await runExport({
      services,
      queue,
      template,
      draftId: draft.id,
      request: interim1,
    });

    expect(outcome.saved).toBe(true);
    expect(outcome.fileName).toMatch(/^AED - Jane Smith - Interim 1 - \d{4}-\d{2}-\d{2}\.docx$/);
    expect(platform.files.map((f) => f.name)).toEqual([outcome.fileName]);
    expect(documentXml(platform.files[0]!.bytes)).toContain('Fresh words about ½ and ¾.');
    const submissions = await services.snapshots.listSubmissions(draft.id);
    expect(submissions.map((s) => [s.label, s.submission])).toEqual([
      ['Interim 1', { format: 'docx', fileName: outcome.fileName }],
    ]);
  });

  it('exports a submission again with its original content after the draft changed', async () => {
    const platform = recordingPlatform();
    const { services, queue, draft } = await setup(platform);
    await services.drafts.saveSection(draft.id, 'explore', {
      editorState: editorState(p('As sent.')),
      text: 'As sent.',
    });
    const first = await runExport({
      services,
      queue,
      template,
      draftId: draft.id,
      request: interim1,
    });
    await services.drafts.saveSection(draft.id, 'explore', {
      editorState: editorState(p('Rewritten.')),
      text: 'Rewritten.',
    });
    const again = await runExport({
      services,
      queue,
      template,
      draftId: draft.id,
      request: interim1,
      submissionId: first.submission!.id,
    });
    expect(again.fileName).toBe(first.fileName);
    const xml = documentXml(platform.files[1]!.bytes);
    expect(xml).toContain('As sent.');
    expect(xml).not.toContain('Rewritten.');
    expect(await services.snapshots.listSubmissions(draft.id)).toHaveLength(1);
  });

  it('on a failed save records no submission and changes nothing in the draft', async () => {
    const message =
      'There is no space left on the disk. Free some space, or choose another drive, and export again.';
    const { db, services, queue, draft } = await setup(recordingPlatform(message));
    await services.drafts.saveSection(draft.id, 'explore', {
      editorState: editorState(p('Kept.')),
      text: 'Kept.',
    });
    const before = await db.sections.toArray();
    const draftBefore = await services.drafts.getDraft(draft.id);

    await expect(
      runExport({ services, queue, template, draftId: draft.id, request: interim1 }),
    ).rejects.toThrow(message);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.sections.toArray()).toEqual(before);
    expect(await services.drafts.getDraft(draft.id)).toEqual(draftBefore);
  });

  it('records nothing when the participant cancels the save dialog', async () => {
    const platform: Platform = { ...recordingPlatform(), saveFile: () => Promise.resolve(false) };
    const { db, services, queue, draft } = await setup(platform);
    const outcome = await runExport({
      services,
      queue,
      template,
      draftId: draft.id,
      request: interim1,
    });
    expect(outcome.saved).toBe(false);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('prints a PDF of a submission from its frozen snapshot, named for what it is', async () => {
    const platform = recordingPlatform();
    const { services, queue, draft } = await setup(platform);
    await services.drafts.saveSection(draft.id, 'explore', {
      editorState: editorState(p('Words for the PDF.')),
      text: 'Words for the PDF.',
    });
    const outcome = await runExport({
      services,
      queue,
      template,
      draftId: draft.id,
      request: { ...interim1, format: 'pdf' },
    });
    const [submission] = await services.snapshots.listSubmissions(draft.id);
    expect(outcome.fileName).toMatch(/^AED - Jane Smith - Interim 1 - \d{4}-\d{2}-\d{2}\.pdf$/);
    expect(submission!.submission).toEqual({ format: 'pdf', fileName: outcome.fileName });
    expect(platform.prints).toHaveLength(1);
    // The print view gets the document built once, from the frozen copy, to print as it is.
    const job = platform.prints[0]!;
    expect(job.fileName).toBe(outcome.fileName);
    expect(job.draftId).toBe(draft.id);
    expect(job.document.cover).toMatchObject({ label: 'Interim 1', participant: 'Jane Smith' });
    expect(blocksText(job.document.sections.find((s) => s.id === 'explore')!.blocks)).toBe(
      'Words for the PDF.',
    );
    expect(submission!.sections.find((s) => s.sectionId === 'explore')?.text).toBe(
      'Words for the PDF.',
    );
    expect(outcome.submission?.id).toBe(submission!.id);
  });

  it('records nothing when the PDF is not saved, or cannot be made', async () => {
    const cancelled: Platform = {
      ...recordingPlatform(),
      printToPdf: () => Promise.resolve(false),
    };
    const first = await setup(cancelled);
    const request = { ...interim1, format: 'pdf' as const };
    const outcome = await runExport({ ...first, template, draftId: first.draft.id, request });
    expect(outcome).toMatchObject({ saved: false, submission: null });
    expect(await first.db.snapshots.count()).toBe(0);

    const failing: Platform = {
      ...recordingPlatform(),
      printToPdf: () => Promise.reject(new Error('The PDF could not be made.')),
    };
    const second = await setup(failing);
    await expect(
      runExport({ ...second, template, draftId: second.draft.id, request }),
    ).rejects.toThrow('The PDF could not be made.');
    expect(await second.db.snapshots.count()).toBe(0);
  });

  it('refuses to export while the latest changes cannot be saved', async () => {
    const platform = recordingPlatform();
    const { services, draft } = await setup(platform);
    const failing = new SaveQueue({
      save: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      retryDelaysMs: [60_000],
    });
    failing.markDirty(draft.id, 'explore', { text: 'unsaved' });
    await expect(
      runExport({ services, queue: failing, template, draftId: draft.id, request: interim1 }),
    ).rejects.toThrow(/not saved yet/);
    expect(platform.files).toEqual([]);
    await failing.dispose();
  });
});
