/**
 * Keystroke latency as the user feels it: from `keydown` reaching the editor to the end of the
 * frame that shows the character. The page takes `performance.now()` in a capture listener on
 * the editor, then again in a `requestAnimationFrame` callback followed by a `MessageChannel`
 * tick (which runs after that frame's style, layout and paint). Keys are real CDP key events, one
 * at a time: the next key is pressed only once the previous one's measurement is in, so a slow
 * key never hides behind a queue of others.
 */
import type { Page } from 'playwright-core';

export interface SlowEvent {
  name: string;
  duration: number;
  startTime: number;
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface ProbeState {
  armed: boolean;
  samples: number[];
  /** performance.now() at each measured keydown, to line latencies up with other activity. */
  starts: number[];
  slow: SlowEvent[];
  longTasks: Array<{ startTime: number; duration: number }>;
}
type ProbeWindow = Window & {
  __aedKeyProbe?: ProbeState;
  /** Exposed by the driver: called once a keystroke's frame is measured. */
  __aedKeyMeasured?: (count: number) => Promise<void>;
};

/** Per page: who is waiting for the n-th measured keystroke. */
const waiting = new WeakMap<Page, { n: number; done: () => void } | null>();

/**
 * Installs the probe on the editor matched by `selector` (once per page). The page reports each
 * measurement through an exposed binding, so while a frame is being measured the driver sends
 * nothing to the page that could run on its main thread and inflate the figure.
 */
export async function installKeyProbe(page: Page, selector: string): Promise<void> {
  if (!waiting.has(page)) {
    waiting.set(page, null);
    await page.exposeFunction('__aedKeyMeasured', (count: number) => {
      const waiter = waiting.get(page);
      if (waiter && count >= waiter.n) {
        waiting.set(page, null);
        waiter.done();
      }
    });
  }
  await page.evaluate((sel) => {
    const w = window as ProbeWindow;
    if (w.__aedKeyProbe) return;
    const el = document.querySelector(sel);
    if (!el) throw new Error(`No editor matches ${sel}`);
    const state: ProbeState = { armed: false, samples: [], starts: [], slow: [], longTasks: [] };
    el.addEventListener(
      'keydown',
      () => {
        if (!state.armed) return;
        const t0 = performance.now();
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            state.samples.push(performance.now() - t0);
            state.starts.push(t0);
            void w.__aedKeyMeasured?.(state.samples.length);
          };
          channel.port2.postMessage(null);
        });
      },
      true,
    );
    // Event Timing only counts slow events here; its 8 ms rounding is too coarse for latency.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        state.slow.push({ name: e.name, duration: e.duration, startTime: e.startTime });
      }
    }).observe({
      type: 'event',
      durationThreshold: 16,
      buffered: false,
    } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        state.longTasks.push({ startTime: e.startTime, duration: e.duration });
      }
    }).observe({ type: 'longtask', buffered: false });
    w.__aedKeyProbe = state;
  }, selector);
}

function measured(page: Page, n: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.set(page, null);
      reject(new Error(`keystroke ${n} was never seen by the editor's keydown listener`));
    }, timeoutMs);
    waiting.set(page, {
      n,
      done: () => {
        clearTimeout(timer);
        resolve();
      },
    });
  });
}

/**
 * Puts the caret at the end of the editor's last paragraph, or inside a paragraph in the middle
 * of the document (after a word, mid-text), through the DOM selection the way a click would;
 * Lexical follows `selectionchange`.
 */
export async function placeCaret(page: Page, selector: string, where: 'end' | 'middle') {
  await page.evaluate(
    async ({ sel, where }) => {
      const el = document.querySelector<HTMLElement>(sel)!;
      el.focus();
      const blocks = [...el.children];
      let block: Element | undefined;
      if (where === 'end') {
        block = blocks.at(-1);
      } else {
        // The paragraph nearest the middle that has enough text to land mid-sentence.
        const mid = Math.floor(blocks.length / 2);
        for (let d = 0; d < blocks.length && !block; d++) {
          for (const i of [mid + d, mid - d]) {
            const b = blocks[i];
            if (b?.tagName === 'P' && (b.textContent?.length ?? 0) > 200) {
              block = b;
              break;
            }
          }
        }
      }
      if (!block) throw new Error(`No ${where} paragraph to type into`);
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      let node: Text;
      let offset: number;
      if (where === 'end') {
        node = texts.at(-1)!;
        offset = node.length;
      } else {
        node = texts.reduce((a, b) => (b.length > a.length ? b : a));
        // Just after a space near the middle of the longest run: typing starts a new word there.
        offset = node.data.indexOf(' ', Math.floor(node.length / 2)) + 1 || node.length;
      }
      const selection = window.getSelection()!;
      selection.collapse(node, offset);
      // Two frames: Lexical reads selectionchange and settles its own selection first.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      el.dataset.benchBlockIndex = String(blocks.indexOf(block));
    },
    { sel: selector, where },
  );
}

export interface MeasuredTyping {
  latencies: number[];
  /** When each measured key went down (the page's performance.now()). */
  keydownAt: number[];
  /** Event Timing entries (≥ 16 ms) that started while typing. */
  slowEvents: SlowEvent[];
  /** Long tasks (> 50 ms) that started while typing. */
  longTasks: number[];
}

/** Types without measuring, at the caret: lets the JIT and Lexical's update paths warm up. */
export async function warmUp(page: Page, keys: number): Promise<string> {
  const text = 'the pupils said '.repeat(Math.ceil(keys / 16)).slice(0, keys);
  await page.keyboard.type(text);
  // Let the warm-up's own work (history merge timers, a pending save) finish before measuring.
  await page.waitForTimeout(300);
  return text;
}

/**
 * Types `text` at the caret, one key at a time, measuring each. After a key's frame is measured
 * its keyUp is sent, then `gapMs` of idle, then the next key.
 */
export async function typeMeasured(
  page: Page,
  text: string,
  gapMs: number,
  /** Runs the moment the last key is up (e.g. to open the autosave window). */
  onStop?: () => Promise<void>,
): Promise<MeasuredTyping> {
  const windowStart = await page.evaluate(() => {
    const probe = (window as ProbeWindow).__aedKeyProbe!;
    probe.samples = [];
    probe.starts = [];
    probe.armed = true;
    return performance.now();
  });
  for (let i = 0; i < text.length; i++) {
    const key = keyFor(text[i]!);
    const done = measured(page, i + 1, 5_000);
    // keyDown alone carries the character (keypress, beforeinput and input follow from it); the
    // keyUp waits until the frame is measured, as a typist's key comes up tens of ms later, so
    // its handling does not land inside the measured frame.
    await page.keyboard.down(key);
    await done;
    await page.keyboard.up(key);
    if (gapMs > 0 && i < text.length - 1) await new Promise((r) => setTimeout(r, gapMs));
  }
  await onStop?.();
  return page.evaluate(async (start) => {
    const probe = (window as ProbeWindow).__aedKeyProbe!;
    probe.armed = false;
    // Event Timing entries arrive after their frame is presented; give the last ones a moment.
    await new Promise((r) => setTimeout(r, 100));
    return {
      latencies: probe.samples.slice(),
      keydownAt: probe.starts.slice(),
      slowEvents: probe.slow.filter((e) => e.startTime >= start),
      longTasks: probe.longTasks.filter((t) => t.startTime >= start).map((t) => t.duration),
    };
  }, windowStart);
}

/** Everything typed at one position is in the block the caret was put in, in one piece. */
export async function typedTextLanded(
  page: Page,
  selector: string,
  typed: string,
): Promise<boolean> {
  return page.evaluate(
    ({ sel, typed }) => {
      const el = document.querySelector<HTMLElement>(sel)!;
      const block = el.children[Number(el.dataset.benchBlockIndex)];
      return block?.textContent?.includes(typed) ?? false;
    },
    { sel: selector, typed },
  );
}

/** Playwright's key name for a character: letters, digits and punctuation are their own key. */
function keyFor(ch: string): string {
  return ch === ' ' ? 'Space' : ch;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    if (sorted.length === 0) return NaN;
    // Nearest-rank: the smallest value with at least p% of samples at or below it.
    const rank = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
  };
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN };
}

/**
 * Prose to type: lower-case letters, digits, spaces and simple punctuation, each one key on a
 * US layout, so every character is exactly one keydown.
 */
export function typingText(length: number): string {
  const source =
    'the pupils explained that 3 x 4 = 12 and 12 = 4 x 3, so the order of the factors does not ' +
    'change the product. next lesson we will use arrays to show this, then move to 30 x 4 = 120. ';
  return source.repeat(Math.ceil(length / source.length)).slice(0, length);
}
