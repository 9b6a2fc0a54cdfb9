/** The `app://` scheme: registered as privileged before ready, then served from the renderer folder. */
import { protocol } from 'electron';
import type { CustomScheme } from 'electron';
import { APP_SCHEME } from './app-identity';
import { createAppRequestHandler } from './app-protocol-files';

/**
 * Without `standard` and `secure` Chromium gives the scheme no IndexedDB (and no secure
 * context), and without `standard` relative URLs and origins do not work.
 */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before the app's `ready` event. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
}

/** Serves `rendererDir` at `app://aed/`; call once the app is ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
