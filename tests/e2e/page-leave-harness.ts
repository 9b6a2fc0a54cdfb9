// Leaves the page right after typing — a reload, a tab close, a browser quit — at a set time after
// the last keystroke, reopens the draft and checks that every word typed is there, and nothing
// else. The browser is started by the test on a real profile folder (crash-harness.ts), so the
// quit is Chromium's own graceful exit (CDP Browser.close, which skips the pages' unload handlers
// as an OS shutdown does) and the next launch reads what it left on disk.
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kill, launch, type Launched } from './crash-harness';
import { EXPLORE, LibraryPage } from './helpers';

export type LeaveKind = 'reload' | 'close' | 'quit';

export interface LeaveProblem {
  trial: number;
  delayMs: number;
  expected: string;
  found: string;
}

export interface LeaveReport {
  kind: LeaveKind;
  /** Trials per delay. */
  trials: number;
  delaysMs: readonly number[];
  /** Reopened without every word typed before leaving, or with text that was never typed. */
  problems: LeaveProblem[];
}

const WORDS = 'ratio fractions reasoning ½ ≤ ¾ bar models staff pupils lessons'.split(' ');

function editorOf(page: Page): Locator {
  return page.getByRole('textbox', { name: EXPLORE, exact: true });
}

/** Whether the selection is a caret after the editor's last character. */
function caretAtEnd(editor: Locator): Promise<boolean> {
  return editor.evaluate((root) => {
    const selection = root.ownerDocument.getSelection();
    if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return false;
    const rest = root.ownerDocument.createRange();
    rest.setStart(selection.focusNode!, selection.focusOffset);
    rest.setEnd(root, root.childNodes.length);
    return root.contains(selection.focusNode) && rest.toString() === '';
  });
}

/** Waits for the reopened section to be editable and returns its text. */
async function openedText(page: Page): Promise<string> {
  const editor = editorOf(page);
  await expect(editor).toHaveAttribute('contenteditable', 'true', { timeout: 20_000 });
  return (await editor.textContent()) ?? '';
}

/** Closes the browser as its own quit does and waits for the process to end. */
async function quit(run: Launched): Promise<void> {
  const exited = new Promise<void>((resolve) => run.child.once('exit', () => resolve()));
  const cdp = await run.browser.newBrowserCDPSession();
  // The answer may never come: the browser is gone.
  await cdp.send('Browser.close').catch(() => undefined);
  await exited;
}

/**
 * `trials` trials for each delay (interleaved, so a change in the machine's load falls on all):
 * type a word at the end of a section, wait `delay` ms after the last keystroke, leave as `kind`
 * says, reopen, compare.
 */
export async function leaveTrials(
  baseURL: string,
  kind: LeaveKind,
  delaysMs: readonly number[],
  trials: number,
): Promise<LeaveReport> {
  const profile = mkdtempSync(join(tmpdir(), `aed-leave-${kind}-`));
  const report: LeaveReport = { kind, trials, delaysMs, problems: [] };
  let run = await launch(profile);
  try {
    await run.page.goto(baseURL);
    const draft = await new LibraryPage(run.page).createDraft(`Leave by ${kind}`);
    await draft.openSection(EXPLORE);
    const draftUrl = run.page.url();
    let page = run.page;
    let expected = await openedText(page);
    let n = 0;
    for (let trial = 1; trial <= trials; trial++) {
      for (const delayMs of delaysMs) {
        n++;
        const editor = editorOf(page);
        await editor.click();
        // The caret at the very end before typing (a click on a section still settling can
        // leave it elsewhere), so what was typed is known exactly.
        await expect(async () => {
          await page.keyboard.press('Control+End');
          expect(await caretAtEnd(editor)).toBe(true);
        }).toPass();
        const word = `${WORDS[n % WORDS.length]!}${n} `;
        await page.keyboard.type(word);
        expected += word;
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));

        if (kind === 'reload') {
          await page.reload();
        } else if (kind === 'close') {
          // A spare tab keeps the browser running once this one has gone.
          const spare = await run.browser.contexts()[0]!.newPage();
          const closed = new Promise((resolve) => page.once('close', resolve));
          // As a user closes a tab: beforeunload, then pagehide and unload.
          await page.close({ runBeforeUnload: true });
          await closed;
          page = spare;
          await page.goto(draftUrl);
        } else {
          await quit(run);
          run = await launch(profile);
          page = run.page;
          await page.goto(draftUrl);
        }
        const found = await openedText(page);
        const ok = found === expected;
        if (!ok) report.problems.push({ trial, delayMs, expected, found });
        console.log(
          `${kind} ${delayMs} ms after the last key, trial ${trial}/${trials}: ${ok ? 'ok' : `LOST (${expected.length - found.length} characters short)`}`,
        );
        // Carry on from what is there, so each trial counts on its own.
        expected = found;
      }
    }
  } finally {
    if (run.child.exitCode === null) {
      await run.browser.close().catch(() => undefined);
      await kill(run);
    }
  }
  return report;
}

/** Trials per delay that lost something, as "0 ms: 3/50, 20 ms: 0/50, …". */
export function summarise(report: LeaveReport): string {
  return report.delaysMs
    .map((d) => {
      const lost = report.problems.filter((p) => p.delayMs === d).length;
      return `${d} ms: ${lost}/${report.trials} lost`;
    })
    .join(', ');
}
