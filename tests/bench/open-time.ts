/**
 * Open-to-editable time: from navigation start (performance.now()'s zero) to the frame in which
 * the section's editor is editable and holds the whole section. A MutationObserver, installed
 * before any page script runs, notices the moment; the time is taken after the next frame
 * (requestAnimationFrame, then a MessageChannel tick), when the user can see it.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface OpenRun {
  /** The editor was in the DOM, editable and full (ms since navigation start). */
  domMs: number;
  /** …and that frame had been rendered (ms since navigation start): the reported figure. */
  paintedMs: number;
  /** The last script file's responseEnd: the bundle is downloaded (ms since navigation start). */
  scriptsFetchedMs: number;
  domContentLoadedMs: number;
  firstContentfulPaintMs: number | null;
  /** Words in the editor once open, counted as shared/word-count does. */
  words: number;
}

interface OpenProbe {
  title: string;
  minChars: number;
}
type OpenWindow = Window & { __aedOpen?: { domMs: number; paintedMs: number } };

/** Opens `url` in a fresh page and waits until the named editor holds `minChars` characters. */
export async function openAndTime(
  context: BrowserContext,
  url: string,
  probe: OpenProbe,
  timeoutMs = 20_000,
): Promise<{ page: Page; run: OpenRun }> {
  const page = await context.newPage();
  await page.addInitScript(({ title, minChars }: OpenProbe) => {
    const w = window as OpenWindow;
    const nameOf = (el: Element) => {
      const label = el.getAttribute('aria-label');
      if (label) return label.trim();
      const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
      return ids
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
    };
    const ready = () => {
      for (const el of document.querySelectorAll('[contenteditable="true"]')) {
        if (nameOf(el) === title && (el.textContent?.length ?? 0) >= minChars) return true;
      }
      return false;
    };
    let found = false;
    const observer = new MutationObserver(() => {
      if (found || !ready()) return;
      found = true;
      observer.disconnect();
      const domMs = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (w.__aedOpen = { domMs, paintedMs: performance.now() });
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['contenteditable', 'aria-labelledby', 'aria-label'],
    });
  }, probe);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as OpenWindow).__aedOpen !== undefined, undefined, {
    timeout: timeoutMs,
    polling: 50,
  });
  const run = await page.evaluate((title) => {
    const w = window as OpenWindow;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const editor = [...document.querySelectorAll<HTMLElement>('[contenteditable="true"]')].find(
      (el) => {
        const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
        const name =
          el.getAttribute('aria-label') ??
          ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
        return name.replace(/\s+/g, ' ').trim() === title;
      },
    );
    // Not innerText: off-screen blocks (content-visibility: auto) are not rendered yet, but
    // their text is in the editor. A line break before each block keeps words apart.
    const clone = editor?.cloneNode(true) as HTMLElement | undefined;
    clone
      ?.querySelectorAll('p, h1, h2, h3, h4, h5, h6, li, blockquote, td, th')
      .forEach((block) => block.prepend('\n'));
    const words = (clone?.textContent ?? '')
      .split(/[\s\u2013\u2014\u2015]+/u)
      .filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => /\.m?js(\?|$)/.test(e.name)) as PerformanceResourceTiming[];
    return {
      ...w.__aedOpen!,
      scriptsFetchedMs: Math.max(0, ...scripts.map((e) => e.responseEnd)),
      domContentLoadedMs: nav.domContentLoadedEventEnd,
      firstContentfulPaintMs:
        performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      words,
    };
  }, probe.title);
  return { page, run };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
