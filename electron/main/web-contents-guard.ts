/** Keeps every webContents on the app's origin: no navigation away, no new windows, no webviews. */
import type { WebContents } from 'electron';
import { safeLinkUrl } from '../../shared/link-url';
import { isAppOriginUrl } from './app-identity';

/** Links the system may open for the user (the browser, the mail client): the editor's own rule,
 * since a link reaching main may come from a pasted or imported document. Nothing else leaves. */
export function isExternalLinkAllowed(url: string): boolean {
  return safeLinkUrl(url) !== null;
}

export type OpenExternal = (url: string) => Promise<void>;

/** Installs the guards on `contents` (main calls it from `web-contents-created` for every one). */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: OpenExternal,
): void {
  const sendOut = (url: string): void => {
    // Only the cleaned form leaves: a mailto: link's attach= or cc= never reaches the mail client.
    const safe = safeLinkUrl(url);
    if (safe !== null) openExternal(safe).catch(() => undefined);
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
