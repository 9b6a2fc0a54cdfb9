/**
 * How long a long pasted list freezes the editor: from the paste event to the first frame after
 * it, through the real paste event (as Ctrl+V with a copy from Word or a web page gives it), for
 * numbered lists of 1,000, 5,000 and 10,000 items and, beside them, 10,000 plain paragraphs.
 * Target: 10,000 items within 2 s. Each run pastes into a new draft's empty section.
 *
 * Part of `npm run bench`; on its own, against the current web build:
 * `node --import ./tests/bench/ts-loader.mjs tests/bench/paste.ts` (BENCH_PASTE_RUNS, 3).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { median } from './open-time';
import { serveStatic } from './server';

export const PASTE_TARGET = { items: 10_000, ms: 2000 };

const CASES = [
  { label: '1,000-item list', html: list(1_000), items: 1_000 },
  { label: '5,000-item list', html: list(5_000), items: 5_000 },
  { label: '10,000-item list', html: list(10_000), items: 10_000 },
  { label: '10,000 paragraphs', html: paragraphs(10_000), items: 0 },
] as const;

export interface PasteBench {
  runs: number;
  cases: Array<{ label: string; runsMs: number[]; medianMs: number }>;
}

function list(items: number): string {
  return `<ol>${Array.from({ length: items }, (_, i) => `<li>Step ${i + 1} of the plan</li>`).join('')}</ol>`;
}

function paragraphs(count: number): string {
  return Array.from({ length: count }, (_, i) => `<p>Paragraph ${i + 1} of the plan</p>`).join('');
}

/** A new draft, open at its first rich-text section, the caret in it. */
async function emptySection(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/#/`);
  await page.getByRole('button', { name: 'New draft' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New draft' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Paste bench');
  await dialog.getByRole('button', { name: 'Create' }).click();
  const title = 'Explore — why this initiative?';
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: title })
    .click();
  const editor = page.getByRole('textbox', { name: title, exact: true });
  await editor.click();
  return page;
}

/** Pastes `html` at the caret; resolves the time until the frame after the paste has drawn. */
function timePaste(page: Page, html: string): Promise<number> {
  return page.evaluate(
    (html) =>
      new Promise<number>((resolve) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'pasted');
        const event = new ClipboardEvent('paste', {
          clipboardData: data,
          bubbles: true,
          cancelable: true,
        });
        const start = performance.now();
        document.activeElement!.dispatchEvent(event);
        // The frame's rendering runs after its requestAnimationFrame callbacks; a message posted
        // from one is handled once that frame is done.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(null);
        });
      }),
    html,
  );
}

export async function benchPaste(
  context: BrowserContext,
  origin: string,
  runs = 3,
): Promise<PasteBench> {
  const cases: PasteBench['cases'] = [];
  for (const c of CASES) {
    const runsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await emptySection(context, origin);
      runsMs.push(await timePaste(page, c.html));
      if (c.items > 0) {
        const shown = await page.locator('[contenteditable="true"] li').count();
        if (shown !== c.items) throw new Error(`${c.label}: ${shown} items shown`);
      }
      await page.close();
    }
    cases.push({ label: c.label, runsMs, medianMs: median(runsMs) });
  }
  return { runs, cases };
}

export function printPasteTable(result: PasteBench): void {
  const ms = (n: number) => `${Math.round(n)} ms`;
  console.log(`\nPaste, event → next frame (median of ${result.runs})`);
  for (const c of result.cases) {
    const target =
      c.label === CASES[2].label
        ? `   target ≤ ${PASTE_TARGET.ms} ms: ${c.medianMs <= PASTE_TARGET.ms ? 'ok' : 'MISSED'}`
        : '';
    console.log(
      `  ${c.label.padEnd(18)} ${ms(c.medianMs).padStart(9)} (runs ${c.runsMs.map(ms).join(', ')})${target}`,
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const web = process.env.BENCH_WEB_DIR ?? fileURLToPath(new URL('../../out/web', import.meta.url));
  if (!existsSync(join(web, 'index.html'))) {
    console.error(`No web build at ${web} (npm run build:web).`);
    process.exit(1);
  }
  const server = await serveStatic(web);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--disable-frame-rate-limit', '--disable-gpu-vsync', ...CHROMIUM_ARGS],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const runs = Number(process.env.BENCH_PASTE_RUNS ?? 3);
    printPasteTable(await benchPaste(context, server.origin, runs));
  } finally {
    await browser.close();
    await server.close();
  }
}
