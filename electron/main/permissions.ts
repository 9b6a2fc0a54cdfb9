/** Web permissions: the app needs none from the OS, so every request is refused. */
import type { Session } from 'electron';
import { isAppOriginUrl } from './app-identity';

/**
 * The one exception is `persistent-storage` for the app's own origin: without it Chromium may
 * evict the origin's IndexedDB — every draft — under disk pressure, and the renderer asks for it
 * with `navigator.storage.persist()`. It grants no access to anything outside the app.
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
): boolean {
  return (
    permission === 'persistent-storage' &&
    requestingUrl !== undefined &&
    isAppOriginUrl(requestingUrl)
  );
}

/** Installs the deny-by-default handlers on `session`. */
export function denyPermissions(
  session: Pick<
    Session,
    'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
  >,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
  // USB, HID, serial and Bluetooth devices.
  session.setDevicePermissionHandler(() => false);
}
