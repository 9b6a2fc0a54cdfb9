import { describe, expect, it } from 'vitest';
import {
  backupBytes,
  importBackup,
  replaceFromBackup,
} from '../../../../../renderer/src/app/backup/backup-actions';
import { createRepositories } from '../../../../../renderer/src/storage/open-storage';
import { openTestDatabase } from '../../storage/storage-test-helpers';

function setup() {
  return createRepositories(openTestDatabase());
}

describe('backup files through the backups repository', () => {
  it('backs up a draft with what is only on screen, and imports it back as a new draft', async () => {
    const repositories = setup();
    const { drafts, snapshots } = repositories;
    const draft = await drafts.createDraft({ title: 'Backed up', templateId: 'sdlp-aed' });
    await drafts.saveSection(draft.id, 'explore', { text: 'Stored.' });
    await snapshots.takeSnapshot(draft.id, 'manual', 'Named');

    const { bytes, drafts: backedUp } = await backupBytes(
      repositories,
      [draft.id],
      [{ draftId: draft.id, sectionId: 'explore', patch: { text: 'Stored. And on screen.' } }],
    );
    expect(backedUp.map((d) => d.title)).toEqual(['Backed up']);

    const [imported] = await importBackup(repositories, bytes);
    expect(imported!.id).not.toBe(draft.id);
    expect((await drafts.getSection(imported!.id, 'explore'))!.text).toBe('Stored. And on screen.');
    expect((await snapshots.listSnapshotInfo(imported!.id)).map((s) => s.label)).toEqual(['Named']);
    // The original is as it was.
    expect((await drafts.getSection(draft.id, 'explore'))!.text).toBe('Stored.');
  });

  it('replaces a draft from a backup of one draft, keeping a restore point, and refuses one of several', async () => {
    const repositories = setup();
    const { drafts, snapshots } = repositories;
    const source = await drafts.createDraft({ title: 'Source', templateId: 'sdlp-aed' });
    await drafts.saveSection(source.id, 'explore', { text: 'From the backup.' });
    const one = (await backupBytes(repositories, [source.id])).bytes;
    const target = await drafts.createDraft({ title: 'Target', templateId: 'sdlp-aed' });
    await drafts.saveSection(target.id, 'explore', { text: 'Replaced.' });

    await replaceFromBackup(repositories, target.id, one);
    expect((await drafts.getSection(target.id, 'explore'))!.text).toBe('From the backup.');
    const [info] = await snapshots.listSnapshotInfo(target.id);
    const point = await snapshots.getSnapshot(info!.id);
    expect(point!.label).toBe('Before replacing from the backup of “Source”');
    expect(point!.sections.find((s) => s.sectionId === 'explore')!.text).toBe('Replaced.');

    const several = (await backupBytes(repositories, [source.id, target.id])).bytes;
    await expect(replaceFromBackup(repositories, target.id, several)).rejects.toMatchObject({
      name: 'BackupImportError',
      message: expect.stringContaining('several drafts') as unknown,
    });
    await expect(
      replaceFromBackup(repositories, target.id, new Uint8Array([1, 2, 3])),
    ).rejects.toMatchObject({ name: 'BackupImportError' });
    expect(await snapshots.listSnapshotInfo(target.id)).toHaveLength(1);
  });
});
