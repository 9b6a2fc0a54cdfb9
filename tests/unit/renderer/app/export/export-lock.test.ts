// A submission frozen for an export that a reload cut short (issue 9 item 14): hidden from the
// history, swept away when no export of the draft is under way, never while one is.
import { createFeedbackRepository } from '../../../../../renderer/src/storage/feedback-repository';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../../../renderer/src/app/export/build-export';
import {
  sweepUnsentSubmissions,
  whileExporting,
} from '../../../../../renderer/src/app/export/export-lock';
import { runExport } from '../../../../../renderer/src/app/export/run-export';
import type { Platform } from '../../../../../renderer/src/platform/platform';
import { createDraftsRepository } from '../../../../../renderer/src/storage/drafts-repository';
import { SaveQueue } from '../../../../../renderer/src/storage/save-queue';
import { createEvidenceRepository } from '../../../../../renderer/src/storage/evidence-repository';
import { createSnapshotsRepository } from '../../../../../renderer/src/storage/snapshots-repository';
import { getTemplate } from '../../../../../shared/templates';
import { TestLocks } from '../session/session-test-helpers';
import { openTestDatabase } from '../../storage/storage-test-helpers';

const options = { includeGuidance: false, includeWordCounts: false, omitEmptySections: false };

function savingPlatform(): Platform {
  return {
    kind: 'web',
    saveFile: () => Promise.resolve(true),
    onBeforeClose: () => () => undefined,
    printToPdf: () => Promise.resolve(true),
    receivePrintJob: () => Promise.reject(new Error('Not a print view.')),
    autoBackups: false,
    writeAutoBackup: () => Promise.resolve(),
    onBackupAllRequested: () => () => undefined,
    openBackupsFolder: () => Promise.resolve(),
  };
}

async function setup() {
  const db = openTestDatabase();
  const drafts = createDraftsRepository(db);
  const snapshots = createSnapshotsRepository(db);
  const evidence = createEvidenceRepository(db);
  const feedback = createFeedbackRepository(db);
  const draft = await drafts.createDraft({ title: 'My AED', templateId: 'sdlp-aed' });
  await snapshots.takeSnapshot(draft.id, 'manual', 'Before the interim');
  /** What a reload between freezing and recording leaves: a submission never recorded. */
  const cutShort = async (label: string) =>
    (
      await buildExport(
        { drafts, snapshots, evidence, feedback },
        {
          source: { kind: 'new-submission', draftId: draft.id, label },
          format: 'docx',
          options,
          changesSince: null,
        },
      )
    ).created!;
  return { db, drafts, snapshots, evidence, feedback, draft, cutShort };
}

describe('submissions an export left unrecorded', () => {
  it('are not in the history', async () => {
    const { snapshots, draft, cutShort } = await setup();
    await cutShort('Interim 1');
    await cutShort('Interim 1');
    expect((await snapshots.listSnapshotInfo(draft.id)).map((s) => s.label)).toEqual([
      'Before the interim',
    ]);
  });

  it('are swept away on the next export, which records only itself', async () => {
    const { db, drafts, snapshots, evidence, feedback, draft, cutShort } = await setup();
    await cutShort('Interim 1');
    await cutShort('Interim 1');
    const outcome = await runExport({
      services: { drafts, snapshots, evidence, feedback, platform: savingPlatform() },
      queue: new SaveQueue({ save: drafts.saveSection }),
      template: getTemplate('sdlp-aed'),
      draftId: draft.id,
      request: { format: 'docx', label: 'Interim 1', options, includeChanges: false },
      locks: new TestLocks(),
    });
    const stored = await db.snapshots.where('draftId').equals(draft.id).toArray();
    const described = stored.map((s) => [s.label, s.kind, s.submission?.fileName ?? null]);
    expect(described.sort()).toEqual([
      ['Before the interim', 'manual', null],
      ['Interim 1', 'submission', outcome.fileName],
    ]);
  });

  it('are swept when no export of the draft is under way, and kept while one is', async () => {
    const { db, snapshots, draft, cutShort } = await setup();
    const locks = new TestLocks();
    const count = () => db.snapshots.where('draftId').equals(draft.id).count();

    let finish!: () => void;
    const exporting = whileExporting(
      draft.id,
      async () => {
        await cutShort('Final');
        await new Promise<void>((resolve) => (finish = resolve));
      },
      locks,
    );
    await expect.poll(count).toBe(2);
    // Another window opens the draft meanwhile: the export's snapshot is left alone.
    expect(await sweepUnsentSubmissions(snapshots, draft.id, locks)).toBe(0);
    expect(await count()).toBe(2);

    // The page goes before the export recorded it (its lock goes with it).
    finish();
    await exporting;
    expect(await sweepUnsentSubmissions(snapshots, draft.id, locks)).toBe(1);
    expect((await db.snapshots.toArray()).map((s) => s.label)).toEqual(['Before the interim']);
  });
});
