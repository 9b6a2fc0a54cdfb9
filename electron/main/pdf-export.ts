/**
 * `pdf:export`: prints the renderer's print view to a PDF in a hidden window, then saves it the
 * way `file:save` saves anything (dialog, temp file and rename, a sentence for each failure).
 * The view sets its own page size, margins and page numbers in CSS, so this PDF has the same
 * pages as the browser's print and the tests' `page.pdf()`.
 */
import { BrowserWindow } from 'electron';
import type { PrintToPDFOptions } from 'electron';
import type { FileFilter, FileSaveResult, PdfExportArgs } from '../../shared/ipc';
import { saveFile } from './file-save';
import type { ChooseSaveDestination, FileWriteOps } from './file-save';
import { mainWindowWebPreferences } from './main-window';
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

/** Renders the print view at `hash` to PDF bytes; the hidden window is gone when this settles. */
export async function renderPrintViewToPdf(
  hash: string,
  settings: PrintWindowSettings,
): Promise<Uint8Array> {
  const url = printViewUrl(hash);
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
 * second click while the first is printing would only queue a second save dialog.
 */
export function createPdfExporter(settings: PrintWindowSettings | undefined): PdfExporter {
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
      let bytes: Uint8Array;
      try {
        bytes = await renderPrintViewToPdf(args.printUrlHash, settings);
      } catch (error) {
        return { ok: false, error: describePdfError(error) };
      }
      return await saveFile(
        {
          suggestedName: /\.pdf$/i.test(args.suggestedName)
            ? args.suggestedName
            : `${args.suggestedName}.pdf`,
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
