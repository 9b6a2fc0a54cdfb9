import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_FLUSH_TIMEOUT_MS, guardWindowClose } from '../../../electron/main/close-handshake';
import type { ClosableWindow, FlushTarget } from '../../../electron/main/close-handshake';

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
