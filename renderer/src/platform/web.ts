import type { Platform } from './platform';

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
    onBeforeClose(flush) {
      // A browser does not wait for promises on unload, but IndexedDB work started during
      // pagehide usually commits; the autosave's 1 s maximum wait bounds what could be lost.
      const handler = () => void flush();
      window.addEventListener('pagehide', handler);
      return () => window.removeEventListener('pagehide', handler);
    },
  };
}
