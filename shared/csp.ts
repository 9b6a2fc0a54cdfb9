/**
 * The Content Security Policy of the app, sent by the `app://` protocol on every response and
 * repeated in renderer/index.html (a test compares the two).
 *
 * Scripts stay strict ('self' only). Inline styles are allowed for the print view's <style>
 * element: its @page margin boxes carry the participant's name and label as literal text
 * (print-page-style.ts); the editor and React style elements through the CSSOM, which CSP does
 * not gate.
 * `blob:` workers/connect/img serve generated files and previews; `data:` fonts and images cover
 * assets Vite inlines. Change it only with a reason written here.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The same policy as it belongs in index.html's `<meta http-equiv>`: browsers ignore
 * `frame-ancestors` there (and warn about it), so only the header carries it.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split(';')
  .map((directive) => directive.trim())
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
