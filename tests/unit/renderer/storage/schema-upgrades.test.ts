import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AedDatabase } from '../../../../renderer/src/storage/db';
import { createDraftsRepository } from '../../../../renderer/src/storage/drafts-repository';
import { createSnapshotsRepository } from '../../../../renderer/src/storage/snapshots-repository';
import { createEvidenceRepository } from '../../../../renderer/src/storage/evidence-repository';
import { makeV1Database, V1_RECORDS } from '../../../fixtures/db/schema-v1';
import { makeV3Database, V3_RECORDS } from '../../../fixtures/db/schema-v3';
import { makeV4Database, v4Records } from '../../../fixtures/db/schema-v4';
import { createFeedbackRepository } from '../../../../renderer/src/storage/feedback-repository';
import { PDF, PNG, file } from '../../../fixtures/evidence/sample-files';

// One case per schema version ever shipped: a database made by that version's code opens with
// the current code, upgraded, with nothing lost.
describe('opening databases made by earlier versions', () => {
  it('version 1: every record survives and the repositories read it', async () => {
    const name = `aed-v1-${crypto.randomUUID()}`;
    await makeV1Database(name);
    const db = new AedDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.drafts.toArray()).toEqual(V1_RECORDS.drafts);
    const sections = await db.sections.toArray();
    for (const stored of V1_RECORDS.sections) {
      expect(sections.find((s) => s.sectionId === stored.sectionId)).toEqual(stored);
    }
    expect(await db.snapshots.toArray()).toEqual(V1_RECORDS.snapshots);

    const drafts = createDraftsRepository(db);
    // Version 2's index finds the version-1 submission.
    const submissions = await createSnapshotsRepository(db).listSubmissions('draft-v1');
    expect(submissions.map((s) => s.label)).toEqual(['Interim 1']);
    // Version 3's index lists every version-1 snapshot for History without reading them.
    expect(await createSnapshotsRepository(db).listSnapshotInfo('draft-v1')).toEqual(
      V1_RECORDS.snapshots
        .filter((s) => s.draftId === 'draft-v1')
        .sort((a, b) => b.createdAt - a.createdAt)
        .map(({ id, draftId, createdAt, kind, label, wordCount }) => ({
          id,
          draftId,
          createdAt,
          kind,
          label,
          wordCount,
        })),
    );
    expect((await drafts.listDrafts()).map((d) => d.title)).toEqual(['AED 2025–26']);
    expect((await drafts.searchDrafts('EXPECTED')).map((r) => r.draft.id)).toEqual(['draft-v1']);
    expect((await drafts.getSection('draft-v1', 'about-you'))!.fields['full-name']).toBe(
      'Siân O’Connor',
    );
    db.close();
  });

  it('version 3: every record survives, and evidence (version 4) works beside it', async () => {
    const name = `aed-v3-${crypto.randomUUID()}`;
    await makeV3Database(name);
    const db = new AedDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.drafts.toArray()).toEqual(V3_RECORDS.drafts);
    expect(await db.sections.toArray()).toEqual(
      [...V3_RECORDS.sections].sort((a, b) => a.draftId.localeCompare(b.draftId)),
    );
    expect(await db.snapshots.toArray()).toEqual(V3_RECORDS.snapshots);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);

    const drafts = createDraftsRepository(db);
    const snapshots = createSnapshotsRepository(db);
    const evidence = createEvidenceRepository(db);
    expect((await snapshots.listSnapshotInfo('draft-v3')).map((s) => s.id)).toEqual([
      'v3-submission',
      'v3-auto',
    ]);
    // A version-3 snapshot reads as it was written: no evidence list, nothing added.
    expect(await snapshots.getSnapshot('v3-submission')).toEqual(V3_RECORDS.snapshots[1]);

    // The upgraded draft takes evidence; a new version holds it, and the index sees its bytes.
    const { added } = await evidence.addEvidence('draft-v3', [
      file('wall.png', PNG),
      file('plan.pdf', PDF),
    ]);
    const kept = await snapshots.takeSnapshot('draft-v3', 'manual', 'With evidence');
    expect(kept.evidence!.map((i) => i.id)).toEqual(added.map((i) => i.id));
    expect(await db.snapshots.where('blobRefs').equals(added[0]!.sha256).primaryKeys()).toEqual([
      kept.id,
    ]);
    // Restoring a version-3 snapshot (no evidence then recorded) keeps today's evidence.
    await snapshots.restore('v3-auto');
    expect((await drafts.getSection('draft-v3', 'deliver'))!.text).toBe('An earlier deliver.');
    expect(await evidence.listEvidence('draft-v3')).toHaveLength(2);

    // The trashed version-3 draft empties from the trash with its snapshots.
    expect(await drafts.emptyTrash()).toBe(1);
    expect(await db.snapshots.where('draftId').equals('trashed-v3').count()).toBe(0);
    expect(await db.blobs.count()).toBe(2);
    db.close();
  });

  it('version 4: evidence items, their bytes and versions survive, and feedback (version 5) works beside them', async () => {
    const name = `aed-v4-${crypto.randomUUID()}`;
    await makeV4Database(name);
    const records = await v4Records();
    const db = new AedDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.drafts.toArray()).toEqual(records.drafts);
    expect(await db.sections.toArray()).toEqual(records.sections);
    expect(await db.evidence.toArray()).toEqual(records.evidence);
    expect(await db.feedback.count()).toBe(0);

    const evidence = createEvidenceRepository(db);
    const snapshots = createSnapshotsRepository(db);
    const blob = await evidence.getEvidenceBlob('evidence-v4');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(PNG);
    expect((await snapshots.getSnapshot('v4-submission'))!.evidence).toEqual(records.evidence);
    // The version-4 multi-entry index still finds the version that needs the bytes.
    expect(await db.snapshots.where('blobRefs').equals(records.sha256).primaryKeys()).toEqual([
      'v4-submission',
    ]);

    const feedback = createFeedbackRepository(db);
    const typed = await feedback.addFeedback('draft-v4', {
      submissionId: 'v4-submission',
      sectionId: 'deliver',
      author: 'Ann Lee',
      text: 'Say which year groups the wall is for.',
    });
    expect((await feedback.listFeedback('draft-v4')).map((f) => f.id)).toEqual([typed.id]);
    // Deleting the upgraded draft for ever takes its feedback and, unshown, its bytes.
    await createDraftsRepository(db).deleteForever('draft-v4');
    expect(await db.feedback.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    db.close();
  });
});
