/**
 * The main thread during an autosave: typing has just stopped and the debounced save (at most
 * 1 s after the last change) serializes the 10,000-word state and writes it. Long tasks (> 50 ms)
 * come from the Long Tasks API; the longest gap between animation frames catches blocks below
 * that threshold too (frames are unthrottled in the bench's Chromium, so a gap is a block).
 */
import type { Page } from 'playwright-core';

export interface AutosaveWindow {
  /** Longest long task in the window, ms (0 when there was none over 50 ms). */
  longestTaskMs: number;
  longTaskCount: number;
  /** Longest time between two animation frames in the window, ms. */
  longestFrameGapMs: number;
  /**
   * When the status last turned to "Saved" (and stayed so), ms after typing stopped; null if it
   * never settled on Saved within the window.
   */
  savedAfterMs: number | null;
  /** The status said something other than "Saved" when typing stopped (a save was pending). */
  wasUnsaved: boolean;
  /**
   * The status said "Saved" and later, with no typing in between, something else: it claimed
   * Saved while a change was still unsaved (the UI contract forbids that).
   */
  savedTooEarly: boolean;
  /** Every status text seen in the window, with when it appeared (ms after typing stopped). */
  transitions: Array<{ atMs: number; text: string }>;
  windowMs: number;
}

type AutosaveWindowHost = Window & { __aedAutosave?: Promise<AutosaveWindow> };

/**
 * Starts watching; call it the moment the last key is up, before anything else is asked of the
 * page, or a short debounce would save before the window opens. `finishAutosaveWindow` collects.
 * The window closes once the status has said Saved for `settleMs` and `minMs` have passed (so a
 * debounced save after an early "Saved" is still seen), or after `maxMs`.
 */
export async function startAutosaveWindow(
  page: Page,
  maxMs = 5_000,
  settleMs = 500,
  minMs = 1_500,
) {
  await page.evaluate(
    ({ maxMs, settleMs, minMs }) => {
      (window as AutosaveWindowHost).__aedAutosave = new Promise<AutosaveWindow>((resolve) => {
        const start = performance.now();
        // The save state, per the UI contract: a role=status that says Saved / Saving / Unsaved.
        const status = () =>
          [...document.querySelectorAll('[role="status"], output')].find((el) =>
            /\bsav(ed|ing)\b|unsaved/i.test(el.textContent ?? ''),
          );
        const textNow = () => status()?.textContent?.trim() ?? '(no save status found)';
        const saved = (text: string) => /\bSaved\b/.test(text);
        const transitions = [{ atMs: 0, text: textNow() }];
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.startTime >= start) tasks.push(e.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        let last = start;
        let longestGap = 0;
        const frame = () => {
          const now = performance.now();
          longestGap = Math.max(longestGap, now - last);
          last = now;
          const text = textNow();
          if (text !== transitions.at(-1)!.text) transitions.push({ atMs: now - start, text });
          const current = transitions.at(-1)!;
          const settled = saved(current.text) && now - start - current.atMs >= settleMs;
          if ((settled && now - start >= minMs) === false && now - start < maxMs) {
            requestAnimationFrame(frame);
            return;
          }
          // Long-task entries are delivered after the task; one more turn collects the last.
          setTimeout(() => {
            observer.disconnect();
            const firstSaved = transitions.findIndex((t) => saved(t.text));
            resolve({
              longestTaskMs: Math.max(0, ...tasks),
              longTaskCount: tasks.length,
              longestFrameGapMs: longestGap,
              savedAfterMs: saved(current.text) ? current.atMs : null,
              wasUnsaved: !saved(transitions[0]!.text),
              savedTooEarly:
                firstSaved >= 0 && transitions.slice(firstSaved).some((t) => !saved(t.text)),
              transitions,
              windowMs: performance.now() - start,
            });
          }, 50);
        };
        requestAnimationFrame(frame);
      });
    },
    { maxMs, settleMs, minMs },
  );
}

/** Resolves once the save is in (or the window timed out) plus the settle time. */
export async function finishAutosaveWindow(page: Page): Promise<AutosaveWindow> {
  return page.evaluate(() => {
    const pending = (window as AutosaveWindowHost).__aedAutosave;
    if (!pending) throw new Error('startAutosaveWindow was not called');
    return pending;
  });
}
