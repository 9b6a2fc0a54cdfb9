import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../../electron/main/single-instance';

function fakeApp(lock: boolean) {
  const listeners = new Map<string, () => void>();
  return {
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    on: vi.fn((name: string, listener: () => void) => {
      listeners.set(name, listener);
    }),
    listeners,
  };
}

function fakeWindow(minimized: boolean) {
  return { isMinimized: vi.fn(() => minimized), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
}

describe('single-instance lock', () => {
  it('quits when another copy holds the lock', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app as never, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.on).not.toHaveBeenCalled();
  });

  it('keeps going with the lock and focuses (restoring) the window on a second launch', () => {
    const app = fakeApp(true);
    const win = fakeWindow(true);
    expect(claimSingleInstance(app as never, () => win)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.listeners.get('second-instance')!();
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('does not restore a window that is not minimized, and copes with no window', () => {
    const app = fakeApp(true);
    const win = fakeWindow(false);
    const current: { win?: typeof win } = {};
    claimSingleInstance(app as never, () => current.win);
    app.listeners.get('second-instance')!();
    current.win = win;
    app.listeners.get('second-instance')!();
    expect(win.restore).not.toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalledTimes(1);
  });
});
