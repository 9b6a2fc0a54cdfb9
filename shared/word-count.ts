// A word is a run of characters between spaces (or between dashes used as punctuation) that holds
// at least one letter or digit: "well-being", "don't", "3.5", "1,000", "x²" and "30°" are one word
// each; a lone "÷", "–" or "•" is none. This matches how a reader (and Word, closely) counts.
const SEPARATORS = /[\s\u2013\u2014\u2015]+/u;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;

export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(SEPARATORS)) {
    if (token !== '' && HAS_WORD_CHARACTER.test(token)) count++;
  }
  return count;
}

export interface WordGuideStatus {
  count: number;
  /** 'under' below a target, 'near' within 10% of a limit, 'over' past a limit. */
  state: 'none' | 'under' | 'ok' | 'near' | 'over';
  /** A short phrase for the UI, e.g. "412 of 800 words". */
  label: string;
}

const fmt = new Intl.NumberFormat('en-GB');

export function wordGuideStatus(
  count: number,
  guide?: { target?: number; limit?: number },
): WordGuideStatus {
  const words = `${fmt.format(count)} ${count === 1 ? 'word' : 'words'}`;
  if (!guide) return { count, state: 'none', label: words };
  if (guide.limit !== undefined) {
    const state = count > guide.limit ? 'over' : count >= guide.limit * 0.9 ? 'near' : 'ok';
    return {
      count,
      state,
      label: `${fmt.format(count)} of ${fmt.format(guide.limit)} words (limit)`,
    };
  }
  const target = guide.target!;
  return {
    count,
    state: count < target ? 'under' : 'ok',
    label: `${fmt.format(count)} of about ${fmt.format(target)} words`,
  };
}
