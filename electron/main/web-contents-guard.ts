/** Keeps every webContents on the app's origin: no navigation away, no new windows, no webviews. */
import type { WebContents } from 'electron';
import { isAppOriginUrl } from './app-identity';

/** Links the system may open for the user (the browser, the mail client). Nothing else leaves. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

export type OpenExternal = (url: string) => Promise<void>;

/** Installs the guards on `contents` (main calls it from `web-contents-created` for every one). */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: OpenExternal,
): void {
  const sendOut = (url: string): void => {
    if (isExternalLinkAllowed(url)) openExternal(url).catch(() => undefined);
  };

  contents.on('will-navigate', (event) => {
    if (isAppOriginUrl(event.url)) return;
    event.preventDefault();
    // A plain link (no target) should behave as one with target="_blank": open outside.
    if (event.isMainFrame) sendOut(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppOriginUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}
