// Kills the browser (SIGKILL, no chance to clean up) at random moments while a participant types,
// relaunches it on the same profile, and checks what survived: everything typed a second before
// the kill, and nothing that was not typed (no word twice, none garbled). Used by the crash test
// (20 kills, in `npm test`) and by `npm run soak` (100). Each trial has a seed of its own, printed
// as it runs; `CRASH_SEED=<seed> CRASH_TRIALS=1` replays that trial's typing and timing.
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { EXPLORE, LibraryPage } from './helpers';

export interface Launched {
  child: ChildProcess;
  browser: Browser;
  page: Page;
}

/** Starts Chromium ourselves (not through Playwright) so the test can kill the real process. */
export async function launch(profile: string): Promise<Launched> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err}`)), 30_000);
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${err}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  return { child, browser, page };
}

export function kill({ child }: Launched): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // The whole process group: the browser, its renderers and its storage service die at once.
    process.kill(-child.pid!, 'SIGKILL');
  });
}

/** A small seeded generator, so a failing run can be repeated exactly. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'pupils reasoned about fractions using bar models and ½ ≤ ¾ while staff observed lessons'.split(
    ' ',
  );

export interface CrashProblem {
  trial: number;
  /** The seed that replays the trial whose kill this was (CRASH_SEED). */
  seed: number;
  found: string;
}

export interface CrashReport {
  trials: number;
  /** Reopened without something typed at least 1 s before the kill. */
  lost: (CrashProblem & { expectedPrefix: string })[];
  /** Reopened with text that is not a prefix of what was typed: duplicated or garbled. */
  garbled: (CrashProblem & { typed: string })[];
  /** The first trial's seed; trial n uses seed + n - 1. */
  seed: number;
}

export async function crashTrials(
  baseURL: string,
  trials: number,
  seed = Date.now() % 100_000,
): Promise<CrashReport> {
  const profile = mkdtempSync(join(tmpdir(), 'aed-crash-'));
  const report: CrashReport = { trials, lost: [], garbled: [], seed };
  let run: Launched | null = null;
  try {
    await runTrials();
  } finally {
    // connectOverCDP's close() only disconnects: the process we started is ours to end.
    // (runTrials assigns `run`; TypeScript cannot see that from here.)
    const last = run as Launched | null;
    if (last && last.child.exitCode === null) {
      await last.browser.close().catch(() => undefined); // disconnect Playwright first
      await kill(last);
    }
  }
  return report;

  async function runTrials(): Promise<void> {
    // Set up a draft once; every trial types more into it.
    run = await launch(profile);
    await run.page.goto(baseURL);
    const draft = await new LibraryPage(run.page).createDraft('Crash test');
    await draft.openSection(EXPLORE);
    const draftUrl = run.page.url();
    await kill(run);

    // What must be there after a kill (typed 1 s before it), and all that had been typed.
    let survived = '';
    let typedAll = '';
    /** Checks the reopened text against the trial `trial` whose kill came before. */
    const check = (trial: number, found: string) => {
      const problem = { trial, seed: seed + trial - 1, found };
      if (!found.startsWith(survived)) report.lost.push({ ...problem, expectedPrefix: survived });
      if (!typedAll.startsWith(found)) report.garbled.push({ ...problem, typed: typedAll });
      const ok = found.startsWith(survived) && typedAll.startsWith(found);
      console.log(
        `crash trial ${trial}/${trials} (seed ${problem.seed}): reopened with ${found.length} of ${typedAll.length} characters typed, ${ok ? 'ok' : 'FAILED'}`,
      );
    };
    for (let trial = 1; trial <= trials; trial++) {
      const rand = random(seed + trial - 1);
      run = await launch(profile);
      await run.page.goto(draftUrl);
      // The database opens and holds everything that was safe before the last kill.
      const editor = run.page.getByRole('textbox', { name: EXPLORE, exact: true });
      await expect(editor).toBeVisible({ timeout: 20_000 });
      await expect(editor).toHaveAttribute('contenteditable', 'true');
      const found = (await editor.textContent()) ?? '';
      if (trial > 1) check(trial - 1, found);
      await editor.click();
      await run.page.keyboard.press('Control+End');

      // Type for a random while (0.3–3 s), noting when each word had been typed.
      const typed: { at: number; text: string }[] = [];
      let text = found;
      const stopAt = Date.now() + 300 + rand() * 2700;
      while (Date.now() < stopAt) {
        const word = `${WORDS[Math.floor(rand() * WORDS.length)]!} `;
        await run.page.keyboard.type(word);
        text += word;
        typed.push({ at: Date.now(), text });
      }
      const killedAt = Date.now();
      await kill(run);
      // Whatever was typed at least 1 s before the kill must survive.
      survived = [...typed].reverse().find((t) => t.at <= killedAt - 1000)?.text ?? found;
      typedAll = text;
    }

    // One last look after the final kill.
    run = await launch(profile);
    await run.page.goto(draftUrl);
    const editor = run.page.getByRole('textbox', { name: EXPLORE, exact: true });
    await expect(editor).toBeVisible({ timeout: 20_000 });
    check(trials, (await editor.textContent()) ?? '');
  }
}
