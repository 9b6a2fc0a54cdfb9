/**
 * Evidence through backups, end to end over storage: backed up with its bytes, imported whole
 * (blobs shared, ids new), replacing a draft's evidence, and a refused file writing nothing.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import {
  backupBytes,
  importBackup,
  replaceFromBackup,
} from '../../../../../renderer/src/app/backup/backup-actions';
import { createRepositories } from '../../../../../renderer/src/storage/open-storage';
import { writeBackup } from '../../../../../shared/backup';
import { APP_VERSION, SAMPLE_NOW, evidenceDraft } from '../../../../fixtures/backup/sample-drafts';
import { CSV, PDF, PNG, file, jpeg } from '../../../../fixtures/evidence/sample-files';
import { jsonEntry, readJson, relist, repack, unpack } from '../../../shared/backup/helpers';
import { openTestDatabase } from '../../storage/storage-test-helpers';

function setup() {
  const db = openTestDatabase();
  return { db, ...createRepositories(db) };
}

async function bytesOf(blob: Blob | undefined): Promise<Uint8Array> {
  if (!blob) throw new Error('no blob');
  return new Uint8Array(await blob.arrayBuffer());
}

async function counts(db: ReturnType<typeof setup>['db']) {
  return {
    drafts: await db.drafts.count(),
    sections: await db.sections.count(),
    snapshots: await db.snapshots.count(),
    evidence: await db.evidence.count(),
    blobs: await db.blobs.count(),
  };
}

describe('evidence in backups, through storage', () => {
  it('backs up a draft’s evidence and a version’s, and imports them back sharing bytes', async () => {
    const repos = setup();
    const { drafts, evidence, snapshots } = repos;
    const draft = await drafts.createDraft({ title: 'With evidence', templateId: 'sdlp-aed' });
    const { added } = await evidence.addEvidence(draft.id, [
      file('wall.png', PNG),
      file('plan.pdf', PDF),
      file('scores.csv', CSV),
    ]);
    await evidence.updateEvidence(added[0]!.id, {
      caption: 'Working wall',
      stages: ['deliver'],
      domains: ['culture'],
      criteria: ['c1'],
    });
    await evidence.addEvidence(draft.id, [file('gone.jpg', jpeg(9))]);
    await snapshots.takeSnapshot(draft.id, 'manual', 'Kept');
    const gone = (await evidence.listEvidence(draft.id)).find((i) => i.fileName === 'gone.jpg')!;
    await evidence.removeEvidence(gone.id);

    const { bytes } = await backupBytes(repos, [draft.id]);
    const [imported] = await importBackup(repos, bytes);
    const items = await evidence.listEvidence(imported!.id);
    expect(items.map((i) => [i.fileName, i.caption, i.stages, i.domains, i.criteria])).toEqual([
      ['wall.png', 'Working wall', ['deliver'], ['culture'], ['c1']],
      ['plan.pdf', '', [], [], []],
      ['scores.csv', '', [], [], []],
    ]);
    expect(items.map((i) => i.id)).not.toContain(added[0]!.id);
    expect(await bytesOf(await evidence.getEvidenceBlob(items[0]!.id))).toEqual(PNG);
    // The same bytes, already stored for the original: still one blob each.
    expect(await repos.db.blobs.count()).toBe(4);

    // The imported version shows the removed file, whose bytes came with the backup.
    const [info] = await snapshots.listSnapshotInfo(imported!.id);
    const version = await snapshots.getSnapshot(info!.id);
    const old = version!.evidence!.find((i) => i.fileName === 'gone.jpg')!;
    expect(await bytesOf(await evidence.getBlob(old.sha256, old.mimeType))).toEqual(jpeg(9));
    expect(version!.evidence!.find((i) => i.fileName === 'wall.png')!.id).toBe(items[0]!.id);

    // Deleting the original for ever keeps every byte the import still shows.
    await drafts.deleteForever(draft.id);
    expect(await bytesOf(await evidence.getEvidenceBlob(items[2]!.id))).toEqual(CSV);
    expect(await repos.db.blobs.count()).toBe(4);
  });

  it('imports a backup into an empty library, blobs and all', async () => {
    const repos = setup();
    const bytes = await writeBackup({
      drafts: [await evidenceDraft()],
      appVersion: APP_VERSION,
      now: SAMPLE_NOW,
    });
    const [imported] = await importBackup(repos, bytes);
    expect(
      (await repos.evidence.listEvidence(imported!.id)).map((i) => [i.fileName, i.mimeType]),
    ).toEqual([
      ['Wal arddangos — لوحة.png', 'image/png'],
      ['PD plan.pdf', 'application/pdf'],
      ['scores.csv', 'text/csv'],
    ]);
    expect(await repos.db.blobs.count()).toBe(4);
  });

  it('imports the format 2 fixture', async () => {
    const repos = setup();
    const v2 = new URL('../../../../fixtures/backup/v2.aedx', import.meta.url);
    const [imported] = await importBackup(repos, new Uint8Array(await readFile(v2)));
    const items = await repos.evidence.listEvidence(imported!.id);
    expect(items.map((i) => i.fileName)).toEqual(['IMG_2041.png', 'Before and after.csv']);
    expect(await bytesOf(await repos.evidence.getEvidenceBlob(items[0]!.id))).toEqual(PNG);
  });

  it('replaces a draft’s evidence with a backup’s, keeping today’s in the restore point', async () => {
    const repos = setup();
    const { drafts, evidence, snapshots } = repos;
    const source = await drafts.createDraft({ title: 'Source', templateId: 'sdlp-aed' });
    await evidence.addEvidence(source.id, [file('from-backup.pdf', PDF)]);
    const one = (await backupBytes(repos, [source.id])).bytes;
    const target = await drafts.createDraft({ title: 'Target', templateId: 'sdlp-aed' });
    const [own] = (await evidence.addEvidence(target.id, [file('own.jpg', jpeg(4))])).added;

    await replaceFromBackup(repos, target.id, one);
    const items = await evidence.listEvidence(target.id);
    expect(items.map((i) => i.fileName)).toEqual(['from-backup.pdf']);
    // New ids: the source draft keeps its own item.
    expect(items[0]!.id).not.toBe((await evidence.listEvidence(source.id))[0]!.id);
    const [info] = await snapshots.listSnapshotInfo(target.id);
    const point = await snapshots.getSnapshot(info!.id);
    expect(point!.evidence!.map((i) => i.fileName)).toEqual(['own.jpg']);
    // Restoring the restore point brings the draft's own evidence back, bytes and all.
    await snapshots.restore(point!.id);
    expect((await evidence.listEvidence(target.id)).map((i) => i.id)).toEqual([own!.id]);
    expect(await bytesOf(await evidence.getEvidenceBlob(own!.id))).toEqual(jpeg(4));
  });

  it('leaves out of a backup an item whose bytes cannot be read, keeping everything else', async () => {
    const repos = setup();
    const { drafts, evidence, snapshots } = repos;
    const draft = await drafts.createDraft({ title: 'Failing disk', templateId: 'sdlp-aed' });
    await drafts.saveSection(draft.id, 'explore', { text: 'The words matter most.' });
    const [lost] = (
      await evidence.addEvidence(draft.id, [file('lost.pdf', PDF), file('kept.csv', CSV)])
    ).added;
    await snapshots.takeSnapshot(draft.id, 'manual', 'Both files');
    await repos.db.blobs.delete(lost!.sha256);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const [imported] = await importBackup(repos, (await backupBytes(repos, [draft.id])).bytes);
    expect(warn).toHaveBeenCalledWith('“lost.pdf” is left out of the backup', expect.any(Error));
    warn.mockRestore();
    expect((await drafts.getSection(imported!.id, 'explore'))!.text).toBe('The words matter most.');
    expect((await evidence.listEvidence(imported!.id)).map((i) => i.fileName)).toEqual([
      'kept.csv',
    ]);
    const [info] = await snapshots.listSnapshotInfo(imported!.id);
    expect((await snapshots.getSnapshot(info!.id))!.evidence!.map((i) => i.fileName)).toEqual([
      'kept.csv',
    ]);
  });

  it('writes nothing when the backup’s evidence is refused', async () => {
    const repos = setup();
    await repos.drafts.createDraft({ title: 'Existing', templateId: 'sdlp-aed' });
    const before = await counts(repos.db);
    const entries = unpack(
      await writeBackup({
        drafts: [await evidenceDraft()],
        appVersion: APP_VERSION,
        now: SAMPLE_NOW,
      }),
    );
    const path = 'drafts/draft-evidence/draft.json';
    const broken = async (change: (json: Record<string, unknown>) => void) => {
      const json = readJson(entries.find((e) => e.name === path)!) as Record<string, unknown>;
      change(json);
      return repack(
        await relist(entries.map((e) => (e.name === path ? jsonEntry(path, json) : e))),
      );
    };
    const items = (j: Record<string, unknown>) => j.evidence as Array<Record<string, unknown>>;
    for (const bytes of [
      await broken((j) => void (items(j)[2]!.sha256 = 'c'.repeat(64))),
      await broken((j) => void (items(j)[0]!.mimeType = 'application/pdf')),
      await broken((j) => void (items(j)[1]!.caption = 'x'.repeat(5000))),
      await broken((j) => void (j.evidence = [...items(j), ...items(j)])),
    ]) {
      await expect(importBackup(repos, bytes)).rejects.toMatchObject({
        name: 'BackupImportError',
        message: expect.stringContaining('This backup is damaged') as unknown,
      });
      const target = (await repos.drafts.listDrafts())[0]!;
      await expect(replaceFromBackup(repos, target.id, bytes)).rejects.toMatchObject({
        name: 'BackupImportError',
      });
      expect(await counts(repos.db)).toEqual(before);
    }
  });
});
