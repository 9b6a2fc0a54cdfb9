/// <reference lib="dom" />
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
  /** When the status first said "Saved" after typing stopped, ms; null if it never did. */
  savedAfterMs: number | null;
  /** The status said something other than "Saved" when typing stopped (a save was pending). */
  wasUnsaved: boolean;
  statusText: string;
  windowMs: number;
}

/** Call right after the last keystroke; resolves once the save is in plus `settleMs`. */
export async function measureAutosave(
  page: Page,
  maxMs = 5_000,
  settleMs = 500,
): Promise<AutosaveWindow> {
  return page.evaluate(
    ({ maxMs, settleMs }) =>
      new Promise<AutosaveWindow>((resolve) => {
        const start = performance.now();
        // The save-state status, per the UI contract: a role=status that says Saved / Saving / Unsaved.
        const status = () =>
          [...document.querySelectorAll('[role="status"], output')].find((el) =>
            /\bsav(ed|ing)\b|unsaved/i.test(el.textContent ?? ''),
          );
        const isSaved = () => /\bSaved\b/.test(status()?.textContent ?? '');
        const wasUnsaved = !isSaved();
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.startTime >= start) tasks.push(e.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        let last = start;
        let longestGap = 0;
        let savedAt: number | null = wasUnsaved ? null : start;
        let running = true;
        const frame = () => {
          const now = performance.now();
          longestGap = Math.max(longestGap, now - last);
          last = now;
          if (savedAt === null && isSaved()) savedAt = now;
          const stopAt =
            savedAt === null ? start + maxMs : Math.max(savedAt + settleMs, start + 1_500);
          if (now >= stopAt) running = false;
          if (running) requestAnimationFrame(frame);
          else {
            // Long-task entries are delivered after the task; one more turn collects the last.
            setTimeout(() => {
              observer.disconnect();
              resolve({
                longestTaskMs: Math.max(0, ...tasks),
                longTaskCount: tasks.length,
                longestFrameGapMs: longestGap,
                savedAfterMs: savedAt === null ? null : savedAt - start,
                wasUnsaved,
                statusText: status()?.textContent?.trim() ?? '(no save status found)',
                windowMs: performance.now() - start,
              });
            }, 50);
          }
        };
        requestAnimationFrame(frame);
      }),
    { maxMs, settleMs },
  );
}
