// Links in a section go into a document a Cohort Lead opens elsewhere (DOCX, PDF), so only
// schemes that are safe and useful there are kept: https: for the web and mailto: for email.
// javascript:, data:, vbscript:, file: and plain http: are refused everywhere (typed, pasted,
// loaded or exported): the link form, the LinkPlugin, the paste filter and the exporters share this.
const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);

// Control characters and whitespace inside a URL are how scheme filters get bypassed
// ("java\tscript:"); a clean URL never needs them.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\u00a0\u2028\u2029]/u;

// A mailto: link is an address to write to, nothing more: mail clients read other parameters
// (attach=, cc=, bcc=, …) and can be tricked into attaching a local file or copying someone in.
const MAILTO_KEPT_PARAMETERS = ['subject', 'body'];

/** True when `url`, exactly as given, is a link the editor accepts. */
export function isAllowedLinkUrl(url: string): boolean {
  if (url === '' || UNSAFE_CHARACTERS.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'https:') return parsed.hostname !== '';
  // mailto: needs an address (or at least something after the colon).
  return parsed.pathname !== '' || parsed.search !== '';
}

/**
 * Turns what someone typed into the link form into an allowed URL, or null. Teachers type
 * "www.ncetm.org.uk" or "name@school.org" as often as a full URL, so those get https:// or
 * mailto: in front; anything with another scheme stays refused.
 */
export function normalizeLinkInput(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const allowed = safeLinkUrl(trimmed);
  if (allowed !== null) return new URL(allowed).href;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  if (hasScheme) return null;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed)) {
    const candidate = `mailto:${trimmed}`;
    return isAllowedLinkUrl(candidate) ? safeLinkUrl(candidate) : null;
  }
  if (/^[^\s/]+\.[^\s/]+/.test(trimmed) && !trimmed.startsWith('//')) {
    const candidate = `https://${trimmed}`;
    return isAllowedLinkUrl(candidate) ? new URL(candidate).href : null;
  }
  return null;
}

/** The URL to link to in an export, or null when it must stay plain text (a link stored before
 * this rule, or a hand-edited backup, must still never become a javascript: link in Word). */
export function exportableLinkUrl(url: unknown): string | null {
  const safe = typeof url === 'string' ? safeLinkUrl(url) : null;
  return safe === null ? null : new URL(safe).href;
}

/**
 * The form in which an allowed link leaves the app (into an export, or to the system's browser or
 * mail client), or null when it is not allowed: https: as given; mailto: with its address and
 * only the `subject` and `body` parameters.
 */
export function safeLinkUrl(url: string): string | null {
  if (!isAllowedLinkUrl(url)) return null;
  const parsed = new URL(url);
  if (parsed.protocol !== 'mailto:') return url;
  const kept = new URLSearchParams();
  for (const name of MAILTO_KEPT_PARAMETERS) {
    const value = parsed.searchParams.get(name);
    if (value !== null) kept.set(name, value);
  }
  // URLSearchParams writes a space as "+", which mail clients show as a plus: use %20.
  const query = kept.toString().replace(/\+/g, '%20');
  const address = parsed.pathname;
  if (address === '' && query === '') return null;
  return `mailto:${address}${query ? `?${query}` : ''}`;
}
