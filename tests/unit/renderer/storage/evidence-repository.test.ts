import { describe, expect, it } from 'vitest';
import { createBackupsRepository } from '../../../../renderer/src/storage/backups-repository';
import { createDraftsRepository } from '../../../../renderer/src/storage/drafts-repository';
import {
  createEvidenceRepository,
  EvidenceRejectedError,
} from '../../../../renderer/src/storage/evidence-repository';
import { createSnapshotsRepository } from '../../../../renderer/src/storage/snapshots-repository';
import { sha256Hex } from '../../../../shared/backup/checksums';
import { MAX_EVIDENCE_FILE_BYTES, MAX_EVIDENCE_ITEMS } from '../../../../shared/content-limits';
import { CSV, PDF, PNG, TEXT, file, jpeg, office } from '../../../fixtures/evidence/sample-files';
import { openTestDatabase, testClock } from './storage-test-helpers';

function setup() {
  const db = openTestDatabase();
  const clock = testClock();
  return {
    db,
    clock,
    drafts: createDraftsRepository(db, clock),
    snapshots: createSnapshotsRepository(db, clock),
    backups: createBackupsRepository(db, clock),
    evidence: createEvidenceRepository(db, clock),
  };
}

async function bytesOf(blob: Blob | undefined): Promise<Uint8Array> {
  if (!blob) throw new Error('no blob');
  return new Uint8Array(await blob.arrayBuffer());
}

describe('evidence repository', () => {
  it('adds several files with their type from the bytes, dated by the file, in the order given', async () => {
    const { drafts, evidence, clock } = setup();
    const draft = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    clock.advance(5000);
    const { added, alreadyThere } = await evidence.addEvidence(draft.id, [
      file('display.png', PNG, new Date(2025, 10, 3, 23, 30).getTime()),
      file('plan.pdf', PDF),
      file('scores.csv', CSV),
      file('notes.docx', office('docx')),
    ]);
    expect(alreadyThere).toEqual([]);
    expect(added.map((i) => [i.fileName, i.mimeType, i.size])).toEqual([
      ['display.png', 'image/png', PNG.length],
      ['plan.pdf', 'application/pdf', PDF.length],
      ['scores.csv', 'text/csv', CSV.length],
      [
        'notes.docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        office('docx').length,
      ],
    ]);
    // The file's own (local) day, not the day it was added.
    expect(added[0]!.date).toBe('2025-11-03');
    expect(added[0]).toMatchObject({ caption: '', stages: [], domains: [], criteria: [] });
    expect(added[0]!.sha256).toBe(await sha256Hex(PNG));
    expect((await evidence.listEvidence(draft.id)).map((i) => i.fileName)).toEqual([
      'display.png',
      'plan.pdf',
      'scores.csv',
      'notes.docx',
    ]);
    expect((await drafts.getDraft(draft.id))!.updatedAt).toBe(clock.now());

    const blob = await evidence.getEvidenceBlob(added[0]!.id);
    expect(blob).toBeInstanceOf(Blob);
    expect(blob!.type).toBe('image/png');
    expect(await bytesOf(blob)).toEqual(PNG);
    expect(await bytesOf(await evidence.getBlob(added[1]!.sha256, 'application/pdf'))).toEqual(PDF);
    expect(await evidence.getEvidenceBlob('nope')).toBeUndefined();
  });

  it('adds nothing of a batch with one unsupported or oversized file, and names it', async () => {
    const { db, drafts, evidence } = setup();
    const draft = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    await evidence.addEvidence(draft.id, [file('kept.png', PNG)]);
    const before = { items: await db.evidence.count(), blobs: await db.blobs.count() };

    const unsupported = evidence.addEvidence(draft.id, [
      file('plan.pdf', PDF),
      file('notes.txt', TEXT),
      file('more.png', jpeg(3)),
    ]);
    await expect(unsupported).rejects.toBeInstanceOf(EvidenceRejectedError);
    await expect(unsupported).rejects.toMatchObject({
      fileName: 'notes.txt',
      message: expect.stringMatching(
        /^Nothing was added: “notes\.txt” is not a kind of file AED Writer keeps as evidence/,
      ) as unknown,
    });

    // A file past the limit is refused from its size, before any file of the batch is read.
    const reads: string[] = [];
    const watched = (name: string, size: number, bytes: Uint8Array = PDF) => ({
      name,
      lastModified: 0,
      size,
      arrayBuffer: () => {
        reads.push(name);
        return Promise.resolve(bytes.slice().buffer);
      },
    });
    await expect(
      evidence.addEvidence(draft.id, [
        watched('a.pdf', PDF.length),
        watched('film.mov', MAX_EVIDENCE_FILE_BYTES + 1),
      ]),
    ).rejects.toMatchObject({
      name: 'EvidenceRejectedError',
      message: 'Nothing was added: “film.mov” is 25.0 MB; an evidence file can be at most 25 MB.',
    });
    expect(reads).toEqual([]);
    expect({ items: await db.evidence.count(), blobs: await db.blobs.count() }).toEqual(before);
  });

  it('refuses a batch that takes a draft past its limit of items, adding none', async () => {
    const { db, drafts, evidence } = setup();
    const draft = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const filler = Array.from({ length: MAX_EVIDENCE_ITEMS - 1 }, (_, i) => ({
      id: `e${i}`,
      draftId: draft.id,
      fileName: `${i}.jpg`,
      mimeType: 'image/jpeg' as const,
      size: 1,
      sha256: 'f'.repeat(64),
      caption: '',
      date: '',
      stages: [],
      domains: [],
      criteria: [],
      createdAt: i,
    }));
    await db.evidence.bulkAdd(filler);
    await expect(
      evidence.addEvidence(draft.id, [file('one.pdf', PDF), file('two.png', PNG)]),
    ).rejects.toThrow(/at most 1,000 evidence files, and this one has 999/);
    expect(await db.evidence.count()).toBe(MAX_EVIDENCE_ITEMS - 1);
    expect(await db.blobs.count()).toBe(0);
    await evidence.addEvidence(draft.id, [file('one.pdf', PDF)]);
    expect(await db.evidence.count()).toBe(MAX_EVIDENCE_ITEMS);
  });

  it('stores each content once: the same file in two drafts, and a duplicated draft, share one blob', async () => {
    const { db, drafts, evidence } = setup();
    const a = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const b = await drafts.createDraft({ title: 'B', templateId: 'sdlp-aed' });
    await evidence.addEvidence(a.id, [file('photo.jpg', jpeg(1)), file('plan.pdf', PDF)]);
    await evidence.addEvidence(b.id, [file('same photo, new name.jpg', jpeg(1))]);
    const copy = await drafts.duplicateDraft(a.id);
    expect(await db.evidence.count()).toBe(5);
    expect(await db.blobs.count()).toBe(2);
    const copied = await evidence.listEvidence(copy.id);
    expect(copied.map((i) => i.fileName)).toEqual(['photo.jpg', 'plan.pdf']);
    expect(copied.every((i) => i.draftId === copy.id)).toBe(true);
    const originals = await evidence.listEvidence(a.id);
    expect(copied.map((i) => i.id)).not.toContain(originals[0]!.id);

    // The same content again in one draft is not a second item.
    // Added in the same millisecond as the batch before, it still lists after it.
    const again = await evidence.addEvidence(a.id, [
      file('photo again.jpg', jpeg(1)),
      file('new.png', PNG),
      file('new twice.png', PNG),
    ]);
    expect(again.added.map((i) => i.fileName)).toEqual(['new.png']);
    expect(again.alreadyThere).toEqual(['photo again.jpg', 'new twice.png']);
    expect((await evidence.listEvidence(a.id)).map((i) => i.fileName)).toEqual([
      'photo.jpg',
      'plan.pdf',
      'new.png',
    ]);
    expect(await db.blobs.count()).toBe(3);
  });

  it('changes captions, dates and tags, keeping tags known and in template order', async () => {
    const { drafts, evidence, clock } = setup();
    const draft = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const [item] = (await evidence.addEvidence(draft.id, [file('display.png', PNG)])).added;
    clock.advance(1000);
    await evidence.updateEvidence(item!.id, {
      caption: 'Working wall in Year 4: ½ + ¼',
      date: '2026-02-29', // no such day: ignored
      stages: ['deliver', 'explore', 'nowhere', 'explore'],
      domains: ['culture', 'pedagogy'],
      criteria: ['c7', 'c2'],
    });
    expect(await evidence.getEvidence(item!.id)).toMatchObject({
      caption: 'Working wall in Year 4: ½ + ¼',
      date: item!.date,
      stages: ['explore', 'deliver'],
      domains: ['pedagogy', 'culture'],
      criteria: ['c2', 'c7'],
    });
    expect((await drafts.getDraft(draft.id))!.updatedAt).toBe(clock.now());
    await evidence.updateEvidence(item!.id, { date: '2024-02-29' });
    expect((await evidence.getEvidence(item!.id))!.date).toBe('2024-02-29');
    await evidence.updateEvidence(item!.id, { date: '' });
    expect((await evidence.getEvidence(item!.id))!.date).toBe('');
    await expect(evidence.updateEvidence('gone', { caption: 'x' })).rejects.toThrow(
      'That evidence is no longer stored.',
    );
  });

  it('removes an item, and its bytes only when nothing else shows them', async () => {
    const { db, drafts, evidence } = setup();
    const a = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const b = await drafts.createDraft({ title: 'B', templateId: 'sdlp-aed' });
    const [photo, plan] = (
      await evidence.addEvidence(a.id, [file('photo.jpg', jpeg(1)), file('plan.pdf', PDF)])
    ).added;
    await evidence.addEvidence(b.id, [file('photo.jpg', jpeg(1))]);

    await evidence.removeEvidence(plan!.id);
    expect(await evidence.getEvidence(plan!.id)).toBeUndefined();
    expect(await evidence.getBlob(plan!.sha256, plan!.mimeType)).toBeUndefined();
    await evidence.removeEvidence(photo!.id);
    // Draft B still shows the photo.
    expect(await bytesOf(await evidence.getBlob(photo!.sha256, photo!.mimeType))).toEqual(jpeg(1));
    expect(await db.blobs.count()).toBe(1);
    await evidence.removeEvidence('gone'); // nothing to do
  });

  it('keeps in a snapshot the items as they were, sharing their bytes, and restores them', async () => {
    const { db, drafts, evidence, snapshots, clock } = setup();
    const draft = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const [photo, plan] = (
      await evidence.addEvidence(draft.id, [file('photo.jpg', jpeg(1)), file('plan.pdf', PDF)])
    ).added;
    await evidence.updateEvidence(photo!.id, { caption: 'Before', stages: ['explore'] });
    const kept = await snapshots.takeSnapshot(draft.id, 'manual', 'With evidence');
    expect(kept.evidence!.map((i) => [i.fileName, i.caption])).toEqual([
      ['photo.jpg', 'Before'],
      ['plan.pdf', ''],
    ]);
    // The snapshot reads back as it was taken: storage's own index field stays in storage.
    expect(await snapshots.getSnapshot(kept.id)).toEqual(kept);
    expect(await db.blobs.count()).toBe(2);

    clock.advance(1000);
    await evidence.updateEvidence(photo!.id, { caption: 'After' });
    await evidence.removeEvidence(plan!.id);
    // The snapshot still shows the plan, so its bytes stay.
    expect(await bytesOf(await evidence.getBlob(plan!.sha256, plan!.mimeType))).toEqual(PDF);

    const point = await snapshots.restore(kept.id);
    expect(point.evidence!.map((i) => [i.fileName, i.caption])).toEqual([['photo.jpg', 'After']]);
    expect((await evidence.listEvidence(draft.id)).map((i) => [i.id, i.caption])).toEqual([
      [photo!.id, 'Before'],
      [plan!.id, ''],
    ]);

    // Once no version shows the plan, deleting the last one frees its bytes.
    await evidence.removeEvidence(plan!.id);
    await snapshots.deleteSnapshot(kept.id);
    expect(await evidence.getBlob(plan!.sha256, plan!.mimeType)).toBeUndefined();
    expect(await db.blobs.count()).toBe(1);
  });

  it('leaves the evidence as it is when restoring one section, or a version from before evidence', async () => {
    const { db, drafts, evidence, snapshots } = setup();
    const draft = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const empty = await snapshots.takeSnapshot(draft.id, 'manual', 'No evidence yet');
    await evidence.addEvidence(draft.id, [file('photo.jpg', jpeg(1))]);
    await snapshots.restore(empty.id, 'explore');
    expect(await evidence.listEvidence(draft.id)).toHaveLength(1);

    // A version stored before evidence existed has no list at all.
    const old = { ...empty, id: 'old', evidence: undefined };
    delete old.evidence;
    await db.snapshots.add(old);
    await snapshots.restore('old');
    expect(await evidence.listEvidence(draft.id)).toHaveLength(1);
    // A version that had none (an empty list) restores to none.
    await snapshots.restore(empty.id);
    expect(await evidence.listEvidence(draft.id)).toHaveLength(0);
  });

  it('deletes a draft for ever with its items, and the bytes no other draft shows', async () => {
    const { db, drafts, evidence, snapshots } = setup();
    const a = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const b = await drafts.createDraft({ title: 'B', templateId: 'sdlp-aed' });
    await evidence.addEvidence(a.id, [file('shared.jpg', jpeg(1)), file('own.pdf', PDF)]);
    await snapshots.takeSnapshot(a.id, 'manual', 'Kept');
    await evidence.addEvidence(b.id, [file('shared.jpg', jpeg(1))]);
    const [shared] = await evidence.listEvidence(b.id);

    await drafts.deleteForever(a.id);
    expect(await db.evidence.where('draftId').equals(a.id).count()).toBe(0);
    expect((await db.blobs.toCollection().primaryKeys()).sort()).toEqual([shared!.sha256]);

    await drafts.trashDraft(b.id);
    expect(await drafts.emptyTrash()).toBe(1);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
  });

  it('thinning automatic versions frees the bytes only they showed', async () => {
    const { db, drafts, evidence, snapshots, clock } = setup();
    const draft = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const [old] = (await evidence.addEvidence(draft.id, [file('old.png', PNG)])).added;
    await evidence.addEvidence(draft.id, [file('kept.pdf', PDF)]);
    // Two automatic versions a minute apart: after 48 hours only the day's newest is kept.
    await snapshots.takeSnapshot(draft.id, 'auto', '');
    clock.advance(60_000);
    await evidence.removeEvidence(old!.id);
    await snapshots.takeSnapshot(draft.id, 'auto', '');
    clock.advance(10 * 24 * 3_600_000);
    expect(await db.blobs.count()).toBe(2);
    expect(await snapshots.thin(draft.id)).toBe(1);
    expect(await evidence.getBlob(old!.sha256, old!.mimeType)).toBeUndefined();
    expect(await db.blobs.count()).toBe(1);
  });
});
