import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SectionPatch } from '../../../../shared/model';
import { SAVE_ERROR_MESSAGES } from '../../../../renderer/src/storage/save-error';
import {
  SaveQueue,
  type SaveQueueOptions,
  type SaveState,
} from '../../../../renderer/src/storage/save-queue';

interface SaveCall {
  at: number;
  draftId: string;
  sectionId: string;
  patch: SectionPatch;
}

/** A stand-in for the repository: records each write; can be told to fail or to hang. */
class FakeStore {
  readonly calls: SaveCall[] = [];
  private failures: Error[] = [];
  private gate: { promise: Promise<void>; open: () => void } | null = null;

  readonly save = async (draftId: string, sectionId: string, patch: SectionPatch) => {
    this.calls.push({ at: Date.now(), draftId, sectionId, patch: structuredClone(patch) });
    if (this.gate) await this.gate.promise;
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
  };

  failNext(...errors: Error[]) {
    this.failures.push(...errors);
  }

  /** Makes writes hang until the returned function is called. */
  hold(): () => void {
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    this.gate = { promise, open };
    return () => {
      this.gate = null;
      open();
    };
  }

  get patches() {
    return this.calls.map((c) => c.patch);
  }
}

let store: FakeStore;
let queue: SaveQueue;
let states: SaveState[];

function makeQueue(options: Partial<SaveQueueOptions> = {}) {
  queue = new SaveQueue({ save: store.save, ...options });
  states = [];
  queue.subscribe((s) => states.push(s.state));
  return queue;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  store = new FakeStore();
  makeQueue();
});

afterEach(() => {
  vi.useRealTimers();
});

/** An editor stand-in: its producer reads the current text, as a Lexical serializer would. */
function editor(initial = '') {
  let text = initial;
  let serializations = 0;
  return {
    type(more: string) {
      text += more;
      queue.markDirty('d1', 'explore', () => {
        serializations++;
        return { text, editorState: JSON.stringify({ text }) };
      });
    },
    get text() {
      return text;
    },
    get serializations() {
      return serializations;
    },
  };
}

describe('when it writes', () => {
  it('waits for a pause in typing (debounce)', async () => {
    const ed = editor();
    ed.type('a');
    await vi.advanceTimersByTimeAsync(299);
    expect(store.calls).toHaveLength(0);
    expect(queue.getStatus().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(store.calls).toEqual([
      {
        at: 300,
        draftId: 'd1',
        sectionId: 'explore',
        patch: { text: 'a', editorState: '{"text":"a"}' },
      },
    ]);
    expect(queue.getStatus()).toEqual({ state: 'saved', error: null, lastSavedAt: 300 });
  });

  it('writes within the maximum wait while typing goes on every 100 ms', async () => {
    const ed = editor();
    const typedAt: { at: number; text: string }[] = [];
    for (let i = 0; i < 35; i++) {
      ed.type(String(i % 10));
      typedAt.push({ at: Date.now(), text: ed.text });
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(2000);

    expect(store.calls.length).toBeGreaterThanOrEqual(3);
    expect(store.calls[0]!.at).toBeLessThanOrEqual(1000);
    // Every keystroke reached storage no more than 1 s after it was typed.
    for (const typed of typedAt) {
      const written = store.calls.find((c) => (c.patch.text ?? '').startsWith(typed.text));
      expect(written, `"${typed.text}" typed at ${typed.at}`).toBeDefined();
      expect(written!.at - typed.at).toBeLessThanOrEqual(1000);
    }
    expect(store.calls.at(-1)!.patch.text).toBe(ed.text);
  });

  it('honours a custom debounce and maximum wait', async () => {
    makeQueue({ debounceMs: 50, maxWaitMs: 200 });
    const ed = editor();
    for (let i = 0; i < 6; i++) {
      ed.type('x');
      await vi.advanceTimersByTimeAsync(40);
    }
    expect(store.calls.map((c) => c.at)).toEqual([200]);
  });

  it('writes at once on flush, and the timers then find nothing to write', async () => {
    const ed = editor();
    ed.type('Hello');
    await queue.flush();
    expect(store.calls).toHaveLength(1);
    expect(store.calls[0]!.at).toBe(0);
    expect(queue.getStatus().state).toBe('saved');
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(1);
  });

  it('resolves flush at once when nothing is pending', async () => {
    await queue.flush();
    expect(store.calls).toEqual([]);
    expect(queue.getStatus().state).toBe('saved');
  });

  it('calls the producer once per write, not once per change', async () => {
    const ed = editor();
    for (let i = 0; i < 20; i++) ed.type('x');
    await queue.flush();
    expect(ed.serializations).toBe(1);
    expect(store.patches).toEqual([
      { text: 'x'.repeat(20), editorState: JSON.stringify({ text: 'x'.repeat(20) }) },
    ]);
  });

  it('keeps sections apart', async () => {
    queue.markDirty('d1', 'explore', { text: 'explore text' });
    queue.markDirty('d1', 'prepare', { text: 'prepare text' });
    queue.markDirty('d2', 'explore', { text: 'other draft' });
    await queue.flush();
    expect(store.calls.map((c) => [c.draftId, c.sectionId, c.patch.text])).toEqual([
      ['d1', 'explore', 'explore text'],
      ['d1', 'prepare', 'prepare text'],
      ['d2', 'explore', 'other draft'],
    ]);
  });
});

describe('merging changes to one section', () => {
  it('writes the editor and a field together, merging fields entry by entry', async () => {
    const ed = editor();
    ed.type('Context');
    queue.markDirty('d1', 'explore', { fields: { 'school-name': 'Hill' } });
    queue.markDirty('d1', 'explore', () => ({ fields: { phase: 'primary' } }), 'field:phase');
    queue.markDirty('d1', 'explore', { fields: { 'school-name': 'Hill Primary' } });
    ed.type(' of the school');
    await queue.flush();
    expect(store.patches).toEqual([
      {
        text: 'Context of the school',
        editorState: JSON.stringify({ text: 'Context of the school' }),
        fields: { 'school-name': 'Hill Primary', phase: 'primary' },
      },
    ]);
  });

  it('lets later keys win', async () => {
    queue.markDirty('d1', 's', () => ({ domains: ['a'], wordCount: 1 }), 'one');
    queue.markDirty('d1', 's', () => ({ domains: ['b'] }), 'two');
    await queue.flush();
    expect(store.patches).toEqual([{ domains: ['b'], wordCount: 1 }]);
  });

  it('replaces an earlier producer of the same source instead of calling both', async () => {
    const first = vi.fn(() => ({ text: 'old' }));
    const second = vi.fn(() => ({ text: 'new' }));
    queue.markDirty('d1', 's', first);
    queue.markDirty('d1', 's', second);
    await queue.flush();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    expect(store.patches).toEqual([{ text: 'new' }]);
  });

  it('skips the write when the producers describe no change', async () => {
    queue.markDirty('d1', 's', () => ({}));
    await queue.flush();
    expect(store.calls).toEqual([]);
    expect(queue.getStatus().state).toBe('saved');
  });
});

describe('writes in flight', () => {
  it('writes changes that arrive mid-write after it, in order, and never twice', async () => {
    const release = store.hold();
    const ed = editor();
    ed.type('one');
    const firstFlush = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.calls).toHaveLength(1);
    expect(queue.getStatus().state).toBe('saving');

    ed.type(' two');
    queue.markDirty('d1', 'explore', { domains: ['pd'] });
    const secondFlush = queue.flush();
    const thirdFlush = queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    // Still one write: the second waits for the first to finish.
    expect(store.calls).toHaveLength(1);
    expect(queue.getStatus().state).toBe('saving');

    release();
    await Promise.all([firstFlush, secondFlush, thirdFlush]);
    expect(store.patches).toEqual([
      { text: 'one', editorState: '{"text":"one"}' },
      { text: 'one two', editorState: '{"text":"one two"}', domains: ['pd'] },
    ]);
    expect(queue.getStatus().state).toBe('saved');
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.calls).toHaveLength(2);
  });

  it('writes a mid-write change from the timers too, without a flush', async () => {
    const release = store.hold();
    const ed = editor();
    ed.type('a');
    await vi.advanceTimersByTimeAsync(300);
    expect(store.calls).toHaveLength(1);
    ed.type('b');
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.calls).toHaveLength(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    expect(store.patches.map((p) => p.text)).toEqual(['a', 'ab']);
    expect(queue.getStatus().state).toBe('saved');
  });

  it('writes a change flushed in the instant a write loop is finishing', async () => {
    const late: { flush?: Promise<boolean> } = {};
    queue.subscribe((status) => {
      if (status.state !== 'saved' || late.flush) return;
      // Runs after the loop has found nothing more to write but before it has let go.
      queueMicrotask(() => {
        queue.markDirty('d1', 's', { text: 'late' });
        late.flush = queue.flush();
      });
    });
    queue.markDirty('d1', 's', { text: 'first' });
    await queue.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(late.flush).toBeDefined();
    await late.flush;
    // Written by the flush itself, not later by the debounce timer.
    expect(store.patches).toEqual([{ text: 'first' }, { text: 'late' }]);
    expect(store.calls[1]!.at).toBe(0);
    expect(queue.getStatus().state).toBe('saved');
  });

  it('never reports saved while a change is pending or a write is in flight', async () => {
    const release = store.hold();
    const ed = editor();
    ed.type('a');
    expect(queue.getStatus().state).toBe('pending');
    await vi.advanceTimersByTimeAsync(300);
    expect(queue.getStatus().state).toBe('saving');
    ed.type('b');
    expect(queue.getStatus().state).toBe('saving');
    release();
    await vi.advanceTimersByTimeAsync(0);
    await queue.flush();
    expect(states.slice(0, -1)).not.toContain('saved');
    // (A status also goes out when lastSavedAt moves, so one state may repeat.)
    expect(states.filter((s, i) => s !== states[i - 1])).toEqual(['pending', 'saving', 'saved']);
    // 'saved' came only after the second write: the first write's end did not announce it.
    expect(store.calls).toHaveLength(2);
  });

  it('returns the same status object until something changes', async () => {
    const before = queue.getStatus();
    expect(queue.getStatus()).toBe(before);
    queue.markDirty('d1', 's', { text: 'x' });
    const pending = queue.getStatus();
    expect(pending).not.toBe(before);
    queue.markDirty('d1', 's', { text: 'xy' });
    expect(queue.getStatus()).toBe(pending);
    await queue.flush();
  });
});

const QUOTA = SAVE_ERROR_MESSAGES.quota;

describe('failed writes', () => {
  it.each([
    [
      'a DOMException',
      () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    ],
    ['Dexie.QuotaExceededError', () => new Dexie.QuotaExceededError('Quota exceeded')],
    [
      'a Dexie AbortError caused by the quota',
      () => new Dexie.AbortError('Transaction aborted', new DOMException('', 'QuotaExceededError')),
    ],
  ])(
    'keeps the patch after %s, reports the full disk and retries until it succeeds',
    async (_, makeError) => {
      store.failNext(makeError(), makeError());
      const ed = editor();
      ed.type('Precious words');
      await queue.flush();

      expect(queue.getStatus()).toMatchObject({ state: 'error', lastSavedAt: null });
      expect(queue.getStatus().error).toMatchObject({ kind: 'quota', message: QUOTA });
      expect(queue.getStatus().error!.message).toBe(
        "Your computer's storage is full. Free some space or back up this draft; your text is kept here and will be saved when there is room.",
      );

      await vi.advanceTimersByTimeAsync(499);
      expect(store.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(store.calls).toHaveLength(2);
      expect(queue.getStatus().state).toBe('error');

      await vi.advanceTimersByTimeAsync(1000);
      expect(store.calls).toHaveLength(3);
      const expected = { text: 'Precious words', editorState: '{"text":"Precious words"}' };
      expect(store.patches).toEqual([expected, expected, expected]);
      expect(queue.getStatus()).toEqual({ state: 'saved', error: null, lastSavedAt: 1500 });
    },
  );

  it('folds changes typed during the outage into the retry', async () => {
    store.failNext(new DOMException('full', 'QuotaExceededError'));
    const ed = editor();
    ed.type('one');
    queue.markDirty('d1', 'explore', { fields: { a: '1' } });
    await queue.flush();
    expect(queue.getStatus().state).toBe('error');

    // The failed patch is kept even if its producer would now say something else.
    queue.markDirty('d1', 'explore', { fields: { b: '2' } });
    await vi.advanceTimersByTimeAsync(300);
    expect(store.calls).toHaveLength(1);
    expect(queue.getStatus().state).toBe('error');

    ed.type(' two');
    await vi.advanceTimersByTimeAsync(500);
    expect(store.patches.at(-1)).toEqual({
      text: 'one two',
      editorState: '{"text":"one two"}',
      fields: { a: '1', b: '2' },
    });
    expect(queue.getStatus().state).toBe('saved');
  });

  it('keeps the failed patch when nothing newer arrives', async () => {
    let text = 'first';
    queue.markDirty('d1', 's', () => ({ text }));
    store.failNext(new Error('disk on fire'));
    await queue.flush();
    text = 'changed without markDirty';
    await vi.advanceTimersByTimeAsync(500);
    expect(store.patches).toEqual([{ text: 'first' }, { text: 'first' }]);
  });

  it('backs off between retries, then repeats the last delay', async () => {
    const fail = () => new Dexie.DatabaseClosedError('closed');
    store.failNext(...Array.from({ length: 7 }, fail));
    queue.markDirty('d1', 's', { text: 'x' });
    await queue.flush();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(store.calls.map((c) => c.at)).toEqual([0, 500, 1500, 3500, 8500, 13500, 18500, 23500]);
    expect(queue.getStatus().state).toBe('saved');
  });

  it.each([
    ['in the trash', 'DraftTrashedError', 'trashed'],
    ['deleted for ever', 'DraftNotFoundError', 'gone'],
  ] as const)(
    'does not retry a write refused because the draft is %s, but tries again on the next change',
    async (_, errorName, kind) => {
      store.failNext(Object.assign(new Error('refused'), { name: errorName }));
      const ed = editor();
      ed.type('Kept');
      await queue.flush();
      expect(queue.getStatus()).toMatchObject({ state: 'error', error: { kind } });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(store.calls).toHaveLength(1);
      expect(vi.getTimerCount()).toBe(0);
      expect(queue.unsaved()).toEqual([
        {
          draftId: 'd1',
          sectionId: 'explore',
          patch: { text: 'Kept', editorState: '{"text":"Kept"}' },
        },
      ]);

      // Restored, the next keystroke (or a flush) writes everything.
      ed.type(' and more');
      await vi.advanceTimersByTimeAsync(300);
      expect(store.patches.at(-1)).toEqual({
        text: 'Kept and more',
        editorState: '{"text":"Kept and more"}',
      });
      expect(queue.getStatus().state).toBe('saved');
    },
  );

  it('says whether a section has changes no write has taken yet', async () => {
    const release = store.hold();
    queue.markDirty('d1', 'explore', { text: 'a' });
    expect(queue.hasPending('d1', 'explore')).toBe(true);
    expect(queue.hasPending('d1', 'deliver')).toBe(false);
    const flushed = queue.flush();
    expect(queue.hasPending('d1', 'explore')).toBe(false); // taken by the write in flight
    queue.markDirty('d1', 'explore', { text: 'ab' });
    expect(queue.hasPending('d1', 'explore')).toBe(true);
    release();
    await flushed;
    expect(queue.hasPending('d1', 'explore')).toBe(false);
  });

  it('tries at once on flush even while waiting to retry', async () => {
    store.failNext(new DOMException('full', 'QuotaExceededError'));
    queue.markDirty('d1', 's', { text: 'x' });
    await queue.flush();
    expect(queue.getStatus().state).toBe('error');
    await vi.advanceTimersByTimeAsync(100);
    await queue.flush();
    expect(store.calls.map((c) => c.at)).toEqual([0, 100]);
    expect(queue.getStatus().state).toBe('saved');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.calls).toHaveLength(2);
  });

  it('describes a closed database and other failures in plain words', async () => {
    store.failNext(new Dexie.DatabaseClosedError('Database has been closed'));
    queue.markDirty('d1', 's', { text: 'x' });
    await queue.flush();
    expect(queue.getStatus().error).toMatchObject({
      kind: 'unavailable',
      message: SAVE_ERROR_MESSAGES.unavailable,
    });

    store.failNext(new TypeError('something odd'));
    await queue.flush();
    expect(queue.getStatus().error).toMatchObject({
      kind: 'unknown',
      message: SAVE_ERROR_MESSAGES.unknown,
    });
    expect(queue.getStatus().error!.cause).toBeInstanceOf(TypeError);
  });

  it('retries a producer that threw, asking it again', async () => {
    let broken = true;
    queue.markDirty('d1', 's', () => {
      if (broken) throw new Error('cannot serialize');
      return { text: 'fine' };
    });
    await queue.flush();
    expect(queue.getStatus()).toMatchObject({ state: 'error', error: { kind: 'unknown' } });
    broken = false;
    await vi.advanceTimersByTimeAsync(500);
    expect(store.patches).toEqual([{ text: 'fine' }]);
    expect(queue.getStatus().state).toBe('saved');
  });

  it('saves the other sections of a batch when one fails', async () => {
    store.failNext(new Error('one bad write'));
    queue.markDirty('d1', 'a', { text: 'A' });
    queue.markDirty('d1', 'b', { text: 'B' });
    await queue.flush();
    expect(store.calls.map((c) => c.sectionId)).toEqual(['a', 'b']);
    expect(queue.getStatus().state).toBe('error');
    await vi.advanceTimersByTimeAsync(500);
    expect(store.calls.map((c) => c.sectionId)).toEqual(['a', 'b', 'a']);
    expect(queue.getStatus().state).toBe('saved');
  });
});

describe('listeners, discard and dispose', () => {
  it('stops telling a listener after it unsubscribes, and survives a listener that throws', async () => {
    const seen: SaveState[] = [];
    const unsubscribe = queue.subscribe((s) => seen.push(s.state));
    queue.subscribe(() => {
      throw new Error('listener bug');
    });
    const uncaught: unknown[] = [];
    const onError = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onError);
    try {
      queue.markDirty('d1', 's', { text: 'x' });
      await queue.flush();
      unsubscribe();
      queue.markDirty('d1', 's', { text: 'y' });
      await queue.flush();
      await vi.advanceTimersByTimeAsync(0);
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(seen).toEqual(['pending', 'saving', 'saved']);
    expect(store.patches).toEqual([{ text: 'x' }, { text: 'y' }]);
    // The listener's bug is not swallowed, only kept out of the save loop.
    expect(uncaught).toContainEqual(expect.objectContaining({ message: 'listener bug' }));
  });

  it('discards the pending changes of a draft deleted forever', async () => {
    queue.markDirty('gone', 's', { text: 'x' });
    queue.markDirty('kept', 's', { text: 'y' });
    queue.discard('gone');
    await queue.flush();
    expect(store.calls.map((c) => c.draftId)).toEqual(['kept']);
  });

  it('writes what is pending on dispose, then stops', async () => {
    const ed = editor();
    ed.type('last words');
    await queue.dispose();
    expect(store.patches.map((p) => p.text)).toEqual(['last words']);
    expect(vi.getTimerCount()).toBe(0);
    expect(() => queue.markDirty('d1', 's', { text: 'late' })).toThrow(/disposed/);
  });

  it('makes no retries after dispose', async () => {
    store.failNext(new DOMException('full', 'QuotaExceededError'));
    queue.markDirty('d1', 's', { text: 'x' });
    await queue.dispose();
    expect(queue.getStatus().state).toBe('error');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('unsaved', () => {
  it('describes pending changes without writing them, merging every part', () => {
    const saves: unknown[] = [];
    const queue = new SaveQueue({
      save: (...args) => {
        saves.push(args);
        return Promise.resolve();
      },
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    });
    queue.markDirty('d', 'explore', () => ({ text: 'first' }), 'editor');
    queue.markDirty('d', 'explore', () => ({ text: 'second' }), 'editor');
    queue.markDirty('d', 'explore', { fields: { a: '1' } });
    queue.markDirty('d', 'about-you', { fields: { 'full-name': 'Jo' } });
    expect(queue.unsaved()).toEqual([
      { draftId: 'd', sectionId: 'explore', patch: { text: 'second', fields: { a: '1' } } },
      { draftId: 'd', sectionId: 'about-you', patch: { fields: { 'full-name': 'Jo' } } },
    ]);
    expect(saves).toEqual([]);
    expect(queue.getStatus().state).toBe('pending');
  });

  it('counts a write still in flight as unsaved, with newer changes over it', async () => {
    let finish: () => void = () => undefined;
    const queue = new SaveQueue({
      save: () => new Promise<void>((resolve) => (finish = resolve)),
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    });
    queue.markDirty('d', 'explore', { text: 'in flight', fields: { a: '1' } });
    const flushing = queue.flush();
    await Promise.resolve();
    expect(queue.getStatus().state).toBe('saving');
    queue.markDirty('d', 'explore', { text: 'newer' });
    expect(queue.unsaved()).toEqual([
      { draftId: 'd', sectionId: 'explore', patch: { text: 'newer', fields: { a: '1' } } },
    ]);
    finish();
    await Promise.resolve();
    finish();
    await flushing;
    expect(queue.unsaved()).toEqual([]);
  });

  it('resolves flush true once everything is stored, false when a write failed', async () => {
    const store = new FakeStore();
    const queue = new SaveQueue({
      save: store.save,
      setTimeout: () => 0,
      clearTimeout: () => undefined,
    });
    queue.markDirty('d', 'explore', { text: 'one' });
    expect(await queue.flush()).toBe(true);
    store.failNext(new Error('disk'));
    queue.markDirty('d', 'explore', { text: 'two' });
    expect(await queue.flush()).toBe(false);
    expect(queue.getStatus().state).toBe('error');
  });

  it('takes what is unsaved out of the queue once the write in flight settles, so none of it is written', async () => {
    const store = new FakeStore();
    const timers: (() => void)[] = [];
    const queue = new SaveQueue({
      save: store.save,
      setTimeout: (callback) => timers.push(callback),
      clearTimeout: () => undefined,
    });
    const open = store.hold();
    queue.markDirty('d', 'explore', { text: 'in flight' });
    const flushing = queue.flush();
    await Promise.resolve();
    store.failNext(new Error('disk full'));
    const taking = queue.takeUnsaved();
    queue.markDirty('d', 'deliver', { text: 'queued meanwhile' });
    open();
    expect(await taking).toEqual([
      { draftId: 'd', sectionId: 'explore', patch: { text: 'in flight' } },
      { draftId: 'd', sectionId: 'deliver', patch: { text: 'queued meanwhile' } },
    ]);
    await flushing;
    expect(queue.getStatus()).toMatchObject({ state: 'saved', error: null });
    // The timers set for those changes, and the retry of the failed write, write nothing.
    for (const fire of timers.splice(0)) fire();
    await queue.idle();
    expect(store.patches).toEqual([{ text: 'in flight' }]);
    expect(queue.unsaved()).toEqual([]);
  });
});
