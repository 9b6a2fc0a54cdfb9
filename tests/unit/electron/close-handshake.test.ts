import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CLOSE_FLUSH_TIMEOUT_MS,
  guardWindowClose,
  UNSAVED_BUTTONS,
} from '../../../electron/main/close-handshake';
import type {
  ClosableWindow,
  CloseQuestion,
  FlushTarget,
  UnsavedAtCloseActions,
} from '../../../electron/main/close-handshake';

/** A window that behaves like BrowserWindow: close() emits 'close' and closes unless prevented. */
class FakeWindow implements ClosableWindow {
  closed = false;
  private listeners = {
    close: [] as ((e: { preventDefault(): void }) => void)[],
    closed: [] as (() => void)[],
  };
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): this;
  on(event: 'closed', listener: () => void): this;
  on(event: 'close' | 'closed', listener: never): this {
    (this.listeners[event] as unknown[]).push(listener);
    return this;
  }
  close(): void {
    let prevented = false;
    for (const l of this.listeners.close) l({ preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.closed = true;
    for (const l of this.listeners.closed) l();
  }
  isDestroyed(): boolean {
    return this.closed;
  }
}

function fakeTarget(overrides: Partial<FlushTarget> = {}) {
  return {
    isDestroyed: vi.fn(() => false),
    isCrashed: vi.fn(() => false),
    send: vi.fn<FlushTarget['send']>(),
    ...overrides,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('close handshake', () => {
  it('holds the close, asks the renderer to flush, and closes on its answer', () => {
    const win = new FakeWindow();
    const target = fakeTarget();
    const guard = guardWindowClose(win, target, { createRequestId: () => 'req-1' });

    win.close();
    expect(win.closed).toBe(false);
    expect(target.send).toHaveBeenCalledWith('app:before-close', { requestId: 'req-1' });

    expect(guard.acknowledge('req-1')).toBe(true);
    expect(win.closed).toBe(true);
  });

  it('closes anyway after the bounded wait when the renderer never answers', () => {
    const win = new FakeWindow();
    guardWindowClose(win, fakeTarget());
    win.close();
    vi.advanceTimersByTime(CLOSE_FLUSH_TIMEOUT_MS - 1);
    expect(win.closed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(win.closed).toBe(true);
    expect(CLOSE_FLUSH_TIMEOUT_MS).toBeLessThanOrEqual(5000);
  });

  it('ignores an answer with the wrong request id', () => {
    const win = new FakeWindow();
    const guard = guardWindowClose(win, fakeTarget(), { createRequestId: () => 'right' });
    win.close();
    expect(guard.acknowledge('wrong')).toBe(false);
    expect(win.closed).toBe(false);
  });

  it('ignores an answer when no close is pending', () => {
    const win = new FakeWindow();
    const guard = guardWindowClose(win, fakeTarget(), { createRequestId: () => 'id' });
    expect(guard.acknowledge('id')).toBe(false);
    expect(win.closed).toBe(false);
  });

  it('asks only once when close is requested repeatedly', () => {
    const win = new FakeWindow();
    const target = fakeTarget();
    guardWindowClose(win, target);
    win.close();
    win.close();
    expect(target.send).toHaveBeenCalledTimes(1);
  });

  it('closes at once when the renderer has crashed', () => {
    const win = new FakeWindow();
    const target = fakeTarget({ isCrashed: () => true });
    guardWindowClose(win, target);
    win.close();
    expect(win.closed).toBe(true);
    expect(target.send).not.toHaveBeenCalled();
  });

  it('writes the window storage (the edit journal) to disk as it closes, however it closes', () => {
    const order: string[] = [];
    const flushStorage = () => void order.push('write storage');
    const answered = new FakeWindow();
    answered.on('closed', () => void order.push('closed'));
    const guard = guardWindowClose(answered, fakeTarget(), {
      createRequestId: () => 'req-1',
      flushStorage,
    });
    answered.close();
    expect(order).toEqual([]);
    guard.acknowledge('req-1');
    expect(order).toEqual(['write storage', 'closed']);

    const timedOut = new FakeWindow();
    guardWindowClose(timedOut, fakeTarget(), { flushStorage });
    timedOut.close();
    vi.advanceTimersByTime(CLOSE_FLUSH_TIMEOUT_MS);
    const crashed = new FakeWindow();
    guardWindowClose(crashed, fakeTarget({ isCrashed: () => true }), { flushStorage });
    crashed.close();
    expect(order).toEqual(['write storage', 'closed', 'write storage', 'write storage']);
  });

  it('closes anyway when writing the storage to disk fails', () => {
    const win = new FakeWindow();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    guardWindowClose(win, fakeTarget({ isCrashed: () => true }), {
      flushStorage: () => {
        throw new Error('no disk');
      },
    });
    win.close();
    expect(win.closed).toBe(true);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('closes at once when sending fails', () => {
    const win = new FakeWindow();
    guardWindowClose(
      win,
      fakeTarget({
        send: () => {
          throw new Error('gone');
        },
      }),
    );
    win.close();
    expect(win.closed).toBe(true);
  });
});

describe('close handshake when something typed is not stored', () => {
  const backup = { fileName: 'AED backup - Year 1 - 2026-03-14.aedx', bytes: new Uint8Array([1]) };
  const unsaved = { reason: 'Your computer’s storage is full.', backup };

  /** Answers the questions with `choices` in turn, recording them. */
  function actions(choices: number[], saves: (() => Promise<boolean>)[] = []) {
    const questions: CloseQuestion[] = [];
    const deps = {
      ask: vi.fn((question: CloseQuestion) => {
        questions.push(question);
        return Promise.resolve({ response: choices.shift()! });
      }),
      saveBackup: vi.fn<UnsavedAtCloseActions['saveBackup']>(() => saves.shift()!()),
      cancelled: vi.fn(),
    };
    return { deps, questions };
  }

  function closeWith(deps: UnsavedAtCloseActions) {
    const win = new FakeWindow();
    const target = fakeTarget();
    let id = 0;
    const guard = guardWindowClose(win, target, {
      unsaved: deps,
      createRequestId: () => `req-${++id}`,
    });
    win.close();
    return { win, target, guard };
  }

  it('asks before closing, with the reason, and closes when told to quit without saving', async () => {
    const { deps, questions } = actions([1]);
    const { win, guard } = closeWith(deps);
    expect(guard.acknowledge('req-1', unsaved)).toBe(true);
    // The renderer answered: the bounded wait no longer applies while the user decides.
    vi.advanceTimersByTime(CLOSE_FLUSH_TIMEOUT_MS * 10);
    await vi.waitFor(() => expect(win.closed).toBe(true));
    expect(questions).toEqual([
      expect.objectContaining({
        type: 'warning',
        message: 'Some of what you typed is not saved yet.',
        buttons: ['Back up and quit', 'Quit without saving', 'Cancel'],
        defaultId: 0,
        cancelId: 2,
      }),
    ]);
    expect(questions[0]!.detail).toContain('Your computer’s storage is full.');
    expect(questions[0]!.detail).toContain('saves a backup file with everything on screen');
    expect(deps.saveBackup).not.toHaveBeenCalled();
    expect(UNSAVED_BUTTONS).toEqual(['Back up and quit', 'Quit without saving', 'Cancel']);
  });

  it('keeps the window open on Cancel, and asks the renderer again at the next close', async () => {
    const { deps } = actions([2, 1]);
    const { win, target, guard } = closeWith(deps);
    guard.acknowledge('req-1', unsaved);
    await vi.waitFor(() => expect(deps.cancelled).toHaveBeenCalledTimes(1));
    vi.advanceTimersByTime(CLOSE_FLUSH_TIMEOUT_MS * 2);
    expect(win.closed).toBe(false);

    win.close();
    expect(target.send).toHaveBeenLastCalledWith('app:before-close', { requestId: 'req-2' });
    expect(guard.acknowledge('req-1', unsaved)).toBe(false); // the old answer is stale
    guard.acknowledge('req-2', unsaved);
    await vi.waitFor(() => expect(win.closed).toBe(true));
  });

  it('backs up and quits; a cancelled or failed save asks again, saying why', async () => {
    const { deps, questions } = actions(
      [0, 0, 0],
      [
        () => Promise.resolve(false),
        () => Promise.reject(new Error('There isn’t enough space on the disk.')),
        () => Promise.resolve(true),
      ],
    );
    const { win, guard } = closeWith(deps);
    guard.acknowledge('req-1', unsaved);
    await vi.waitFor(() => expect(win.closed).toBe(true));
    expect(deps.saveBackup).toHaveBeenCalledTimes(3);
    expect(deps.saveBackup).toHaveBeenCalledWith(backup);
    expect(questions.map((q) => q.detail.split('\n\n')[0])).toEqual([
      'Your computer’s storage is full.',
      'The backup was not saved.',
      'The backup could not be saved: There isn’t enough space on the disk.',
    ]);
  });

  it('keeps the window open when no backup could be made and the user asked for one', async () => {
    const { deps, questions } = actions([0]);
    const { win, guard } = closeWith(deps);
    guard.acknowledge('req-1', { reason: 'Gone.' });
    await vi.waitFor(() => expect(deps.cancelled).toHaveBeenCalled());
    expect(win.closed).toBe(false);
    expect(questions[0]!.detail).toContain('A backup could not be made');
  });

  it('closes on the answer as before when nothing is unsaved', () => {
    const { deps } = actions([]);
    const { win, guard } = closeWith(deps);
    guard.acknowledge('req-1');
    expect(win.closed).toBe(true);
    expect(deps.ask).not.toHaveBeenCalled();
  });
});
