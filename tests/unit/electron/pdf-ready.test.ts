import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PdfExportError,
  readProbeResult,
  waitForPrintReady,
  type PrintViewState,
} from '../../../electron/main/pdf-ready';

const answers = (...states: PrintViewState[]) => {
  const queue = [...states];
  return vi.fn(() => Promise.resolve(queue.length > 1 ? queue.shift()! : queue[0]!));
};
const never = <T>() => new Promise<T>(() => undefined);

// Fake timers drive the real sleep and Date.now, so the test waits no real time.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('waitForPrintReady', () => {
  it('polls until the page says it is ready, and leaves no timer behind', async () => {
    const probe = answers({ state: 'pending' }, { state: 'pending' }, { state: 'ready' });
    const waiting = waitForPrintReady({ probe, intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(200);
    await waiting;
    expect(probe).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for the page to load before the first probe', async () => {
    const order: string[] = [];
    const probe = vi.fn(() => {
      order.push('probe');
      return Promise.resolve<PrintViewState>({ state: 'ready' });
    });
    const loading = new Promise((resolve) => setTimeout(resolve, 500)).then(() =>
      order.push('loaded'),
    );
    const waiting = waitForPrintReady({ loading, probe });
    await vi.advanceTimersByTimeAsync(500);
    await waiting;
    expect(order).toEqual(['loaded', 'probe']);
  });

  it('times out with a clear message', async () => {
    const probe = answers({ state: 'pending' });
    const waiting = waitForPrintReady({ probe, timeoutMs: 60_000, intervalMs: 100 });
    const failed = expect(waiting).rejects.toThrow(
      /^The PDF could not be made: the document was still being prepared after 60 seconds\. Close other programs and try again/,
    );
    await vi.advanceTimersByTimeAsync(60_000);
    await failed;
    await expect(waiting).rejects.toBeInstanceOf(PdfExportError);
    expect(probe.mock.calls.length).toBeGreaterThan(100);
  });

  it('times out when a probe or the load never answers', async () => {
    const stuckProbe = waitForPrintReady({ probe: never, timeoutMs: 5_000 });
    const stuckLoad = waitForPrintReady({
      loading: never(),
      probe: answers({ state: 'ready' }),
      timeoutMs: 5_000,
    });
    const failed = Promise.all([
      expect(stuckProbe).rejects.toThrow(/after 5 seconds/),
      expect(stuckLoad).rejects.toThrow(/after 5 seconds/),
    ]);
    await vi.advanceTimersByTimeAsync(5_000);
    await failed;
  });

  it('passes on the page’s own alert when it cannot render', async () => {
    const probe = answers({ state: 'error', message: 'This draft is not in your library.' });
    await expect(waitForPrintReady({ probe })).rejects.toThrow(
      'The PDF could not be made: This draft is not in your library.',
    );
  });

  it('lets a failing probe (a crashed page) end the wait', async () => {
    const probe = vi.fn(() => Promise.reject(new Error('Render frame was disposed')));
    await expect(waitForPrintReady({ probe })).rejects.toThrow('disposed');
  });

  it('takes its clock and sleep from the caller', async () => {
    let t = 0;
    const sleep = vi.fn((ms: number, signal?: AbortSignal) =>
      // The deadline's sleep is aborted once the probe answers; only the poll interval passes.
      signal ? never<void>() : Promise.resolve(void (t += ms)),
    );
    const probe = answers({ state: 'pending' }, { state: 'ready' });
    await waitForPrintReady({ probe, now: () => t, sleep, intervalMs: 250 });
    expect(t).toBe(250);
  });
});

describe('readProbeResult', () => {
  it('reads the page’s answer, treating anything odd as not yet ready', () => {
    expect(readProbeResult({ state: 'true', message: '' })).toEqual({ state: 'ready' });
    expect(readProbeResult({ state: 'error', message: '  Draft\n gone. ' })).toEqual({
      state: 'error',
      message: 'Draft gone.',
    });
    expect(readProbeResult({ state: '' })).toEqual({ state: 'pending' });
    expect(readProbeResult(null)).toEqual({ state: 'pending' });
    expect(readProbeResult('true')).toEqual({ state: 'pending' });
  });
});
