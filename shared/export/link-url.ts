// A link in an export is opened by someone else's Word or PDF reader, so only schemes that are
// safe and useful there stay links: https: for the web and mailto: for email. This mirrors the
// editor's rule (renderer/src/editor/link-url.ts), which shared/ cannot import; a link typed
// before that rule existed, or a hand-edited backup, must still not become a javascript: link.
const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

// Control characters and whitespace inside a URL are how scheme filters get bypassed
// ("java\tscript:"); a clean URL never needs them.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\u00a0\u2028\u2029]/u;

/** The URL to link to when `url` may be a link in an export, or null when it must be plain text. */
export function exportableLinkUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url === '' || UNSAFE_CHARACTERS.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol === 'https:' && parsed.hostname === '') return null;
  if (parsed.protocol === 'mailto:' && parsed.pathname === '' && parsed.search === '') return null;
  return parsed.href;
}
