import { describe, expect, it } from 'vitest';
import { createBackupsRepository } from '../../../../renderer/src/storage/backups-repository';
import { createDraftsRepository } from '../../../../renderer/src/storage/drafts-repository';
import { createSnapshotsRepository } from '../../../../renderer/src/storage/snapshots-repository';
import { emptySection } from '../../../../shared/model';
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
  };
}

describe('backups repository', () => {
  it('reads drafts with their sections and snapshots, unsaved changes over the stored text', async () => {
    const { drafts, snapshots, backups } = setup();
    const a = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const b = await drafts.createDraft({ title: 'B', templateId: 'sdlp-aed' });
    await drafts.saveSection(a.id, 'explore', { text: 'Stored.' });
    await snapshots.takeSnapshot(a.id, 'manual', 'Kept');

    const [readA, readB] = await backups.readDrafts(
      [a.id, b.id],
      [
        { draftId: a.id, sectionId: 'explore', patch: { text: 'Only on screen.' } },
        { draftId: a.id, sectionId: 'not-stored-yet', patch: { text: 'New here.' } },
      ],
    );
    expect(readA!.draft.title).toBe('A');
    expect(readA!.snapshots.map((s) => s.label)).toEqual(['Kept']);
    const text = (id: string) => readA!.sections.find((s) => s.sectionId === id)?.text;
    expect(text('explore')).toBe('Only on screen.');
    expect(text('not-stored-yet')).toBe('New here.');
    // Another draft's unsaved changes are not this one's.
    expect(readB!.sections.every((s) => s.text === '')).toBe(true);
    // Nothing was written by reading.
    expect((await drafts.getSection(a.id, 'explore'))!.text).toBe('Stored.');

    await expect(backups.readDrafts([a.id, 'gone'])).rejects.toThrow(
      'That draft is no longer in your library.',
    );
  });

  it('adds an import in one transaction: a clash leaves nothing behind', async () => {
    const { db, drafts, backups, clock } = setup();
    const existing = await drafts.createDraft({ title: 'Existing', templateId: 'sdlp-aed' });
    const draft = { ...existing, id: 'new-draft', title: 'Imported' };
    const sections = [{ ...emptySection('new-draft', 'explore', clock.now()), text: 'In.' }];
    await backups.addDrafts({
      drafts: [draft],
      sections,
      snapshots: [],
      files: [],
      evidence: [],
      blobs: [],
      feedback: [],
      draftIds: new Map(),
    });
    expect((await drafts.getSection('new-draft', 'explore'))!.text).toBe('In.');

    const clash = { ...draft, id: 'second' };
    const before = await db.sections.count();
    await expect(
      backups.addDrafts({
        drafts: [clash],
        // The same key twice: the second add fails, and takes the draft with it.
        sections: [emptySection('second', 'explore', 1), emptySection('second', 'explore', 1)],
        snapshots: [],
        files: [],
        evidence: [],
        blobs: [],
        feedback: [],
        draftIds: new Map(),
      }),
    ).rejects.toThrow();
    expect(await drafts.getDraft('second')).toBeUndefined();
    expect(await db.sections.count()).toBe(before);
  });

  it('replaces a draft’s sections after a restore point holding what it had, unsaved text included', async () => {
    const { drafts, snapshots, backups, clock } = setup();
    const draft = await drafts.createDraft({ title: 'Mine', templateId: 'sdlp-aed' });
    await drafts.saveSection(draft.id, 'explore', { text: 'Stored.' });
    clock.advance(1000);

    const point = await backups.replaceDraft(
      draft.id,
      {
        sections: [{ ...emptySection('backup-id', 'explore', 5), text: 'From the backup.' }],
        label: 'Before replacing',
      },
      [{ draftId: draft.id, sectionId: 'explore', patch: { text: 'Stored. And typed.' } }],
    );

    expect(point).toMatchObject({ kind: 'before-restore', label: 'Before replacing' });
    expect(point.sections.find((s) => s.sectionId === 'explore')!.text).toBe('Stored. And typed.');
    expect(await drafts.getSections(draft.id)).toEqual([
      expect.objectContaining({
        draftId: draft.id,
        sectionId: 'explore',
        text: 'From the backup.',
        updatedAt: clock.now(),
      }),
    ]);
    expect((await drafts.getDraft(draft.id))!.updatedAt).toBe(clock.now());
    expect((await snapshots.listSnapshotInfo(draft.id)).map((s) => s.id)).toEqual([point.id]);

    await expect(backups.replaceDraft('gone', { sections: [], label: 'x' })).rejects.toThrow(
      'That draft is no longer in your library.',
    );
  });
});
