/**
 * The one interface through which the renderer reaches its host: the Electron shell (through the
 * preload's typed bridge) or a plain browser. Screens never ask which one they are on, only what
 * it can do.
 */
export interface Platform {
  readonly kind: 'electron' | 'web';
  /** Saves bytes under a suggested file name: a save dialog on the desktop, a download on the web. Resolves false if the user cancelled. */
  saveFile(suggestedName: string, bytes: Uint8Array, mimeType: string): Promise<boolean>;
  /**
   * Makes a PDF of the print view at `printHash` (`#/print/<draftId>?…`, see app/print/
   * print-route.ts). Desktop: main prints the view in a hidden window, then shows a save dialog
   * proposing `suggestedName`; resolves false if the user cancels it, rejects with a sentence for
   * an alert if the PDF cannot be made or written. Web: opens the view as a top-level page (a new
   * tab, or this one if pop-ups are blocked) that calls the browser's print once rendered, and
   * resolves true — the browser's own dialog saves the file, and cannot tell us whether it did.
   */
  printToPdf(printHash: string, suggestedName: string): Promise<boolean>;
  /** Flushes pending work before the window closes; the desktop shell waits for it. */
  onBeforeClose(flush: () => Promise<void>): () => void;
}
