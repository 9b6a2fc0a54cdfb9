/**
 * Text folding for search: case, accents, curly quotes and dashes and runs of white space are
 * ignored, so "cafe" finds "Café" and "don't" finds "don’t". Folding is done a character at a
 * time, keeping where each folded character came from, so a match can be shown in the original
 * text.
 */

const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};

// Texts reuse few distinct characters, so a cache makes folding a long section cheap.
const folds = new Map<string, string>();

function foldChar(char: string): string {
  let folded = folds.get(char);
  if (folded === undefined) {
    folded = /\s/u.test(char)
      ? ' '
      : (PUNCTUATION[char] ?? char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase());
    folds.set(char, folded);
  }
  return folded;
}

export interface FoldedText {
  folded: string;
  /** For each UTF-16 unit of `folded`, the index in the original of the character it came from. */
  origins: number[];
}

export function foldText(text: string): FoldedText {
  let folded = '';
  const origins: number[] = [];
  let index = 0;
  for (const char of text) {
    const f = foldChar(char);
    if (!(f === ' ' && folded.endsWith(' '))) {
      folded += f;
      for (let i = 0; i < f.length; i++) origins.push(index);
    }
    index += char.length;
  }
  return { folded, origins };
}

/** The folded form of what the participant typed in the search box ('' when blank). */
export function foldQuery(query: string): string {
  return foldText(query).folded.trim();
}

/** A match with some text either side, for the library to show with the match emphasised. */
export interface SearchSnippet {
  before: string;
  match: string;
  after: string;
}

const CONTEXT_BEFORE = 40;
const CONTEXT_AFTER = 80;

/** Finds a folded query in text; returns the first match as a snippet, or null. */
export function findSnippet(text: string, foldedQuery: string): SearchSnippet | null {
  if (foldedQuery === '') return null;
  const { folded, origins } = foldText(text);
  const at = folded.indexOf(foldedQuery);
  if (at < 0) return null;
  const start = origins[at]!;
  const lastOrigin = origins[at + foldedQuery.length - 1]!;
  const end = lastOrigin + String.fromCodePoint(text.codePointAt(lastOrigin)!).length;

  let from = Math.max(0, start - CONTEXT_BEFORE);
  let to = Math.min(text.length, end + CONTEXT_AFTER);
  // Cut at white space so the snippet shows no broken words.
  if (from > 0) {
    const space = text.slice(from, start).search(/\s/u);
    if (space >= 0) from += space + 1;
  }
  if (to < text.length) {
    const tail = text.slice(end, to);
    const space = tail.search(/\s\S*$/u);
    if (space >= 0) to = end + space;
  }
  const tidy = (s: string) => s.replace(/\s+/gu, ' ');
  return {
    before: (from > 0 ? '…' : '') + tidy(text.slice(from, start)).trimStart(),
    match: tidy(text.slice(start, end)),
    after: tidy(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : ''),
  };
}
