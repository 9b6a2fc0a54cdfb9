/**
 * `pdf:export`: the renderer's built export document, printed to a PDF by the print view in a
 * hidden window, then saved the way `file:save` saves anything (dialog, temp file and rename, a
 * sentence for each failure). Main holds the document for that window (pdf-jobs.ts), which asks
 * for it with `pdf:document`. The view sets its own page size, margins and page numbers in CSS,
 * so this PDF has the same pages as the browser's print and the tests' `page.pdf()`.
 */
import { BrowserWindow } from 'electron';
import type { PrintToPDFOptions } from 'electron';
import { sanitizeFileName } from '../../shared/export/file-name';
import { printJobHash, type PrintJob } from '../../shared/export/print-job';
import type { FileFilter, FileSaveResult, PdfExportArgs } from '../../shared/ipc';
import { saveFile } from './file-save';
import type { ChooseSaveDestination, FileWriteOps } from './file-save';
import { mainWindowWebPreferences } from './main-window';
import { PrintJobs } from './pdf-jobs';
import { PRINT_READY_PROBE, PdfExportError, readProbeResult, waitForPrintReady } from './pdf-ready';
import { PrintUrlError, printViewUrl } from './pdf-url';

/** What the hidden window needs to be the main window's equal. */
export interface PrintWindowSettings {
  preloadPath: string;
  isPackaged: boolean;
  /** How long the view may take to render (default 60 s). */
  readyTimeoutMs?: number;
}

/** Chromium's print: the page size from the view's `@page`, tints and rules kept, and a tagged
 * PDF with bookmarks from the headings, so screen readers and the outline pane work. */
export const PDF_PRINT_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const satisfies PrintToPDFOptions;

export const PDF_FILTERS: FileFilter[] = [{ name: 'PDF document', extensions: ['pdf'] }];

/**
 * Renders `job` to PDF bytes in the print view of a hidden window, which fetches the job from
 * `jobs` by the export id in its address. The window and the job are gone when this settles.
 */
export async function renderPrintJobToPdf(
  job: PrintJob,
  settings: PrintWindowSettings,
  jobs: PrintJobs,
): Promise<Uint8Array> {
  const exportId = jobs.nextId();
  const url = printViewUrl(printJobHash(job.draftId, exportId));
  const win = new BrowserWindow({
    show: false,
    width: 1000,
    height: 1200,
    webPreferences: {
      // The same locked-down renderer as the main window: it runs the same app code.
      ...mainWindowWebPreferences(settings.preloadPath, settings.isPackaged),
      // Not a security setting: a hidden window is "in the background", and throttled timers
      // and frames would slow the view's readiness signal down.
      backgroundThrottling: false,
    },
  });
  const contents = win.webContents;
  jobs.open(exportId, job, contents.id);
  let gone: string | null = null;
  contents.on('render-process-gone', (_event, details) => {
    gone = details.reason;
  });
  try {
    await waitForPrintReady({
      loading: win.loadURL(url),
      probe: async () => {
        if (gone !== null) {
          throw new PdfExportError(
            `The PDF could not be made: the page preparing it stopped (${gone}). Try again.`,
          );
        }
        return readProbeResult(await contents.executeJavaScript(PRINT_READY_PROBE));
      },
      ...(settings.readyTimeoutMs === undefined ? {} : { timeoutMs: settings.readyTimeoutMs }),
    });
    const pdf = await contents.printToPDF(PDF_PRINT_OPTIONS);
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    jobs.close(exportId);
    // destroy, not close: nothing in a print window needs a chance to object.
    if (!win.isDestroyed()) win.destroy();
  }
}

/** A sentence for the alert when the PDF itself could not be made. */
export function describePdfError(error: unknown): string {
  if (error instanceof PdfExportError || error instanceof PrintUrlError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `The PDF could not be made (${detail}). Try again, or export as Word instead.`;
}

export type PdfExporter = (
  args: PdfExportArgs,
  chooseDestination: ChooseSaveDestination,
  ops?: FileWriteOps,
) => Promise<FileSaveResult>;

/**
 * The `pdf:export` handler's work. One PDF at a time: each takes a renderer process, and a
 * second click while the first is printing would only queue a second save dialog. `jobs` is
 * where the `pdf:document` handler finds the document for the print window.
 */
export function createPdfExporter(
  settings: PrintWindowSettings | undefined,
  jobs: PrintJobs = new PrintJobs(),
): PdfExporter {
  let busy = false;
  return async (args, chooseDestination, ops) => {
    if (!settings) {
      return { ok: false, error: 'PDF export is not available here. Export as Word instead.' };
    }
    if (busy) {
      return {
        ok: false,
        error: 'A PDF is already being made. Wait for it to finish, then try again.',
      };
    }
    busy = true;
    try {
      // The name the dialog proposes is also the print view's title (the PDF's Title property).
      const fileName = sanitizeFileName(
        /\.pdf$/i.test(args.fileName) ? args.fileName : `${args.fileName}.pdf`,
      );
      let bytes: Uint8Array;
      try {
        bytes = await renderPrintJobToPdf({ ...args, fileName }, settings, jobs);
      } catch (error) {
        return { ok: false, error: describePdfError(error) };
      }
      return await saveFile(
        {
          suggestedName: fileName,
          bytes,
          mimeType: 'application/pdf',
          filters: PDF_FILTERS,
        },
        chooseDestination,
        ops,
      );
    } finally {
      busy = false;
    }
  };
}
