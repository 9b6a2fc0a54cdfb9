import { printJobHash } from '../../../shared/export/print-job';
import type { Platform } from './platform';
import { readPrintJob, storePrintJob } from './web-print-jobs';

/** The browser: files are downloads, and closing a tab is announced by pagehide. */
export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    saveFile(suggestedName, bytes, mimeType) {
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      // Revoking at once can cancel the download in some browsers; a minute is plenty.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve(true);
    },
    printToPdf(job) {
      // Stored before the tab opens, so its first render finds it.
      const exportId = storePrintJob(localStorage, job);
      const url = new URL(window.location.href);
      url.hash = withAutoprint(printJobHash(job.draftId, exportId));
      // A top-level page, never an iframe: the browser prints it as it is and its title becomes
      // the proposed file name. No "noopener", so a blocked pop-up shows as null.
      const opened = window.open(url.href, '_blank');
      // Blocked: show the view in this tab instead (only the hash changes, so the app routes).
      if (!opened) window.location.assign(url.href);
      return Promise.resolve(true);
    },
    async receivePrintJob(exportId) {
      const stored = readPrintJob(localStorage, exportId);
      if (stored === null) {
        throw new Error(
          'The document for this print page is no longer kept (it is kept for a day). Go back to the draft and export it again.',
        );
      }
      // Loaded with the print view only: zod stays out of the start-up bundle.
      const { printJobSchema } = await import('../../../shared/export/document-schema');
      const parsed = printJobSchema.safeParse(stored);
      if (!parsed.success) {
        throw new Error(
          'The document for this print page was made by another version of AED Writer. Go back to the draft and export it again.',
        );
      }
      return parsed.data;
    },
    onBeforeClose(flush, unsaved) {
      // A browser does not wait for promises on unload: what must survive the page is in the
      // session's edit journal by then; this starts the IndexedDB write too.
      const onPageHide = () => void flush();
      // All a page may do is have the browser ask (in its own words) whether to leave.
      const onBeforeUnload = (event: BeforeUnloadEvent) => {
        if (!unsaved?.()) return;
        event.preventDefault();
        // Browsers before 2023 asked only when this was set.
        event.returnValue = '';
      };
      window.addEventListener('pagehide', onPageHide);
      window.addEventListener('beforeunload', onBeforeUnload);
      return () => {
        window.removeEventListener('pagehide', onPageHide);
        window.removeEventListener('beforeunload', onBeforeUnload);
      };
    },
    // A browser may not write into a folder unasked; the app reminds the user to back up instead.
    autoBackups: false,
    writeAutoBackup: () => Promise.resolve(),
    onBackupAllRequested: () => () => undefined,
    openBackupsFolder: () => Promise.resolve(),
  };
}

/**
 * The print view's hash asking it to print once rendered (the `autoprint` flag of
 * app/print/print-route.ts, set here so the platform needs nothing from the app's screens).
 */
export function withAutoprint(printHash: string): string {
  const at = printHash.indexOf('?');
  const path = at === -1 ? printHash : printHash.slice(0, at);
  const query = new URLSearchParams(at === -1 ? '' : printHash.slice(at + 1));
  query.set('autoprint', '1');
  return `${path}?${query.toString().replace(/\+/g, '%20')}`;
}
