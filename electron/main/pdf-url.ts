/**
 * Which page the hidden print window may load: a print view hash on the app's own entry page,
 * so whatever the hash holds, the window stays on `app://aed`. Main makes the hash itself (from
 * a checked draft id and its own export id); this is the last gate before loading it. No
 * Electron import: tested in Node.
 */
import { PRINT_HASH_PREFIX } from '../../shared/export/print-job';
import { APP_ENTRY_URL, isAppOriginUrl } from './app-identity';

/** Longer than any real print hash (a UUID, a snapshot id, a label, a few flags). */
const MAX_HASH_LENGTH = 4096;
// URL-encoded fragment characters only: no spaces, controls, backslashes, quotes or a second
// "#", which browsers and URL parsers disagree about.
const SAFE_HASH = /^#\/print\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]+$/;

/** The print view's hash was refused. */
export class PrintUrlError extends Error {
  override name = 'PrintUrlError';
}

/**
 * The URL the hidden window loads for `hash` (`#/print/<draftId>?…`), with `autoprint` taken out:
 * in a window nobody sees, `window.print()` would open a print dialog that nobody can answer.
 * Throws PrintUrlError for anything that is not a print view of the app's own page.
 */
export function printViewUrl(hash: string): string {
  if (typeof hash !== 'string' || hash.length > MAX_HASH_LENGTH) {
    throw new PrintUrlError('The print view address is missing or too long.');
  }
  if (!hash.startsWith(PRINT_HASH_PREFIX) || !SAFE_HASH.test(hash)) {
    throw new PrintUrlError(`Only the app's print view can be made into a PDF.`);
  }
  // Decoding must succeed, or the view would not find its draft.
  try {
    decodeURIComponent(hash);
  } catch {
    throw new PrintUrlError('The print view address is malformed.');
  }
  const fragment = withoutAutoprint(hash);
  const url = new URL(APP_ENTRY_URL);
  url.hash = fragment;
  // Belt and braces: whatever the parser made of it, it must still be the app's entry page
  // carrying exactly this fragment.
  if (
    !isAppOriginUrl(url.href) ||
    url.pathname !== new URL(APP_ENTRY_URL).pathname ||
    url.search !== '' ||
    url.hash !== fragment
  ) {
    throw new PrintUrlError(`Only the app's print view can be made into a PDF.`);
  }
  return url.href;
}

function withoutAutoprint(hash: string): string {
  const at = hash.indexOf('?');
  if (at === -1) return hash;
  const kept = hash
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=')[0] !== 'autoprint');
  return kept.length > 0 ? `${hash.slice(0, at)}?${kept.join('&')}` : hash.slice(0, at);
}
