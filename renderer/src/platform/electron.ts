/**
 * The Platform on the desktop: everything goes through the preload's `window.aed` bridge, typed
 * by shared/ipc.ts. Written without DOM types (the bridge is read from `globalThis`) so the
 * shell's tests can run it in Node against a fake bridge.
 */
import type { AedBridge, CloseRequest, FileFilter, UnsavedAtClose } from '../../../shared/ipc';
import type { Platform, UnsavedWork } from './platform';

/** The preload's bridge, or undefined outside the desktop shell (a browser, a test). */
export function getAedBridge(): AedBridge | undefined {
  return (globalThis as { aed?: AedBridge }).aed;
}

const FILTERS: Readonly<Record<string, FileFilter>> = {
  docx: { name: 'Word document', extensions: ['docx'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  aedx: { name: 'AED Writer backup', extensions: ['aedx'] },
};

/** The save dialog's type filter for a file name, so the dialog keeps the extension. */
export function saveFiltersFor(fileName: string): FileFilter[] | undefined {
  const dot = fileName.lastIndexOf('.');
  const filter = dot >= 0 ? FILTERS[fileName.slice(dot + 1).toLowerCase()] : undefined;
  return filter ? [filter] : undefined;
}

/**
 * Creates the desktop Platform. It answers main's close handshake from the start — at once when
 * nothing is registered — so closing never waits out main's timeout for a page with nothing to
 * flush.
 */
export function createElectronPlatform(bridge: AedBridge | undefined = getAedBridge()): Platform {
  if (!bridge) {
    throw new Error('The desktop bridge (window.aed) is missing: the preload did not run.');
  }
  const closers = new Set<{
    flush: () => Promise<void>;
    unsaved: (() => UnsavedWork | null) | undefined;
  }>();

  /** What the first page with unsaved work says about it, with its backup when one can be made. */
  const unsavedAtClose = async (): Promise<UnsavedAtClose | undefined> => {
    for (const { unsaved } of closers) {
      const work = unsaved?.();
      if (!work) continue;
      try {
        return { reason: work.reason, backup: await work.backup() };
      } catch (error) {
        console.error('The backup before close could not be made:', error);
        return { reason: work.reason };
      }
    }
    return undefined;
  };

  const answerBeforeClose = async ({ requestId }: CloseRequest): Promise<void> => {
    // allSettled: one failing flush must neither stop the others nor keep the window open.
    const results = await Promise.allSettled([...closers].map(({ flush }) => flush()));
    for (const result of results) {
      if (result.status === 'rejected') console.error('Flush before close failed:', result.reason);
    }
    const unsaved = await unsavedAtClose();
    await bridge.invoke('app:ready-to-close', unsaved ? { requestId, unsaved } : { requestId });
  };
  bridge.on('app:before-close', (request) => {
    answerBeforeClose(request).catch((error: unknown) => {
      console.error('Could not answer the close request:', error);
    });
  });

  return {
    kind: 'electron',
    async saveFile(suggestedName, bytes, mimeType) {
      const result = await bridge.invoke('file:save', {
        suggestedName,
        bytes,
        mimeType,
        filters: saveFiltersFor(suggestedName),
      });
      if (!result.ok) throw new Error(result.error);
      return result.saved;
    },
    async printToPdf(job) {
      const result = await bridge.invoke('pdf:export', job);
      if (!result.ok) throw new Error(result.error);
      return result.saved;
    },
    receivePrintJob(exportId) {
      // Main answers only the hidden window it opened for this export (pdf-jobs.ts).
      return bridge.invoke('pdf:document', { exportId });
    },
    onBeforeClose(flush, unsaved) {
      // An object of its own, so registering the same function twice gives two registrations.
      const entry = { flush, unsaved };
      closers.add(entry);
      return () => {
        closers.delete(entry);
      };
    },
    autoBackups: true,
    async writeAutoBackup(draftId, title, bytes) {
      const result = await bridge.invoke('backup:write-auto', { draftId, title, bytes });
      if (!result.ok) throw new Error(result.error);
    },
    onBackupAllRequested(handler) {
      // Subscribed per call (not at start-up), so each handler has its own unsubscribe.
      return bridge.on('backup:all-drafts-requested', () => handler());
    },
    async openBackupsFolder() {
      const result = await bridge.invoke('backup:open-folder');
      if (!result.ok) throw new Error(result.error);
    },
  };
}
