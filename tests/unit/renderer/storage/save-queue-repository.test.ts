import Dexie, { type DBCore } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDBKeyRange as keyRange, indexedDB as indexedDBFactory } from 'fake-indexeddb';
import { AedDatabase } from '../../../../renderer/src/storage/db';
import {
  createDraftsRepository,
  type DraftsRepository,
} from '../../../../renderer/src/storage/drafts-repository';
import { SAVE_ERROR_MESSAGES } from '../../../../renderer/src/storage/save-error';
import { SaveQueue } from '../../../../renderer/src/storage/save-queue';
import { ManualTimers, openTestDatabase, testClock } from './storage-test-helpers';

// The queue wired to the real repository over fake-indexeddb: what the editor will actually use.

let db: AedDatabase;
let repo: DraftsRepository;
let timers: ManualTimers;
let queue: SaveQueue;
let clock: ReturnType<typeof testClock>;
let draftId: string;

beforeEach(async () => {
  db = openTestDatabase();
  clock = testClock();
  repo = createDraftsRepository(db, { now: clock.now });
  timers = new ManualTimers();
  queue = new SaveQueue({
    save: repo.saveSection,
    setTimeout: timers.setTimeout,
    clearTimeout: timers.clearTimeout,
    now: clock.now,
  });
  draftId = (await repo.createDraft({ title: 'Year 1', templateId: 'sdlp-aed' })).id;
});

afterEach(async () => {
  await queue.dispose();
  await db.delete();
});

/** Lets a write started by a timer run to completion against the database. */
async function settle(): Promise<void> {
  await queue.idle();
}

/**
 * Fails writes to the sections table with whatever `failure()` returns (null lets the write
 * through), as IndexedDB fails them. A DBCore middleware: it applies from the next open.
 */
async function failSectionWrites(name: string, failure: () => Error | null): Promise<void> {
  db.close();
  db.use({
    stack: 'dbcore',
    name,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) => {
            const error = tableName === 'sections' ? failure() : null;
            return error ? Promise.reject(error) : table.mutate(req);
          },
        };
      },
    }),
  });
  await db.open();
}

describe('SaveQueue with the drafts repository', () => {
  it('writes the editor and a field of one section after the debounce, bumping the draft', async () => {
    let text = 'We gathered lesson visits';
    queue.markDirty(draftId, 'school', () => ({ text, editorState: JSON.stringify({ text }) }));
    queue.markDirty(draftId, 'school', { fields: { 'school-name': 'Hill Primary' } });
    text += ' and pupil voice';
    queue.markDirty(draftId, 'school', () => ({ text, editorState: JSON.stringify({ text }) }));
    clock.advance(60_000);

    timers.advance(299);
    expect(queue.getStatus().state).toBe('pending');
    expect((await repo.getSection(draftId, 'school'))!.text).toBe('');
    timers.advance(1);
    await settle();

    expect(queue.getStatus()).toEqual({ state: 'saved', error: null, lastSavedAt: clock.now() });
    expect(await repo.getSection(draftId, 'school')).toMatchObject({
      text: 'We gathered lesson visits and pupil voice',
      wordCount: 7,
      fields: { 'school-name': 'Hill Primary' },
      updatedAt: clock.now(),
    });
    expect((await repo.getDraft(draftId))!.updatedAt).toBe(clock.now());
  });

  it('reports a closed database, keeps the text, and saves it once the database reopens', async () => {
    db.close();
    queue.markDirty(draftId, 'explore', { text: 'Written while the database was closed' });
    await queue.flush();

    expect(queue.getStatus()).toMatchObject({
      state: 'error',
      error: { kind: 'unavailable', message: SAVE_ERROR_MESSAGES.unavailable },
    });
    expect(queue.getStatus().error!.cause).toBeInstanceOf(Dexie.DatabaseClosedError);

    // Still closed at the first retry: still an error, nothing lost.
    timers.advance(500);
    await settle();
    expect(queue.getStatus().state).toBe('error');

    await db.open();
    timers.advance(1000);
    await settle();
    expect(queue.getStatus().state).toBe('saved');
    expect((await repo.getSection(draftId, 'explore'))!.text).toBe(
      'Written while the database was closed',
    );
  });

  it('reports a full disk met inside a Dexie transaction and saves once there is room', async () => {
    let diskFull = true;
    await failSectionWrites('full-disk', () =>
      diskFull ? new DOMException('Quota exceeded', 'QuotaExceededError') : null,
    );
    queue.markDirty(draftId, 'deliver', { text: 'What happened this term' });
    await queue.flush();
    expect(queue.getStatus().error).toMatchObject({
      kind: 'quota',
      message: SAVE_ERROR_MESSAGES.quota,
    });
    // The transaction rolled back: the draft was not marked edited either.
    const draft = await repo.getDraft(draftId);
    expect(draft!.updatedAt).toBe(draft!.createdAt);

    diskFull = false;
    clock.advance(1000);
    timers.advance(500);
    await settle();
    expect(queue.getStatus().state).toBe('saved');
    expect((await repo.getSection(draftId, 'deliver'))!.text).toBe('What happened this term');
    expect((await repo.getDraft(draftId))!.updatedAt).toBe(clock.now());
  });

  it('loses no change that arrives while a write is in flight, and keeps writes in order', async () => {
    const written: string[] = [];
    const inFlightAtMarkDirty: boolean[] = [];
    queue = new SaveQueue({
      save: async (d, s, patch) => {
        await repo.saveSection(d, s, patch);
        written.push(patch.text ?? '');
      },
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    const typed: string[] = [];
    let text = '';
    const produce = () => ({ text });
    for (let i = 0; i < 30; i++) {
      text += `w${i} `;
      typed.push(text);
      inFlightAtMarkDirty.push(queue.getStatus().state === 'saving');
      queue.markDirty(draftId, 'reflection', produce);
      // Start writes without waiting for them, so later changes land mid-write.
      if (i % 7 === 0) void queue.flush();
      // Sometimes let the database work (a macrotask), sometimes only a microtask.
      if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      else await Promise.resolve();
    }
    await queue.flush();
    expect(queue.getStatus().state).toBe('saved');
    expect((await repo.getSection(draftId, 'reflection'))!.text).toBe(typed.at(-1));
    expect(timers.pendingCount).toBe(0);
    // The scenario really happened: changes came while writing, and several writes were made.
    expect(inFlightAtMarkDirty.filter(Boolean).length).toBeGreaterThan(5);
    expect(written.length).toBeGreaterThan(2);
    written.forEach((w, i) => {
      if (i > 0)
        expect(w.startsWith(written[i - 1]!), `write ${i} follows write ${i - 1}`).toBe(true);
    });
    expect(written.at(-1)).toBe(typed.at(-1));
  });
});

describe('SaveQueue with the repository: other storage failures', () => {
  it('reports an aborted transaction, keeps the text, and saves on the retry', async () => {
    let abort = true;
    await failSectionWrites('abort-once', () => {
      if (!abort) return null;
      abort = false;
      return new Dexie.AbortError('The transaction was aborted.');
    });
    queue.markDirty(draftId, 'sustain', { text: 'Next steps for the school' });
    await queue.flush();
    expect(queue.getStatus().state).toBe('error');
    expect(queue.getStatus().error!.message).toMatch(/kept here/);
    expect(queue.unsaved()).toEqual([
      { draftId, sectionId: 'sustain', patch: { text: 'Next steps for the school' } },
    ]);
    timers.advance(500);
    await settle();
    expect(queue.getStatus().state).toBe('saved');
    expect((await repo.getSection(draftId, 'sustain'))!.text).toBe('Next steps for the school');
  });

  it('reports a database that cannot be opened, keeps the text, and saves once it opens', async () => {
    const realOpen = indexedDBFactory.open.bind(indexedDBFactory);
    let broken = true;
    // An IndexedDB that refuses to open, as it does when the profile is locked or damaged.
    const factory = Object.create(indexedDBFactory) as IDBFactory;
    factory.open = (name: string, version?: number) => {
      if (!broken) return realOpen(name, version);
      const request = realOpen(`${name}-nonexistent`, 1);
      request.addEventListener('upgradeneeded', () => request.transaction!.abort());
      return request;
    };
    const name = `aed-unopenable-${crypto.randomUUID()}`;
    const unopenable = new AedDatabase(name, { indexedDB: factory, IDBKeyRange: keyRange });
    const repository = createDraftsRepository(unopenable, { now: clock.now, newId: () => 'd1' });
    const q = new SaveQueue({
      save: repository.saveSection,
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    q.markDirty('d1', 'explore', { text: 'Kept while the database is away' });
    await q.flush();
    expect(q.getStatus().error).toMatchObject({
      kind: 'unavailable',
      message: SAVE_ERROR_MESSAGES.unavailable,
    });
    expect(q.unsaved()).toHaveLength(1);

    broken = false;
    unopenable.close();
    await unopenable.open();
    await repository.createDraft({ title: 'x', templateId: 'sdlp-aed' }); // draft d1
    timers.advance(500);
    await q.idle();
    expect(q.getStatus().state).toBe('saved');
    expect((await repository.getSection('d1', 'explore'))!.text).toBe(
      'Kept while the database is away',
    );
    await q.dispose();
    await unopenable.delete();
  });
});
