import { IDBIndex } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createDraftsRepository } from '../../../../renderer/src/storage/drafts-repository';
import { createSnapshotsRepository } from '../../../../renderer/src/storage/snapshots-repository';
import type { SubmissionInfo } from '../../../../renderer/src/storage/snapshot-types';
import { openTestDatabase, testClock } from './storage-test-helpers';

function setup() {
  const db = openTestDatabase();
  const clock = testClock();
  return {
    db,
    clock,
    drafts: createDraftsRepository(db, clock),
    snapshots: createSnapshotsRepository(db, clock),
  };
}

describe('snapshots repository', () => {
  it('lists what History shows of every version, newest first, from the index alone', async () => {
    const { drafts, snapshots, clock } = setup();
    const a = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const b = await drafts.createDraft({ title: 'B', templateId: 'sdlp-aed' });
    await drafts.saveSection(a.id, 'explore', { text: 'Three words here.', editorState: '{}' });
    const taken = [];
    for (const [kind, label] of [
      ['auto', 'Opened'],
      ['manual', 'Before meeting — Siân’s “notes” ½'],
      ['submission', 'Interim 1'],
      ['before-restore', 'Before restoring “Interim 1”'],
    ] as const) {
      clock.advance(1000);
      const sent = kind === 'submission' ? { format: 'docx', fileName: 'x.docx' } : undefined;
      taken.push(await snapshots.takeSnapshot(a.id, kind, label, sent as SubmissionInfo));
    }
    await snapshots.takeSnapshot(b.id, 'auto', 'Other draft');

    const cursors = vi.spyOn(IDBIndex.prototype, 'openCursor');
    const values = vi.spyOn(IDBIndex.prototype, 'getAll');
    const listed = await snapshots.listSnapshotInfo(a.id);
    expect(cursors).not.toHaveBeenCalled();
    expect(values).not.toHaveBeenCalled();
    cursors.mockRestore();
    values.mockRestore();

    expect(listed).toEqual(
      taken.reverse().map(({ id, draftId, createdAt, kind, label, wordCount }) => ({
        id,
        draftId,
        createdAt,
        kind,
        label,
        wordCount,
      })),
    );
    expect(listed[0]!.wordCount).toBe(3);
    expect(await snapshots.listSnapshotInfo(a.id, 2)).toEqual(listed.slice(0, 2));
    expect(await snapshots.countSnapshots(a.id)).toBe(4);
    expect(await snapshots.countSnapshots(b.id)).toBe(1);
  });

  it('freezes the whole draft: later edits do not change the snapshot', async () => {
    const { drafts, snapshots, clock } = setup();
    const draft = await drafts.createDraft({ title: 'AED', templateId: 'sdlp-aed' });
    await drafts.saveSection(draft.id, 'explore', {
      text: 'First version of the need.',
      editorState: '{"v":1}',
    });
    await drafts.saveSection(draft.id, 'about-you', { fields: { 'full-name': 'Jane Smith' } });

    const snap = await snapshots.takeSnapshot(draft.id, 'submission', 'Interim 1', {
      format: 'docx',
      fileName: 'AED - Jane Smith - Interim 1 - 2023-11-14.docx',
    });
    expect(snap.wordCount).toBe(5);
    clock.advance(1000);
    await drafts.saveSection(draft.id, 'explore', {
      text: 'Rewritten entirely.',
      editorState: '{"v":2}',
    });
    await drafts.renameDraft(draft.id, 'Renamed');

    const again = (await snapshots.getSnapshot(snap.id))!;
    expect(again.draft.title).toBe('AED');
    const explore = again.sections.find((s) => s.sectionId === 'explore')!;
    expect(explore.text).toBe('First version of the need.');
    expect(explore.editorState).toBe('{"v":1}');
    expect(again.sections.find((s) => s.sectionId === 'about-you')!.fields['full-name']).toBe(
      'Jane Smith',
    );
    expect(again.submission).toEqual({
      format: 'docx',
      fileName: 'AED - Jane Smith - Interim 1 - 2023-11-14.docx',
    });
  });

  it('lists a draft’s submissions oldest first, and no other draft’s or kind’s', async () => {
    const { drafts, snapshots, clock } = setup();
    const a = await drafts.createDraft({ title: 'A', templateId: 'sdlp-aed' });
    const b = await drafts.createDraft({ title: 'B', templateId: 'sdlp-aed' });
    const sent = { format: 'docx', fileName: 'x.docx' } as const;
    await snapshots.takeSnapshot(a.id, 'submission', 'Interim 1', sent);
    clock.advance(10);
    await snapshots.takeSnapshot(a.id, 'auto', 'Opened');
    clock.advance(10);
    await snapshots.takeSnapshot(b.id, 'submission', 'Interim 1', sent);
    clock.advance(10);
    // Taken for an export that has not been saved yet: not a submission until it is recorded.
    const pending = await snapshots.takeSnapshot(a.id, 'submission', 'Interim 2');
    expect((await snapshots.listSubmissions(a.id)).map((s) => s.label)).toEqual(['Interim 1']);
    await snapshots.recordSubmission(pending.id, { format: 'pdf', fileName: 'y.pdf' });
    expect((await snapshots.listSubmissions(a.id)).map((s) => s.label)).toEqual([
      'Interim 1',
      'Interim 2',
    ]);
    expect((await snapshots.listSubmissions(b.id)).map((s) => s.label)).toEqual(['Interim 1']);
  });

  it('deletes a snapshot whose export was cancelled', async () => {
    const { db, drafts, snapshots } = setup();
    const d = await drafts.createDraft({ title: 'C', templateId: 'sdlp-aed' });
    const s = await snapshots.takeSnapshot(d.id, 'submission', 'Final');
    await snapshots.deleteSnapshot(s.id);
    expect(await db.snapshots.count()).toBe(0);
    await expect(
      snapshots.recordSubmission(s.id, { format: 'docx', fileName: 'z.docx' }),
    ).rejects.toThrow(/no longer exists/);
  });

  it('refuses a draft that does not exist and writes nothing', async () => {
    const { db, snapshots } = setup();
    await expect(snapshots.takeSnapshot('missing', 'manual', 'x')).rejects.toThrow(/no draft/);
    expect(await db.snapshots.count()).toBe(0);
  });

  it('is removed with its draft when the trash is emptied', async () => {
    const { db, drafts, snapshots } = setup();
    const d = await drafts.createDraft({ title: 'Gone', templateId: 'sdlp-aed' });
    await snapshots.takeSnapshot(d.id, 'submission', 'Final');
    await drafts.trashDraft(d.id);
    await drafts.emptyTrash();
    expect(await db.snapshots.count()).toBe(0);
  });
});

describe('version history', () => {
  it('restores the whole draft after snapshotting the present, and the restore can be undone', async () => {
    const { drafts, snapshots, clock } = setup();
    const d = await drafts.createDraft({ title: 'H', templateId: 'sdlp-aed' });
    await drafts.saveSection(d.id, 'explore', { text: 'Version one.' });
    await drafts.saveSection(d.id, 'deliver', { text: 'Deliver one.' });
    const v1 = await snapshots.takeSnapshot(d.id, 'manual', 'First draft');
    clock.advance(60_000);
    await drafts.saveSection(d.id, 'explore', { text: 'Version two.' });
    await drafts.saveSection(d.id, 'deliver', { text: 'Deliver two.' });

    clock.advance(60_000);
    const before = await snapshots.restore(v1.id);
    expect(before.kind).toBe('before-restore');
    expect((await drafts.getSection(d.id, 'explore'))!.text).toBe('Version one.');
    expect((await drafts.getSection(d.id, 'deliver'))!.text).toBe('Deliver one.');
    expect((await drafts.getSections(d.id)).length).toBe(12);
    expect((await drafts.getDraft(d.id))!.updatedAt).toBe(clock.now());

    await snapshots.restore(before.id); // undo
    expect((await drafts.getSection(d.id, 'explore'))!.text).toBe('Version two.');
    expect((await drafts.getSection(d.id, 'deliver'))!.text).toBe('Deliver two.');
    const kinds = (await snapshots.listSnapshotInfo(d.id)).map((s) => s.kind);
    expect(kinds).toEqual(['before-restore', 'before-restore', 'manual']);
  });

  it('restores one section and leaves the others as they are', async () => {
    const { drafts, snapshots } = setup();
    const d = await drafts.createDraft({ title: 'H', templateId: 'sdlp-aed' });
    await drafts.saveSection(d.id, 'explore', { text: 'Old explore.' });
    const v1 = await snapshots.takeSnapshot(d.id, 'auto', 'Opened');
    await drafts.saveSection(d.id, 'explore', { text: 'New explore.' });
    await drafts.saveSection(d.id, 'deliver', { text: 'New deliver.' });
    await snapshots.restore(v1.id, 'explore');
    expect((await drafts.getSection(d.id, 'explore'))!.text).toBe('Old explore.');
    expect((await drafts.getSection(d.id, 'deliver'))!.text).toBe('New deliver.');
  });

  it('thins automatic snapshots by age but keeps named versions', async () => {
    const { drafts, snapshots, clock } = setup();
    const d = await drafts.createDraft({ title: 'T', templateId: 'sdlp-aed' });
    await snapshots.takeSnapshot(d.id, 'auto', 'Opened'); // will be 100 days old
    await snapshots.takeSnapshot(d.id, 'manual', 'Before the meeting');
    clock.advance(100 * 24 * 3600 * 1000);
    await snapshots.takeSnapshot(d.id, 'auto', 'Opened');
    expect(await snapshots.thin(d.id)).toBe(1);
    expect((await snapshots.listSnapshotInfo(d.id)).map((s) => s.kind)).toEqual(['auto', 'manual']);
  });

  it('keeps unsaved changes in the restore point of a restore, never in the draft', async () => {
    const { drafts, snapshots } = setup();
    const d = await drafts.createDraft({ title: 'U', templateId: 'sdlp-aed' });
    await drafts.saveSection(d.id, 'explore', { text: 'Kept version.' });
    const kept = await snapshots.takeSnapshot(d.id, 'manual', 'Kept');
    await drafts.saveSection(d.id, 'explore', { text: 'Stored since.' });

    const point = await snapshots.restore(kept.id, undefined, [
      { draftId: d.id, sectionId: 'explore', patch: { text: 'Stored since. Typed.' } },
    ]);
    expect(point.sections.find((s) => s.sectionId === 'explore')!.text).toBe(
      'Stored since. Typed.',
    );
    expect(point.wordCount).toBe(3);
    expect((await drafts.getSection(d.id, 'explore'))!.text).toBe('Kept version.');
  });

  it('adds late typing to a restore point, and to nothing else', async () => {
    const { drafts, snapshots } = setup();
    const d = await drafts.createDraft({ title: 'L', templateId: 'sdlp-aed' });
    const kept = await snapshots.takeSnapshot(d.id, 'manual', 'Kept');
    const point = await snapshots.restore(kept.id);
    const late = [{ draftId: d.id, sectionId: 'explore', patch: { text: 'Typed late.' } }];

    await snapshots.amendRestorePoint(point.id, late);
    const amended = (await snapshots.getSnapshot(point.id))!;
    expect(amended.sections.find((s) => s.sectionId === 'explore')!.text).toBe('Typed late.');
    expect(amended.wordCount).toBe(2);
    await expect(snapshots.amendRestorePoint(kept.id, late)).rejects.toThrow('no longer stored');
    expect((await snapshots.getSnapshot(kept.id))!.sections.every((s) => s.text === '')).toBe(true);
    expect((await drafts.getSection(d.id, 'explore'))!.text).toBe('');
  });
});
