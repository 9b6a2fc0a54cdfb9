/**
 * Text and dates as the exports print them. Dates are spelled out here rather than with Intl, so
 * a runtime with small ICU data prints the same "14 March 2026" as a full one.
 */

// XML 1.0 forbids C0 controls other than tab/newline/carriage return, U+FFFE/U+FFFF and lone
// surrogates: one of them in document.xml and Word refuses the whole file. Pasted text from Word
// and PDFs carries them (a vertical tab is Word's soft line break, a form feed its page break).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000e-\u001f\u007f\ufffe\uffff]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text safe to write into any export: line endings become `\n` (as do vertical tabs and form
 * feeds, which are line breaks where they come from), characters XML cannot hold are dropped and
 * a broken surrogate becomes U+FFFD. Tabs are kept.
 */
export function cleanText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/\r\n?|[\u000b\u000c\u2028\u2029]/g, '\n')
      .replace(FORBIDDEN_IN_XML, '')
      .replace(LONE_SURROGATE, '\ufffd')
  );
}

/** Single-line text (a label, a title): every run of whitespace becomes one space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/gu, ' ').trim();
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A date as en-GB writes it in prose, in local time: "14 March 2026". */
export function formatLongDate(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

/** A date as an ISO calendar date in local time, for file names: "2026-03-14". */
export function formatIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A number as the exports print it: grouped en-GB, at most two decimals ("1,234.5"). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
