import { beforeEach, describe, expect, it } from 'vitest';
import type { MessageBoxOptions, RenderProcessGoneDetails } from 'electron';
import { watchRenderer, type WatchedWindow } from '../../../electron/main/renderer-watchdog';

/** What the watchdog did, in order: asked, wrote storage to disk, ended the renderer, reloaded. */
let done: string[];
beforeEach(() => {
  done = [];
});

/** A window whose events the test fires, and whose reloads it counts. */
function fakeWindow() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let reloads = 0;
  const win = {
    destroyed: false,
    isDestroyed: () => win.destroyed,
    webContents: {
      on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
      reload: () => {
        reloads++;
        done.push('reload');
      },
      // As Electron does: the renderer is gone, and says so.
      forcefullyCrashRenderer: () => {
        done.push('end renderer');
        fire('render-process-gone', {}, gone('killed'));
      },
    },
    on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
  };
  const fire = (event: string, ...args: unknown[]) => listeners.get(event)?.(...args);
  // The listeners are stored untyped; the watchdog registers the typed ones.
  return { win: win as typeof win & WatchedWindow, fire, reloads: () => reloads };
}

/** Answers each question with the next response, and records what was asked. */
function answering(...responses: number[]) {
  const asked: MessageBoxOptions[] = [];
  let quits = 0;
  return {
    asked,
    quits: () => quits,
    deps: {
      ask: (options: MessageBoxOptions) => {
        asked.push(options);
        done.push('ask');
        return Promise.resolve({ response: responses.shift() ?? 0 });
      },
      quit: () => void quits++,
      flushStorage: () => void done.push('write storage'),
    },
  };
}

const gone = (reason: RenderProcessGoneDetails['reason']) => ({ reason, exitCode: 1 });

// Lets the ask → answer → act chain of promises run.
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('renderer watchdog', () => {
  it('a crashed renderer is explained, and Reload reloads the window', async () => {
    const { win, fire, reloads } = fakeWindow();
    const user = answering(0);
    watchRenderer(win, user.deps);
    fire('render-process-gone', {}, gone('crashed'));
    await settled();
    expect(user.asked).toHaveLength(1);
    expect(user.asked[0]!.message).toMatch(/stopped unexpectedly/);
    expect(user.asked[0]!.detail).toMatch(/what you typed/);
    expect(user.asked[0]!.buttons).toEqual(['Reload', 'Quit']);
    expect(reloads()).toBe(1);
  });

  it('Quit after a crash quits, without reloading', async () => {
    const { win, fire, reloads } = fakeWindow();
    const user = answering(1);
    watchRenderer(win, user.deps);
    fire('render-process-gone', {}, gone('oom'));
    await settled();
    expect(user.quits()).toBe(1);
    expect(reloads()).toBe(0);
  });

  it('a window closing normally (clean exit) asks nothing', async () => {
    const { win, fire } = fakeWindow();
    const user = answering();
    watchRenderer(win, user.deps);
    fire('render-process-gone', {}, gone('clean-exit'));
    await settled();
    expect(user.asked).toEqual([]);
  });

  it('a hung renderer offers Wait or Reload; Wait leaves it alone, Reload reloads', async () => {
    const { win, fire, reloads } = fakeWindow();
    const user = answering(0, 1);
    watchRenderer(win, user.deps);
    fire('unresponsive');
    await settled();
    expect(user.asked[0]!.buttons).toEqual(['Wait', 'Reload']);
    expect(reloads()).toBe(0);
    fire('unresponsive');
    await settled();
    expect(reloads()).toBe(1);
  });

  it('asks one question at a time, and never reloads a destroyed window', async () => {
    const { win, fire, reloads } = fakeWindow();
    let answer: (value: { response: number }) => void = () => undefined;
    const asked: MessageBoxOptions[] = [];
    watchRenderer(win, {
      ask: (options) => {
        asked.push(options);
        return new Promise((resolve) => (answer = resolve));
      },
      quit: () => undefined,
      flushStorage: () => undefined,
    });
    fire('unresponsive');
    fire('unresponsive');
    fire('render-process-gone', {}, gone('crashed'));
    expect(asked).toHaveLength(1);
    win.destroyed = true;
    answer({ response: 1 });
    await settled();
    expect(reloads()).toBe(0);
  });

  it('after a crash, writes the window storage (the edit journal) to disk before asking', async () => {
    const { win, fire } = fakeWindow();
    const user = answering(0);
    watchRenderer(win, user.deps);
    fire('render-process-gone', {}, gone('crashed'));
    await settled();
    expect(done).toEqual(['write storage', 'ask', 'reload']);
  });

  it('Reload of a renderer still hung writes storage to disk, ends the renderer, then reloads, asking nothing more', async () => {
    const { win, fire } = fakeWindow();
    const user = answering(1);
    watchRenderer(win, user.deps);
    fire('unresponsive');
    await settled();
    expect(done).toEqual(['ask', 'write storage', 'end renderer', 'reload']);
    expect(user.asked).toHaveLength(1);
    // A later crash is asked about again.
    fire('render-process-gone', {}, gone('crashed'));
    await settled();
    expect(user.asked).toHaveLength(2);
  });

  it('Reload of a renderer that answers again meanwhile reloads it as a page leaves (no ending it)', async () => {
    const { win, fire } = fakeWindow();
    let answer: (value: { response: number }) => void = () => undefined;
    watchRenderer(win, {
      ask: () => new Promise((resolve) => (answer = resolve)),
      quit: () => undefined,
      flushStorage: () => void done.push('write storage'),
    });
    fire('unresponsive');
    fire('responsive');
    answer({ response: 1 });
    await settled();
    expect(done).toEqual(['reload']);
  });
});
