import type { DBCore } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftSession } from '../../../../../renderer/src/app/session/draft-session';
import { AedDatabase } from '../../../../../renderer/src/storage/db';
import {
  createRepositories,
  type Repositories,
} from '../../../../../renderer/src/storage/open-storage';
import { SAVE_ERROR_MESSAGES } from '../../../../../renderer/src/storage/save-error';
import { readBackup } from '../../../../../shared/backup';
import type { SectionPatch } from '../../../../../shared/model';
import { APP_VERSION } from '../../../../../shared/version';
import { ManualTimers, testClock } from '../../storage/storage-test-helpers';
import { MemoryStorage, TestLocks, testPage, testPlatform } from './session-test-helpers';

// What survives the page going away, storage failing, and the draft being trashed elsewhere.
// Each "window" has its own connection to one fake-indexeddb database; all share one
// localStorage, as the tabs of one browser do.

/** The journal's format, spelt out: a later version must still read it (README). */
const JOURNAL_VERSION = 1;
const journalKey = (draftId: string, sectionId: string) => `aed-journal:${draftId}:${sectionId}`;
interface JournalEntry {
  version: number;
  draftId: string;
  sectionId: string;
  at: number;
  base: number | null;
  patch: SectionPatch;
}

let name: string;
let dbs: AedDatabase[];
let sessions: DraftSession[];
let locks: TestLocks;
let clock: ReturnType<typeof testClock>;
let timers: ManualTimers;
let storage: MemoryStorage;
let draftId: string;
let library: Repositories;

/** A connection; `diskFull()` true makes its section writes fail as a full disk does. */
function connect(diskFull: () => boolean = () => false): Repositories {
  const db = new AedDatabase(name, { indexedDB, IDBKeyRange });
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) =>
            tableName === 'sections' && diskFull()
              ? Promise.reject(new DOMException('Quota exceeded', 'QuotaExceededError'))
              : table.mutate(req),
        };
      },
    }),
  });
  dbs.push(db);
  return createRepositories(db, { now: clock.now });
}

function openWindow(options: { autoBackups?: boolean; diskFull?: () => boolean } = {}) {
  const repositories = connect(options.diskFull);
  const platform = testPlatform(options.autoBackups);
  const page = testPage();
  const session = new DraftSession(
    draftId,
    { ...repositories, platform },
    {
      locks,
      page,
      now: clock.now,
      journal: storage,
      queue: { setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout },
    },
  );
  sessions.push(session);
  session.open();
  return { session, repositories, platform, page };
}

function held(session: DraftSession): Promise<void> {
  return new Promise((resolve) => {
    if (session.lockStatus.state === 'held') return resolve();
    const stop = session.on('lock', (status) => {
      if (status.state !== 'held') return;
      stop();
      resolve();
    });
  });
}

const typed = (text: string) => () => ({
  text,
  editorState: JSON.stringify({ root: { text } }),
  wordCount: text.split(' ').length,
});

const entryOf = (sectionId = 'explore'): JournalEntry | null =>
  JSON.parse(storage.getItem(journalKey(draftId, sectionId)) ?? 'null') as JournalEntry | null;

const stored = async (sectionId = 'explore') =>
  (await library.drafts.getSection(draftId, sectionId))!;

beforeEach(async () => {
  name = `aed-journal-${crypto.randomUUID()}`;
  dbs = [];
  sessions = [];
  locks = new TestLocks();
  clock = testClock();
  timers = new ManualTimers();
  storage = new MemoryStorage();
  library = connect();
  draftId = (await library.drafts.createDraft({ title: 'Year 1', templateId: 'sdlp-aed' })).id;
  await library.drafts.saveSection(draftId, 'explore', typed('Stored before opening.')());
});

afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  for (const db of dbs) db.close();
  await dbs[0]!.delete();
});

describe('the edit journal', () => {
  it('journals each change at once, and lets the entry go once it is stored', async () => {
    const { session } = openWindow();
    await held(session);
    const { writer } = await session.loadSection('explore');
    const base = (await stored()).updatedAt;

    clock.advance(1000);
    writer.markDirty(typed('Stored before opening. Typed.'));
    expect(entryOf()).toEqual({
      version: JOURNAL_VERSION,
      draftId,
      sectionId: 'explore',
      at: clock.now(),
      base,
      patch: typed('Stored before opening. Typed.')(),
    });

    timers.advance(300);
    await session.queue.idle();
    expect((await stored()).text).toBe('Stored before opening. Typed.');
    expect(storage.length).toBe(0);
  });

  it('journals in the next task instead once writing it takes long (a very long section)', async () => {
    const { session } = openWindow();
    await held(session);
    const { writer } = await session.loadSection('explore');
    // An editor whose state takes a while to serialize, as a 10,000-word section does.
    const long = 'word '.repeat(12_000);
    const slow = (text: string) => () => {
      const until = performance.now() + 5;
      while (performance.now() < until);
      return typed(long + text)();
    };
    writer.markDirty(slow('Long.'));
    expect(entryOf()!.patch.text).toBe(`${long}Long.`);
    writer.markDirty(slow('Long. Longer.'));
    expect(entryOf()!.patch.text).toBe(`${long}Long.`); // typing does not wait for it
    timers.advance(0);
    expect(entryOf()!.patch.text).toBe(`${long}Long. Longer.`);
  });

  it('journals a short section in the change’s own task even when a write was slow (a busy computer)', async () => {
    const { session } = openWindow();
    await held(session);
    const { writer } = await session.loadSection('explore');
    // Another program has the processor: the write of a few words took 5 ms of wall time.
    const busy = (text: string) => () => {
      const until = performance.now() + 5;
      while (performance.now() < until);
      return typed(text)();
    };
    writer.markDirty(busy('Short.'));
    writer.markDirty(busy('Short. Still short.'));
    // In the keystroke's own task: a task of its own could wait behind more typing until the
    // browser quits.
    expect(entryOf()!.patch.text).toBe('Short. Still short.');
  });

  it('is written at once when the page is hidden, and the write starts in the same moment', async () => {
    const { session, page } = openWindow();
    await held(session);
    const { writer } = await session.loadSection('explore');
    writer.markDirty(typed('Typed just before the reload.'));

    page.leave();
    // Both before anything is awaited: the page may be gone after this task.
    expect(entryOf()!.patch.text).toBe('Typed just before the reload.');
    expect(session.queue.getStatus().state).toBe('saving');
    await session.queue.idle();
    expect((await stored()).text).toBe('Typed just before the reload.');
  });

  it('is replayed by the next window that opens the draft, before its section opens', async () => {
    // A page that went before its write landed: its storage had gone away, its journal stayed.
    let gone = false;
    const first = openWindow({ diskFull: () => gone });
    await held(first.session);
    const { writer } = await first.session.loadSection('explore');
    gone = true;
    clock.advance(1000);
    writer.markDirty(typed('Stored before opening. Typed before the tab closed.'));
    first.page.leave();
    await first.session.queue.idle();
    await first.session.close();
    expect(entryOf()!.patch.text).toBe('Stored before opening. Typed before the tab closed.');

    clock.advance(1000);
    const second = openWindow();
    await held(second.session);
    const { record } = await second.session.loadSection('explore');
    expect(record!.text).toBe('Stored before opening. Typed before the tab closed.');
    await second.session.queue.idle();
    expect((await stored()).text).toBe('Stored before opening. Typed before the tab closed.');
    expect(storage.length).toBe(0);
  });

  it('never writes its text over newer stored text, as when another window saved later', async () => {
    const at = clock.now() + 1000;
    storage.setItem(
      journalKey(draftId, 'explore'),
      JSON.stringify({
        version: JOURNAL_VERSION,
        draftId,
        sectionId: 'explore',
        at,
        base: (await stored()).updatedAt,
        patch: typed('Older words from a window that went.')(),
      } satisfies JournalEntry),
    );
    clock.advance(2000);
    await library.drafts.saveSection(draftId, 'explore', typed('Saved later in another window.')());

    const { session } = openWindow();
    await held(session);
    const { record } = await session.loadSection('explore');
    expect(record!.text).toBe('Saved later in another window.');
    await session.queue.idle();
    expect((await stored()).text).toBe('Saved later in another window.');
    expect(storage.length).toBe(0);
  });

  it('keeps a section whose save failed on screen when it is opened again, until it is stored', async () => {
    let full = false;
    const { session } = openWindow({ diskFull: () => full });
    await held(session);
    const explore = await session.loadSection('explore');
    full = true;
    explore.writer.markDirty(typed('Stored before opening. Typed with the disk full.'));
    expect(await session.flush()).toBe(false);

    // Away to another section and back: the words typed are there, not the stored text.
    await session.loadSection('deliver');
    const back = await session.loadSection('explore');
    expect(back.record!.text).toBe('Stored before opening. Typed with the disk full.');
    back.writer.markDirty(typed('Stored before opening. Typed with the disk full. And after.'));
    expect((await stored()).text).toBe('Stored before opening.');
    timers.advance(0);
    expect(entryOf()!.patch.text).toBe(
      'Stored before opening. Typed with the disk full. And after.',
    );

    full = false;
    expect(await session.flush()).toBe(true);
    expect((await stored()).text).toBe(
      'Stored before opening. Typed with the disk full. And after.',
    );
    expect(entryOf()).toBeNull();
  });
});

describe('a draft trashed or deleted in another window', () => {
  it('stops retrying, keeps the text, says what to do, and saves once restored', async () => {
    const { session } = openWindow();
    await held(session);
    const { writer } = await session.loadSection('explore');
    await library.drafts.trashDraft(draftId);

    writer.markDirty(typed('Typed after the draft went to the trash.'));
    expect(await session.flush()).toBe(false);
    expect(session.queue.getStatus().error).toMatchObject({
      kind: 'trashed',
      message: SAVE_ERROR_MESSAGES.trashed,
    });
    expect(SAVE_ERROR_MESSAGES.trashed).toMatch(/restore the draft from the trash/);
    expect(SAVE_ERROR_MESSAGES.trashed).toMatch(/back up/);
    // No retry waits: writing again cannot succeed until someone restores the draft.
    timers.advance(0);
    expect(timers.pendingCount).toBe(0);
    expect((await stored()).text).toBe('Stored before opening.');
    expect(entryOf()!.patch.text).toBe('Typed after the draft went to the trash.');
    expect(session.unsaved()[0]!.patch.text).toBe('Typed after the draft went to the trash.');

    await library.drafts.restoreDraft(draftId);
    expect(await session.flush()).toBe(true);
    expect((await stored()).text).toBe('Typed after the draft went to the trash.');
    expect(entryOf()).toBeNull();
  });

  it('stops retrying when it was deleted for ever, keeping the text to back up', async () => {
    const { session } = openWindow();
    await held(session);
    const { writer } = await session.loadSection('explore');
    await library.drafts.trashDraft(draftId);
    await library.drafts.deleteForever(draftId);

    writer.markDirty(typed('Typed after the draft was deleted.'));
    expect(await session.flush()).toBe(false);
    expect(session.queue.getStatus().error).toMatchObject({ kind: 'gone' });
    expect(SAVE_ERROR_MESSAGES.gone).toMatch(/back up this draft now/);
    timers.advance(0);
    expect(timers.pendingCount).toBe(0);
    expect(entryOf()!.patch.text).toBe('Typed after the draft was deleted.');
    expect(await library.drafts.getSection(draftId, 'explore')).toBeUndefined();
  });

  it('once told it was deleted for ever: opens sections as this window had them, backs up what it has, and lets the journal go on leaving', async () => {
    const { session, platform } = openWindow({ autoBackups: true });
    await held(session);
    const explore = await session.loadSection('explore');
    const deliver = await session.loadSection('deliver');
    deliver.writer.markDirty(typed('Deliver, saved before the delete.'));
    expect(await session.flush()).toBe(true);
    const last = (await library.drafts.getDraft(draftId))!;
    await library.drafts.trashDraft(draftId);
    await library.drafts.deleteForever(draftId);
    session.draftGone(last);

    explore.writer.markDirty(typed('Stored before opening. Typed after the delete.'));
    expect(await session.flush()).toBe(false);
    // Another section and back: each shows what this window had, not an empty section.
    expect((await session.loadSection('deliver')).record!.text).toBe(
      'Deliver, saved before the delete.',
    );
    expect((await session.loadSection('explore')).record!.text).toBe(
      'Stored before opening. Typed after the delete.',
    );

    // Back up (and the close question's backup) read through the session.
    const { backups } = session.forBackup();
    const [rescued] = await backups.readDrafts([draftId], session.unsaved());
    expect(rescued!.draft.title).toBe('Year 1');
    const texts = Object.fromEntries(rescued!.sections.map((s) => [s.sectionId, s.text]));
    expect(texts).toEqual({
      explore: 'Stored before opening. Typed after the delete.',
      deliver: 'Deliver, saved before the delete.',
    });
    const work = platform.unsaved()!;
    expect(work.reason).toBe(SAVE_ERROR_MESSAGES.gone);
    const fromQuestion = await readBackup((await work.backup()).bytes, { appVersion: APP_VERSION });
    expect(
      fromQuestion.ok &&
        fromQuestion.backup.drafts[0]!.sections.find((s) => s.sectionId === 'explore')!.text,
    ).toBe('Stored before opening. Typed after the delete.');

    // The desktop's automatic backup on close too.
    const before = platform.backups.length;
    await platform.close();
    expect(platform.backups).toHaveLength(before + 1);
    const onClose = await readBackup(platform.backups.at(-1)!.bytes, { appVersion: APP_VERSION });
    expect(
      onClose.ok && onClose.backup.drafts[0]!.sections.find((s) => s.sectionId === 'explore')!.text,
    ).toBe('Stored before opening. Typed after the delete.');

    expect(entryOf()!.patch.text).toBe('Stored before opening. Typed after the delete.');
    await session.close();
    expect(storage.keys().filter((k) => k.startsWith(`aed-journal:${draftId}:`))).toEqual([]);
  });
});

describe('closing while saving fails', () => {
  it('tells the platform what would be lost, with a backup that holds what is on screen', async () => {
    let full = false;
    const { session, platform } = openWindow({ diskFull: () => full });
    await held(session);
    const { writer } = await session.loadSection('explore');
    writer.markDirty(typed('Stored before opening. Saved.'));
    await session.flush();
    expect(platform.unsaved()).toBeNull();

    full = true;
    writer.markDirty(typed('Stored before opening. Saved. Only on screen.'));
    await session.flush();
    const work = platform.unsaved()!;
    expect(work.reason).toBe(SAVE_ERROR_MESSAGES.quota);
    const { fileName, bytes } = await work.backup();
    expect(fileName).toMatch(/^AED backup - Year 1 - \d{4}-\d\d-\d\d\.aedx$/);
    const read = await readBackup(bytes, { appVersion: APP_VERSION });
    expect(
      read.ok && read.backup.drafts[0]!.sections.find((s) => s.sectionId === 'explore')!.text,
    ).toBe('Stored before opening. Saved. Only on screen.');
  });

  it('makes the desktop’s automatic backup on close from what is on screen, not only what is stored', async () => {
    let full = false;
    const { session, platform } = openWindow({ autoBackups: true, diskFull: () => full });
    await held(session);
    const { writer } = await session.loadSection('explore');
    full = true;
    writer.markDirty(typed('Stored before opening. Typed while saving failed.'));
    await session.flush();

    await platform.close();
    expect(platform.backups).toHaveLength(1);
    const read = await readBackup(platform.backups[0]!.bytes, { appVersion: APP_VERSION });
    expect(
      read.ok && read.backup.drafts[0]!.sections.find((s) => s.sectionId === 'explore')!.text,
    ).toBe('Stored before opening. Typed while saving failed.');
  });
});
