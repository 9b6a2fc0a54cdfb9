import { describe, expect, it } from 'vitest';
import { countWords, wordGuideStatus } from '../../../shared/word-count';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['one', 1],
    ['Pupils  reasoned\nwell.', 3],
    // hyphenated words are one word each
    ['well-being and problem-solving', 3],
    ['a Year-6 class', 3],
    // numbers, decimals, thousands, percentages, times
    ['3.5 times 1,000 is 3,500', 5],
    ['75% of pupils at 9:30', 5],
    // apostrophes, straight and curly
    ["don't, pupils' and teachers’ views", 5],
    // maths symbols alone are not words; attached to a number they are part of it
    ['≤ ≥ ÷ × π √ ½ x² 30°', 4],
    ['2 × 3 = 6', 3],
    // dashes used as punctuation separate words; a lone dash is not a word
    ['Explore — why this initiative?', 4],
    ['this–that', 2],
    ['- bullet', 1],
    // other scripts and accents
    ['Zoë’s café naïve', 3],
    ['محمد علي', 2],
    ['日本語', 1],
    ['🎉 great', 1],
  ])('%j has %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });
});

describe('wordGuideStatus', () => {
  it('reports against a target', () => {
    expect(wordGuideStatus(412, { target: 800 })).toEqual({
      count: 412,
      state: 'under',
      label: '412 of about 800 words',
    });
    expect(wordGuideStatus(1200, { target: 800 }).state).toBe('ok');
  });

  it('warns near and past a limit', () => {
    expect(wordGuideStatus(100, { limit: 1000 }).state).toBe('ok');
    expect(wordGuideStatus(950, { limit: 1000 }).state).toBe('near');
    expect(wordGuideStatus(1001, { limit: 1000 })).toMatchObject({
      state: 'over',
      label: '1,001 of 1,000 words (limit)',
    });
  });

  it('just counts without a guide', () => {
    expect(wordGuideStatus(1, undefined).label).toBe('1 word');
    expect(wordGuideStatus(2500, undefined).label).toBe('2,500 words');
  });
});
