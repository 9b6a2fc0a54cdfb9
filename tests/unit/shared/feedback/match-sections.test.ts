// Placing comment threads on sections, from outlines as different writers leave them.
import { describe, expect, it } from 'vitest';
import { headingKey, placeFeedback } from '../../../../shared/feedback/match-sections';
import type {
  DocxOutlineEntry,
  FeedbackThread,
} from '../../../../shared/feedback/read-feedback-docx';
import { getTemplate } from '../../../../shared/templates';

const SECTIONS = getTemplate('sdlp-aed').sections;

function thread(text: string, outlineIndex: number | null): FeedbackThread {
  return {
    id: text,
    key: text,
    author: 'Priya Shah',
    initials: 'PS',
    date: null,
    text,
    anchorText: '',
    resolved: false,
    sectionHeading: null,
    outlineIndex,
    replies: [],
  };
}

/** Where a comment placed just after outline entry `at` goes. */
function sectionAfter(outline: DocxOutlineEntry[], at: number): string {
  const { placed, unplaced } = placeFeedback(SECTIONS, { outline, comments: [thread('c', at)] });
  return placed[0]?.sectionId ?? `unplaced: ${unplaced[0]!.reason}`;
}

const h1 = (text: string): DocxOutlineEntry => ({ text, level: 1 });
const plain = (text: string): DocxOutlineEntry => ({ text, level: null });

describe('headingKey', () => {
  it('ignores case, spacing, dashes, quotes and punctuation', () => {
    const key = headingKey('Explore — why this initiative?');
    for (const variant of [
      'explore - why this initiative',
      'EXPLORE – WHY THIS INITIATIVE ?',
      'Explore—why  this\u00a0initiative?',
      'Explore ‒ why this initiative.',
    ]) {
      expect(headingKey(variant), variant).toBe(key);
    }
    expect(headingKey('The school you’re supporting')).toBe(
      headingKey("The school you're supporting"),
    );
  });

  it('keeps letters of every script and digits', () => {
    expect(headingKey('Zoë’s Year 4 — محمد')).toBe('zoësyear4محمد');
  });
});

describe('placeFeedback: which heading names which section', () => {
  it.each([
    ['4. Explore — why this initiative?', 'explore'],
    ['Explore - why this initiative', 'explore'],
    ['4 Explore – Why this initiative?', 'explore'],
    ['IV. Explore — why this initiative?', 'explore'],
    ['b) Explore — why this initiative?', 'explore'],
    ['4.2 Explore — why this initiative?', 'explore'],
    ['1. Explore — why…', 'explore'],
    ['Explore - why ...', 'explore'],
    ['Explore', 'explore'],
    ['Explore: why we chose fluency', 'explore'],
    ['10. Evidence', 'evidence'],
    ['11. ACCREDITATION CRITERIA', 'criteria'],
    ['12. Cohort Lead feedback', 'feedback'],
    ['Reflection on your development as an SD Lead', 'reflection'],
  ])('%s → %s', (heading, section) => {
    expect(sectionAfter([h1('About you'), h1(heading)], 1)).toBe(section);
  });

  it('does not take a shortened title that starts more than one title, or too short a one', () => {
    // "The …" starts "The school you are supporting" and "The initiative": no guess is made,
    // and the comment is not put on the section before either.
    expect(sectionAfter([h1('About you'), h1('The…')], 1)).toBe('unplaced: unknown-heading');
    expect(sectionAfter([h1('About you'), h1('Ex…')], 1)).toBe('unplaced: unknown-heading');
  });

  it('takes a plain paragraph for a heading only when it is numbered as the export numbers', () => {
    expect(sectionAfter([h1('About you'), plain('Explore')], 1)).toBe('about-you');
    expect(sectionAfter([h1('About you'), plain('Evidence')], 1)).toBe('about-you');
    expect(sectionAfter([h1('About you'), plain('Explore — why this initiative?')], 1)).toBe(
      'about-you',
    );
    expect(sectionAfter([h1('About you'), plain('4. Explore — why this initiative?')], 1)).toBe(
      'explore',
    );
  });
});

describe('placeFeedback: the section whose heading comes before the anchor', () => {
  const outline: DocxOutlineEntry[] = [
    plain('Accreditation Evidence Document'), // 0: the cover
    plain('4. Explore — why this initiative?'), // 1: its line in the contents
    h1('1. About you'), // 2
    h1('4. Explore — why this initiative?'), // 3
    { text: 'What the data showed', level: 2 }, // 4
    { text: 'Evidence', level: 2 }, // 5: a sub-heading titled like a section
    plain('Evaluation'), // 6: a word on its own line in the text
    h1('Changes since Interim 1'), // 7: no section of the template
    h1('8. Evaluation'), // 8
  ];

  it('walks back past sub-headings and text to the section’s heading', () => {
    expect(sectionAfter(outline, 3)).toBe('explore');
    expect(sectionAfter(outline, 4)).toBe('explore');
    expect(sectionAfter(outline, 5)).toBe('explore');
    expect(sectionAfter(outline, 6)).toBe('explore');
    expect(sectionAfter(outline, 8)).toBe('evaluation');
  });

  it('leaves unplaced what comes before the first section, even after its contents line', () => {
    expect(sectionAfter(outline, -1)).toBe('unplaced: before-first-section');
    expect(sectionAfter(outline, 0)).toBe('unplaced: before-first-section');
    expect(sectionAfter(outline, 1)).toBe('unplaced: before-first-section');
  });

  it('leaves unplaced what follows a top-level heading that is no section', () => {
    expect(sectionAfter(outline, 7)).toBe('unplaced: unknown-heading');
  });

  it('leaves unplaced a comment anchored nowhere in the body', () => {
    expect(sectionAfter(outline, null as unknown as number)).toBe('unplaced: not-in-body');
  });

  it('finds sections at the level the file puts them, whatever it is', () => {
    const demoted: DocxOutlineEntry[] = [
      { text: 'My AED', level: 1 },
      { text: 'About you', level: 2 },
      { text: 'Evaluation', level: 2 },
      { text: 'Next steps', level: 3 },
    ];
    expect(sectionAfter(demoted, 3)).toBe('evaluation');
    expect(sectionAfter(demoted, 0)).toBe('unplaced: before-first-section');
  });

  it('matches on text alone when no heading is styled (styles lost)', () => {
    const unstyled: DocxOutlineEntry[] = [
      plain('Accreditation Evidence Document'),
      plain('1. About you'),
      plain('Some text.'),
      plain('4. Explore — why this initiative?'),
      plain('More text.'),
      plain('Changes since Interim 1'),
    ];
    expect(sectionAfter(unstyled, 2)).toBe('about-you');
    expect(sectionAfter(unstyled, 4)).toBe('explore');
    // Without styles nothing marks a heading as foreign: it stays with the section before.
    expect(sectionAfter(unstyled, 5)).toBe('explore');
    expect(sectionAfter(unstyled, 0)).toBe('unplaced: before-first-section');
  });

  it('takes a plain paragraph with a title whose styled heading is missing (one style lost)', () => {
    const mixed: DocxOutlineEntry[] = [
      h1('1. About you'),
      plain('2. The school you are supporting'),
      plain('Text.'),
      h1('3. The initiative'),
    ];
    expect(sectionAfter(mixed, 2)).toBe('school');
    expect(sectionAfter(mixed, 3)).toBe('initiative');
  });

  it('keeps the order of the threads and places replies with them', () => {
    const a = { ...thread('a', 2), replies: [thread('reply', 2)] };
    const { placed } = placeFeedback(SECTIONS, {
      outline: [h1('About you'), h1('Evaluation')],
      comments: [thread('b', 0), a],
    });
    expect(placed.map((p) => [p.sectionId, p.thread.text])).toEqual([
      ['about-you', 'b'],
      ['evaluation', 'a'],
    ]);
    expect(placed[1]!.thread.replies.map((r) => r.text)).toEqual(['reply']);
  });
});
