import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rewriteDraft } from '../../../../../renderer/src/app/session/draft-rewrite';
import { DraftSession } from '../../../../../renderer/src/app/session/draft-session';
import type { DraftSessionEvents } from '../../../../../renderer/src/app/session/session-events';
import { AedDatabase } from '../../../../../renderer/src/storage/db';
import {
  createRepositories,
  type Repositories,
} from '../../../../../renderer/src/storage/open-storage';
import { COPY_INTERVAL_MS } from '../../../../../shared/copy-throttle';
import { emptySection } from '../../../../../shared/model';
import { ManualTimers, testClock } from '../../storage/storage-test-helpers';
import { TestLocks, testPage, testPlatform } from './session-test-helpers';

// Each "window" has its own connection to one fake-indexeddb database, as two tabs do.
let name: string;
let dbs: AedDatabase[];
let sessions: DraftSession[];
let locks: TestLocks;
let clock: ReturnType<typeof testClock>;
let timers: ManualTimers;
let draftId: string;

function connect(): Repositories {
  const db = new AedDatabase(name, { indexedDB, IDBKeyRange });
  dbs.push(db);
  return createRepositories(db, { now: clock.now });
}

function openWindow(options: { autoBackups?: boolean } = {}) {
  const repositories = connect();
  const platform = testPlatform(options.autoBackups);
  const page = testPage();
  const session = new DraftSession(
    draftId,
    { ...repositories, platform },
    {
      locks,
      page,
      now: clock.now,
      queue: { setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout },
    },
  );
  sessions.push(session);
  session.open();
  return { session, repositories, platform, page };
}

/** Records a session's events in order. */
function record(session: DraftSession) {
  const events: { type: keyof DraftSessionEvents; event: unknown }[] = [];
  for (const type of ['changed', 'committed', 'failed', 'rewritten'] as const) {
    session.on(type, (event) => events.push({ type, event }));
  }
  return events;
}

function lockState(session: DraftSession, state: 'held' | 'elsewhere'): Promise<void> {
  return new Promise((resolve) => {
    if (session.lockStatus.state === state) return resolve();
    const stop = session.on('lock', (status) => {
      if (status.state !== state) return;
      stop();
      resolve();
    });
  });
}

const typed = (text: string) => () => ({
  text,
  editorState: JSON.stringify({ text }),
  wordCount: text.split(' ').length,
});

beforeEach(async () => {
  name = `aed-session-${crypto.randomUUID()}`;
  dbs = [];
  sessions = [];
  locks = new TestLocks();
  clock = testClock();
  timers = new ManualTimers();
  const { drafts } = connect();
  draftId = (await drafts.createDraft({ title: 'Year 1', templateId: 'sdlp-aed' })).id;
  await drafts.saveSection(draftId, 'explore', typed('Stored before opening.')());
});

afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  for (const db of dbs) db.close();
  await dbs[0]!.delete();
});

describe('DraftSession', () => {
  it('says what happens to edits: changed when typed, committed when stored, failed when not', async () => {
    const { session, repositories } = openWindow();
    await lockState(session, 'held');
    const events = record(session);
    const { record: loaded, writer } = await session.loadSection('explore');
    expect(loaded?.text).toBe('Stored before opening.');

    writer.markDirty(typed('First words.'));
    expect(events).toEqual([{ type: 'changed', event: { sectionId: 'explore' } }]);
    clock.advance(5000);
    timers.advance(300);
    await session.queue.idle();
    expect(events[1]).toEqual({
      type: 'committed',
      event: { sectionId: 'explore', at: clock.now() },
    });
    expect((await repositories.drafts.getSection(draftId, 'explore'))!.text).toBe('First words.');

    // Storage goes away: the write fails, with a reason the participant can act on.
    dbs[1]!.close();
    writer.markDirty({ fields: { note: 'kept' } });
    expect(await session.flush()).toBe(false);
    expect(events.slice(2).map((e) => e.type)).toEqual(['changed', 'failed']);
    expect(events[3]!.event).toMatchObject({
      sectionId: 'explore',
      error: { kind: 'unavailable' },
    });
  });

  it('writes what is pending when the page is hidden, is left, or the window closes', async () => {
    const { session, repositories, platform, page } = openWindow();
    await lockState(session, 'held');
    const { writer } = await session.loadSection('explore');
    const stored = async () => (await repositories.drafts.getSection(draftId, 'explore'))!.text;

    // No timer fires in this test: only the page's own events start the writes.
    writer.markDirty(typed('Hidden.'));
    page.hide();
    await session.queue.idle();
    expect(await stored()).toBe('Hidden.');

    writer.markDirty(typed('Left.'));
    page.leave();
    await session.queue.idle();
    expect(await stored()).toBe('Left.');

    writer.markDirty(typed('Closed.'));
    await platform.close();
    expect(await stored()).toBe('Closed.');
    expect(timers.pendingCount).toBe(0);
  });

  it('does a replace asked for by another window itself: the replacement shows, and the unsaved typing goes to a restore point, never over it', async () => {
    const a = openWindow();
    await lockState(a.session, 'held');
    const events = record(a.session);
    const { writer } = await a.session.loadSection('explore');
    writer.markDirty(typed('Stored before opening. Typed, not yet saved.'));

    // The library of another window replaces the draft from a backup.
    const library = connect();
    await rewriteDraft(
      library,
      draftId,
      {
        kind: 'replace',
        sections: [{ ...emptySection('other-id', 'explore', 1), text: 'From the backup.' }],
        sourceTitle: 'Year 1',
      },
      { locks },
    );

    const rewritten = events.find((e) => e.type === 'rewritten');
    expect(rewritten?.event).toMatchObject({ kind: 'replace' });
    expect(a.session.contentVersion).toBe(1);
    const stored = () => library.drafts.getSection(draftId, 'explore');
    expect(await stored()).toMatchObject({ draftId, text: 'From the backup.' });
    const [info] = (await library.snapshots.listSnapshotInfo(draftId)).filter(
      (s) => s.kind === 'before-restore',
    );
    const point = await library.snapshots.getSnapshot(info!.id);
    expect(point!.label).toBe('Before replacing from the backup of “Year 1”');
    expect(point!.sections.find((s) => s.sectionId === 'explore')!.text).toBe(
      'Stored before opening. Typed, not yet saved.',
    );

    // The old typing was taken out of the queue: the autosave's timers write nothing over it.
    expect(a.session.unsaved()).toEqual([]);
    timers.advance(10_000);
    await a.session.queue.idle();
    expect((await stored())!.text).toBe('From the backup.');

    // A late keystroke from the section loaded before the rewrite joins the restore point.
    writer.markDirty(typed('Stored before opening. Typed, not yet saved. One more.'));
    await a.session.flush();
    await a.session.close(); // waits for the restore point to be amended
    expect((await stored())!.text).toBe('From the backup.');
    const amended = (await library.snapshots.getSnapshot(point!.id))!;
    expect(amended.sections.find((s) => s.sectionId === 'explore')!.text).toBe(
      'Stored before opening. Typed, not yet saved. One more.',
    );
  });

  it('keeps writing the reloaded section after a rewrite, and restores from History the same way', async () => {
    const { session, repositories } = openWindow();
    await lockState(session, 'held');
    const version = await repositories.snapshots.takeSnapshot(draftId, 'manual', 'Kept');
    const first = await session.loadSection('explore');
    first.writer.markDirty(typed('Rewritten, unsaved.'));

    const point = await session.rewrite({ kind: 'restore', snapshotId: version.id });
    expect(point.sections.find((s) => s.sectionId === 'explore')!.text).toBe('Rewritten, unsaved.');
    const reloaded = await session.loadSection('explore');
    expect(reloaded.record!.text).toBe('Stored before opening.');
    reloaded.writer.markDirty(typed('Stored before opening. Then more.'));
    expect(await session.flush()).toBe(true);
    expect((await repositories.drafts.getSection(draftId, 'explore'))!.text).toBe(
      'Stored before opening. Then more.',
    );
  });

  it('puts the typing back to be saved when a rewrite fails, and the open section stays current', async () => {
    const { session, repositories } = openWindow();
    await lockState(session, 'held');
    const events = record(session);
    const { writer } = await session.loadSection('explore');
    writer.markDirty(typed('Typed before a failed restore.'));

    await expect(session.rewrite({ kind: 'restore', snapshotId: 'gone' })).rejects.toThrow(
      'That version is no longer stored.',
    );
    expect(events.map((e) => e.type)).not.toContain('rewritten');
    expect(session.contentVersion).toBe(0);
    writer.markDirty(typed('Typed before a failed restore, and after.'));
    expect(await session.flush()).toBe(true);
    expect((await repositories.drafts.getSection(draftId, 'explore'))!.text).toBe(
      'Typed before a failed restore, and after.',
    );
    const kinds = (await repositories.snapshots.listSnapshotInfo(draftId)).map((s) => s.kind);
    expect(kinds).not.toContain('before-restore');
  });

  it('is read-only in a second window, which cannot rewrite, and takes over once the first has stored its text', async () => {
    const a = openWindow();
    await lockState(a.session, 'held');
    const { writer } = await a.session.loadSection('explore');
    const b = openWindow();
    await lockState(b.session, 'elsewhere');
    await expect(b.session.rewrite({ kind: 'restore', snapshotId: 'x' })).rejects.toThrow(
      'being edited in another window',
    );

    writer.markDirty(typed('Written in the first window.'));
    b.session.takeOver();
    await lockState(b.session, 'held');
    expect(a.session.lockStatus.state).toBe('elsewhere');
    expect((await b.session.loadSection('explore')).record!.text).toBe(
      'Written in the first window.',
    );
  });

  it('keeps versions and automatic backups at most every 10 minutes while writing', async () => {
    const { session, repositories, platform } = openWindow({ autoBackups: true });
    await lockState(session, 'held');
    const { writer } = await session.loadSection('explore');
    const versions = async () =>
      (await repositories.snapshots.listSnapshotInfo(draftId)).map((s) => s.label);

    writer.markDirty(typed('One.'));
    await session.flush();
    await until(async () => (await versions()).length === 1 && platform.backups.length === 1);
    expect(await versions()).toEqual(['Opened']);

    clock.advance(COPY_INTERVAL_MS - 1);
    writer.markDirty(typed('Two.'));
    await session.flush();
    clock.advance(1);
    writer.markDirty(typed('Three.'));
    await session.flush();
    await until(async () => (await versions()).length === 2 && platform.backups.length === 2);
    expect(await versions()).toEqual(['While writing', 'Opened']);

    // Closing the window backs up what changed since.
    writer.markDirty(typed('Four.'));
    await platform.close();
    expect(platform.backups).toHaveLength(3);
  });
});

/** Waits for a condition that settles through the database, checking after each task. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met');
}
