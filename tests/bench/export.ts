/**
 * Export timings as a participant waits for them, on the seeded 30,000-word draft, beside two
 * peers' whole processes on the same content: pandoc (the document as HTML → DOCX) and
 * LibreOffice (our DOCX → PDF). Targets: DOCX ≤ 1.5 s and faster than pandoc; PDF ≤ 5 s and
 * faster than LibreOffice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { median } from './open-time';

export const EXPORT_TARGETS = { docxMs: 1500, pdfMs: 5000 };
const RUNS = 3;

export interface ExportBench {
  docx: { runsMs: number[]; medianMs: number; bytes: number };
  pdf: { runsMs: number[]; medianMs: number; bytes: number; pages: number | null };
  pandoc: { runsMs: number[]; medianMs: number } | { skipped: string };
  libreoffice: { runsMs: number[]; medianMs: number } | { skipped: string };
}

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function timeCommand(command: string, args: string[]): number {
  const t = performance.now();
  execFileSync(command, args, { stdio: 'ignore', timeout: 120_000 });
  return performance.now() - t;
}

export async function benchExport(
  context: BrowserContext,
  origin: string,
  draftId: string,
): Promise<ExportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'aed-export-bench-'));
  try {
    // DOCX: from the click on Export to the finished file's bytes (the Word writer's chunk is
    // loaded by the first run, as it is for a participant's first export).
    const page = await context.newPage();
    await page.goto(`${origin}/#/draft/${draftId}/section/about-you`);
    const docxRuns: number[] = [];
    let docxFile = '';
    for (let i = 0; i < RUNS; i++) {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByRole('combobox', { name: 'Format' }).selectOption('docx');
      const download = page.waitForEvent('download', { timeout: 60_000 });
      const t = performance.now();
      await dialog.getByRole('button', { name: 'Export' }).click();
      const file = await (await download).path();
      docxRuns.push(performance.now() - t);
      docxFile = join(dir, 'aed.docx');
      writeFileSync(docxFile, readFileSync(file));
    }
    await page.close();

    // PDF: from opening the print view (it reads the stored draft) to the finished PDF, printed
    // by Chromium from the view's own CSS, as the desktop's printToPDF does.
    const pdfRuns: number[] = [];
    let pdf: Buffer = Buffer.alloc(0);
    let html = '';
    for (let i = 0; i < RUNS; i++) {
      const view = await context.newPage();
      const t = performance.now();
      await view.goto(`${origin}/#/print/${draftId}`);
      await view.waitForSelector('html[data-print-ready="true"]', { timeout: 60_000 });
      pdf = await view.pdf({ preferCSSPageSize: true, printBackground: true });
      pdfRuns.push(performance.now() - t);
      html = await view.evaluate(() => document.documentElement.outerHTML);
      await view.close();
    }
    const pdfFile = join(dir, 'aed.pdf');
    writeFileSync(pdfFile, pdf);
    const pages = has('pdfinfo')
      ? Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1])
      : null;

    // pandoc: the same document as HTML (the print view's) → DOCX, as a whole process.
    let pandoc: ExportBench['pandoc'] = { skipped: 'pandoc is not installed' };
    if (has('pandoc')) {
      const htmlFile = join(dir, 'aed.html');
      writeFileSync(htmlFile, `<!doctype html>${html}`);
      const runs = Array.from({ length: RUNS }, () =>
        timeCommand('pandoc', [
          '-f',
          'html',
          '-t',
          'docx',
          htmlFile,
          '-o',
          join(dir, 'pandoc.docx'),
        ]),
      );
      pandoc = { runsMs: runs, medianMs: median(runs) };
    }

    // LibreOffice: our DOCX → PDF, as a whole process (its profile made once, beforehand).
    let libreoffice: ExportBench['libreoffice'] = { skipped: 'soffice is not installed' };
    if (has('soffice')) {
      const profile = pathToFileURL(mkdtempSync(join(dir, 'lo-'))).href;
      const args = [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'lo-out'),
        docxFile,
      ];
      timeCommand('soffice', args); // first start: creates the profile
      const runs = Array.from({ length: RUNS }, () => timeCommand('soffice', args));
      libreoffice = { runsMs: runs, medianMs: median(runs) };
    }

    return {
      docx: { runsMs: docxRuns, medianMs: median(docxRuns), bytes: readFileSync(docxFile).length },
      pdf: { runsMs: pdfRuns, medianMs: median(pdfRuns), bytes: pdf.length, pages },
      pandoc,
      libreoffice,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printExportTable(result: ExportBench): void {
  const ms = (n: number) => `${Math.round(n)} ms`;
  const peer = (p: ExportBench['pandoc']) =>
    'skipped' in p ? `skipped (${p.skipped})` : ms(p.medianMs);
  const ratio = (ours: number, p: ExportBench['pandoc']) =>
    'skipped' in p
      ? '—'
      : `${(ours / p.medianMs).toFixed(2)}× (${ours < p.medianMs ? 'faster' : 'SLOWER'})`;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  const docxOk =
    result.docx.medianMs <= EXPORT_TARGETS.docxMs &&
    ('skipped' in result.pandoc || result.docx.medianMs < result.pandoc.medianMs);
  const pdfOk =
    result.pdf.medianMs <= EXPORT_TARGETS.pdfMs &&
    ('skipped' in result.libreoffice || result.pdf.medianMs < result.libreoffice.medianMs);
  console.log('\nExport of the 30,000-word draft (median of 3)');
  console.log(
    `  DOCX, stored draft → file bytes: ${ms(result.docx.medianMs)} (runs ${result.docx.runsMs.map(ms).join(', ')}; ${Math.round(result.docx.bytes / 1024)} KB)`,
  );
  console.log(`  pandoc, HTML → DOCX:             ${peer(result.pandoc)}`);
  console.log(
    `  ours / pandoc:                   ${ratio(result.docx.medianMs, result.pandoc)}   target ≤ 1500 ms and faster: ${verdict(docxOk)}`,
  );
  console.log(
    `  PDF, stored draft → PDF:         ${ms(result.pdf.medianMs)} (runs ${result.pdf.runsMs.map(ms).join(', ')}; ${result.pdf.pages ?? '?'} pages)`,
  );
  console.log(`  LibreOffice, our DOCX → PDF:     ${peer(result.libreoffice)}`);
  console.log(
    `  ours / LibreOffice:              ${ratio(result.pdf.medianMs, result.libreoffice)}   target ≤ 5000 ms and faster: ${verdict(pdfOk)}`,
  );
}
