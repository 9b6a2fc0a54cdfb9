/**
 * The renderer's JS heap over 30 minutes' worth of writing: 6,000 keystrokes (200 a minute) typed
 * into the 10,000-word section, new paragraphs now and then, with the autosave running. The keys
 * go as fast as the page takes them; a virtual clock (Date.now, which the undo history, the save
 * queue and the version policy read) moves on 270 ms a key and 3 s after each sentence, so those
 * policies see the half hour: undo steps are cut at pauses as for a real writer, and automatic
 * versions fall due every 10 minutes. Timers (the autosave's debounce) run in real time.
 *
 * After each block of keys: wait for Saved, collect garbage (CDP HeapProfiler.collectGarbage),
 * read the heap (Runtime.getHeapUsage). The slope over the second half says whether it keeps
 * growing.
 */
import type { Page } from 'playwright-core';

export interface HeapSample {
  keys: number;
  /** Minutes of writing the virtual clock has seen. */
  minutes: number;
  usedMb: number;
  totalMb: number;
}

export interface HeapSoak {
  keys: number;
  minutes: number;
  samples: HeapSample[];
  /** After the last key, saved and collected. */
  finalMb: number;
  peakMb: number;
  /** Least-squares slope of the used heap over the second half of the samples. */
  slopeMbPer10Min: number;
  /** Everything typed is in the editor (and so was saved with it). */
  typedLanded: boolean;
}

/** Milliseconds of the virtual clock per key, and the pause after a sentence's full stop. */
export const MS_PER_KEY = 270;
export const SENTENCE_PAUSE_MS = 3_000;

type ClockWindow = Window & { __benchClock?: { minutes: () => number } };

/**
 * Installs the virtual clock; pass to `page.addInitScript` before the app loads, so every
 * `Date.now` the app captures is this one.
 */
export function installVirtualClock({ msPerKey, pauseMs }: { msPerKey: number; pauseMs: number }) {
  const realNow = Date.now.bind(Date);
  let offset = 0;
  Date.now = () => realNow() + offset;
  // Capture on window: runs before the editor sees the key, so its update reads the new time.
  window.addEventListener(
    'keydown',
    (event) => {
      offset += msPerKey + (event.key === '.' ? pauseMs : 0);
    },
    true,
  );
  (window as ClockWindow).__benchClock = { minutes: () => offset / 60_000 };
}

const SENTENCES = [
  'the pupils explained that 3 x 4 = 12 and 12 = 4 x 3, so the order does not change the product.',
  'next lesson we will use arrays to show this, then move on to 30 x 4 = 120.',
  'the teachers met after school to look at the work from both classes together.',
  'most pupils could say why, and a few could show it with a bar model as well.',
  'we agreed to try the same task with year 5 and compare what they write.',
];

/** Prose in sentences, a new paragraph after every fourth. */
export function soakText(length: number): string {
  let out = '';
  for (let n = 0; out.length < length; n++) {
    out += SENTENCES[n % SENTENCES.length]! + (n % 4 === 3 ? '\n' : ' ');
  }
  return out.slice(0, length);
}

export async function heapSoak(
  page: Page,
  selector: string,
  options: {
    keys: number;
    samples: number;
    waitForSaved: (page: Page) => Promise<void>;
  },
): Promise<HeapSoak> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const sample = async (keys: number): Promise<HeapSample> => {
    await options.waitForSaved(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = (await cdp.send('Runtime.getHeapUsage')) as {
      usedSize: number;
      totalSize: number;
    };
    const minutes = await page.evaluate(() => (window as ClockWindow).__benchClock!.minutes());
    return { keys, minutes, usedMb: usedSize / 2 ** 20, totalMb: totalSize / 2 ** 20 };
  };

  const text = soakText(options.keys);
  const block = Math.ceil(text.length / options.samples);
  const samples = [await sample(0)];
  for (let at = 0; at < text.length; at += block) {
    // keyboard.type presses Enter for '\n'.
    await page.keyboard.type(text.slice(at, at + block));
    samples.push(await sample(Math.min(text.length, at + block)));
  }
  await cdp.detach();

  const typedLanded = await page.locator(selector).evaluate((el, typed) => {
    // Each paragraph typed is in the editor, in order (block separators aside).
    const content = (el.textContent ?? '').replace(/\s+/g, ' ');
    let from = 0;
    for (const part of typed.split('\n').map((p) => p.trim().replace(/\s+/g, ' '))) {
      if (!part) continue;
      const found = content.indexOf(part, from);
      if (found < 0) return false;
      from = found + part.length;
    }
    return true;
  }, text);

  const half = samples.slice(Math.floor(samples.length / 2));
  return {
    keys: text.length,
    minutes: samples.at(-1)!.minutes,
    samples,
    finalMb: samples.at(-1)!.usedMb,
    peakMb: Math.max(...samples.map((s) => s.usedMb)),
    slopeMbPer10Min: slope(half.map((s) => [s.minutes, s.usedMb])) * 10,
    typedLanded,
  };
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}
