/**
 * A print job: one export's document on its way to the print view, which renders it as the PDF.
 * The export builds the document once (renderer/src/app/export/build-export.ts) and hands it
 * over under an export id — through main on the desktop, through the browser's storage on the
 * web — and the print view's address carries only that id. Checked on arrival with
 * document-schema.ts.
 */
import type { ExportDocument } from './document-model';

/** What the print view prints: one export's document, and the name its PDF is saved under. */
export interface PrintJob {
  /** The draft it was made from (the print view's "Back to draft"). */
  draftId: string;
  document: ExportDocument;
  /** The PDF's file name, e.g. `AED - Jane Smith - Interim 1 - 2026-03-14.pdf`. Without its
   * extension it is the page title, which a browser's "Save as PDF" proposes. */
  fileName: string;
}

/** Where the print view's addresses start: `#/print/<draftId>?…`. */
export const PRINT_HASH_PREFIX = '#/print/';

/** The query parameter naming the print job a print view shows. */
export const PRINT_JOB_PARAM = 'export';

/** The print view's address for the print job handed over under `exportId`. */
export function printJobHash(draftId: string, exportId: string): string {
  return `${PRINT_HASH_PREFIX}${encodeURIComponent(draftId)}?${PRINT_JOB_PARAM}=${encodeURIComponent(exportId)}`;
}
