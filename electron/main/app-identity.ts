/**
 * Names that must never change between versions: the renderer's origin decides where Chromium
 * keeps IndexedDB, and the userData folder decides where that origin's data lives on disk. Change
 * either and every teacher's drafts seem to vanish.
 */

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The host part of the app's origin. */
export const APP_HOST = 'aed';
/** The renderer's one origin. */
export const APP_ORIGIN = 'app://aed';
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The userData folder's name under the OS's appData folder. */
export const USER_DATA_FOLDER_NAME = 'AED Writer';

/** Whether `url` belongs to the app's own origin (`app://aed/…`). */
export function isAppOriginUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // WHATWG URL gives non-special schemes an opaque "null" origin, so compare the parts instead.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
