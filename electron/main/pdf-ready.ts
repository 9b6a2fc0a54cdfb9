/**
 * Waiting for the print view in the hidden window to finish rendering: it sets
 * `<html data-print-ready="true">` once its data, fonts and layout are in (or "error" beside a
 * role="alert" saying why). No Electron import: the probe, the clock and the sleep are passed
 * in, so the loop and its timeout are tested without a window.
 */

/** What the page reports. */
export type PrintViewState =
  { state: 'pending' } | { state: 'ready' } | { state: 'error'; message: string };

/** Evaluated in the page by `webContents.executeJavaScript`; returns a plain object. */
export const PRINT_READY_PROBE = `(() => {
  const state = document.documentElement.dataset.printReady ?? '';
  const alert = document.querySelector('[role="alert"]');
  return { state, message: alert ? alert.textContent ?? '' : '' };
})()`;

/** The probe's answer as a PrintViewState; anything unexpected is still pending. */
export function readProbeResult(value: unknown): PrintViewState {
  if (typeof value !== 'object' || value === null) return { state: 'pending' };
  const { state, message } = value as { state?: unknown; message?: unknown };
  if (state === 'true') return { state: 'ready' };
  if (state === 'error') {
    const text = typeof message === 'string' ? message.replace(/\s+/g, ' ').trim() : '';
    return { state: 'error', message: text };
  }
  return { state: 'pending' };
}

/** Something went wrong making the PDF; the message is a sentence for the user. */
export class PdfExportError extends Error {
  override name = 'PdfExportError';
}

export const DEFAULT_READY_TIMEOUT_MS = 60_000;

export interface WaitForPrintReadyOptions {
  /** The page's load, awaited (within the same time limit) before the first probe: a probe sent
   * while the page is still being replaced could be lost. */
  loading?: Promise<unknown>;
  /** Asks the page how far it is; may reject (the window closed, the renderer crashed). */
  probe: () => Promise<PrintViewState>;
  timeoutMs?: number;
  intervalMs?: number;
  now?: () => number;
  /** Resolves after `ms`; `signal` aborting means the wait is no longer needed (free the timer). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });

export function timeoutMessage(timeoutMs: number): string {
  const seconds = Math.round(timeoutMs / 1000);
  return `The PDF could not be made: the document was still being prepared after ${seconds} seconds. Close other programs and try again; if it happens again, export as Word instead.`;
}

/**
 * Resolves once the page reports ready; rejects with a PdfExportError when it reports an error
 * or is not ready within `timeoutMs` (a probe that never answers counts against the time too).
 */
export async function waitForPrintReady({
  loading,
  probe,
  timeoutMs = DEFAULT_READY_TIMEOUT_MS,
  intervalMs = 100,
  now = Date.now,
  sleep = defaultSleep,
}: WaitForPrintReadyOptions): Promise<void> {
  const deadline = now() + timeoutMs;
  const timedOut = Symbol('timed out');
  // Settles with `work`, or with timedOut at the deadline, whichever comes first.
  const beforeDeadline = async <T>(work: Promise<T>): Promise<T | typeof timedOut> => {
    const remaining = deadline - now();
    if (remaining <= 0) return timedOut;
    const race = new AbortController();
    const timer = sleep(remaining, race.signal).then((): typeof timedOut => timedOut);
    return Promise.race([work, timer]).finally(() => race.abort());
  };
  if (loading && (await beforeDeadline(loading)) === timedOut) {
    throw new PdfExportError(timeoutMessage(timeoutMs));
  }
  for (;;) {
    const answer = await beforeDeadline(probe());
    if (answer === timedOut) throw new PdfExportError(timeoutMessage(timeoutMs));
    if (answer.state === 'ready') return;
    if (answer.state === 'error') {
      throw new PdfExportError(
        `The PDF could not be made: ${answer.message || 'the document could not be prepared.'}`,
      );
    }
    await sleep(Math.min(intervalMs, Math.max(0, deadline - now())));
  }
}
