/**
 * The one interface through which the renderer reaches its host: the Electron shell (through the
 * preload's typed bridge) or a plain browser. Screens never ask which one they are on, only what
 * it can do.
 */
import type { PrintJob } from '../../../shared/export/print-job';

/** Typed words that storage is refusing (a full disk, a draft in the trash) as the window closes. */
export interface UnsavedWork {
  /** Why they are not stored: the save alert's sentence. */
  readonly reason: string;
  /** A backup file with everything on screen in it, for the desktop's "Back up and quit". */
  backup(): Promise<{ fileName: string; bytes: Uint8Array }>;
}

export interface Platform {
  readonly kind: 'electron' | 'web';
  /** Saves bytes under a suggested file name: a save dialog on the desktop, a download on the web. Resolves false if the user cancelled. */
  saveFile(suggestedName: string, bytes: Uint8Array, mimeType: string): Promise<boolean>;
  /**
   * Makes a PDF of an export: the print view renders `job.document`, handed to it under a new
   * export id (its address says `#/print/<draftId>?export=<id>`). Desktop: main holds the job for
   * the hidden window it prints the view in, then shows a save dialog proposing `job.fileName`;
   * resolves false if the user cancels it, rejects with a sentence for an alert if the PDF cannot
   * be made or written. Web: keeps the job in the browser's storage for a day (so the print tab
   * survives a reload) and opens the view as a top-level page (a new tab, or this one if pop-ups
   * are blocked) that calls the browser's print once rendered, and resolves true — the browser's
   * own dialog saves the file, and cannot tell us whether it did.
   */
  printToPdf(job: PrintJob): Promise<boolean>;
  /**
   * The print job handed over under `exportId` by `printToPdf`, for the print view that shows it.
   * Rejects with a sentence for the view's alert when it is no longer there (web: older than a
   * day, or from another browser) or cannot be read.
   */
  receivePrintJob(exportId: string): Promise<PrintJob>;
  /**
   * Flushes pending work before the window closes; the desktop shell waits for it. `unsaved`
   * (asked at once, and after the flush on the desktop) says what closing would leave unstored
   * because saving fails: the web build then has the browser ask before the page goes
   * (`beforeunload`); the desktop tells main in its close answer, with the backup, and main asks
   * "Back up and quit", "Quit without saving" or "Cancel".
   */
  onBeforeClose(flush: () => Promise<void>, unsaved?: () => UnsavedWork | null): () => void;
  /**
   * Whether `writeAutoBackup` keeps files: true on the desktop (main writes them into the
   * backups folder); false on the web, which reminds the user to back up instead.
   */
  readonly autoBackups: boolean;
  /**
   * Saves `bytes` (a whole `.aedx` file) as the draft's newest automatic backup. Desktop: main
   * writes it atomically into the backups folder and keeps that draft's newest 10; rejects with
   * a sentence for an alert (a full disk, a folder without permission). Web: resolves at once
   * and keeps nothing (see `autoBackups`).
   */
  writeAutoBackup(draftId: string, title: string, bytes: Uint8Array): Promise<void>;
  /**
   * Calls `handler` when the user chooses File → Back up all drafts… (desktop only): the app
   * then makes the backup and saves it with `saveFile`. Returns the function that unsubscribes;
   * on the web it never fires.
   */
  onBackupAllRequested(handler: () => void): () => void;
  /**
   * Shows the backups folder in the system's file manager, creating it first. Desktop only;
   * rejects with a sentence for an alert if it cannot. Web: resolves and does nothing.
   */
  openBackupsFolder(): Promise<void>;
}
