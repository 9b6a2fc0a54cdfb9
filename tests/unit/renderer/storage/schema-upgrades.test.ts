import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AedDatabase } from '../../../../renderer/src/storage/db';
import { createDraftsRepository } from '../../../../renderer/src/storage/drafts-repository';
import { createSnapshotsRepository } from '../../../../renderer/src/storage/snapshots-repository';
import { makeV1Database, V1_RECORDS } from '../../../fixtures/db/schema-v1';

// One case per schema version ever shipped: a database made by that version's code opens with
// the current code, upgraded, with nothing lost.
describe('opening databases made by earlier versions', () => {
  it('version 1: every record survives and the repositories read it', async () => {
    const name = `aed-v1-${crypto.randomUUID()}`;
    await makeV1Database(name);
    const db = new AedDatabase(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
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
});
