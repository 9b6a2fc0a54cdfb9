import { describe, expect, it } from 'vitest';
import { findSnippet, foldQuery, foldText } from '../../../../renderer/src/storage/search-text';

describe('foldText', () => {
  it('ignores case, accents, curly quotes, dashes and runs of white space', () => {
    expect(foldText('Café  ÉCOLE\n\t“don’t” – naïve').folded).toBe('cafe ecole "don\'t" - naive');
  });

  it('maps each folded character back to where it came from', () => {
    // "e" + combining acute is two code units that fold to one.
    const { folded, origins } = foldText('Ae\u0301 b');
    expect(folded).toBe('ae b');
    expect(origins).toEqual([0, 1, 3, 4]);
  });
});

describe('foldQuery', () => {
  it('trims, and is empty for a blank query', () => {
    expect(foldQuery('  Work   GROUP ')).toBe('work group');
    expect(foldQuery(' \n ')).toBe('');
  });
});

describe('findSnippet', () => {
  it('returns the original text of the match with whole words around it', () => {
    const text =
      'In the autumn term the school leaders and I visited lessons in every year group, and the Élève approach ' +
      'to reasoning stood out as something worth building on across the whole school, and in the ' +
      'partner schools too.';
    const snippet = findSnippet(text, foldQuery('eleve APPROACH'));
    expect(snippet).not.toBeNull();
    expect(snippet!.match).toBe('Élève approach');
    expect(snippet!.before.startsWith('…')).toBe(true);
    expect(snippet!.after.endsWith('…')).toBe(true);
    const shown = snippet!.before.slice(1) + snippet!.match + snippet!.after.slice(0, -1);
    expect(text).toContain(shown);
    // Cut at spaces: the snippet starts and ends on whole words.
    expect(shown).toMatch(/^\S/);
    expect(text[text.indexOf(shown) - 1]).toBe(' ');
    expect(text[text.indexOf(shown) + shown.length]).toBe(' ');
  });

  it('handles a match across a line break and astral characters', () => {
    expect(findSnippet('Line one\nline 😀 two', 'one line 😀')).toEqual({
      before: 'Line ',
      match: 'one line 😀',
      after: ' two',
    });
  });

  it('returns null when there is no match or no query', () => {
    expect(findSnippet('fractions', 'algebra')).toBeNull();
    expect(findSnippet('fractions', '')).toBeNull();
  });
});
