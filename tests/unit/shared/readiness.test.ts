/**
 * The readiness check against drafts built to have known gaps, and one with none: each gap is
 * found once, at the place to fix it, and a complete draft has no problem at all.
 */
import { describe, expect, it } from 'vitest';
import {
  emptySection,
  type EvidenceItem,
  type FeedbackItem,
  type SectionRecord,
} from '../../../shared/model';
import {
  readinessProblems,
  type CriterionState,
  type ReadinessInput,
} from '../../../shared/readiness';
import type { Template } from '../../../shared/template';
import { getTemplate } from '../../../shared/templates';

const base = getTemplate('sdlp-aed');
/** The built-in template, with a word limit on Deliver to test against. */
const template: Template = {
  ...base,
  sections: base.sections.map((s) =>
    s.id === 'deliver' ? { ...s, richText: { ...s.richText, wordGuide: { limit: 10 } } } : s,
  ),
};

const written = (sectionId: string, words = 5): SectionRecord => ({
  ...emptySection('d', sectionId, 1),
  text: Array.from({ length: words }, (_, i) => `word${i}`).join(' '),
  wordCount: words,
});

const evidence = (id: string, criteria: string[] = []): EvidenceItem => ({
  id,
  draftId: 'd',
  fileName: `${id}.png`,
  mimeType: 'image/png',
  size: 10,
  sha256: 'a'.repeat(64),
  caption: '',
  date: '',
  stages: [],
  domains: [],
  criteria,
  createdAt: 1,
});

const feedback = (id: string, sectionId: string | null, addressed: boolean): FeedbackItem => ({
  id,
  draftId: 'd',
  submissionId: 's',
  sectionId,
  source: 'typed',
  key: '',
  author: 'Priya',
  initials: '',
  date: null,
  text: `Comment ${id}: say more about the baseline data you collected in the autumn term.`,
  anchorText: '',
  resolved: false,
  replies: [],
  addressed,
  response: '',
  createdAt: 1,
  updatedAt: 1,
});

const criteria = (state: (number: number) => Partial<CriterionState>): CriterionState[] =>
  template.criteria.map((c, i) => ({
    id: c.id,
    number: i + 1,
    text: c.text,
    assessment: 'met',
    shownIn: [{ kind: 'evidence' }],
    ...state(i + 1),
  }));

/** A draft with nothing left to do. */
function complete(): ReadinessInput {
  const required = template.sections.filter((s) => s.required).map((s) => s.id);
  return {
    template,
    sections: required.map((id) => written(id)),
    evidence: [evidence('wall', ['c1']), evidence('photo')],
    feedback: [feedback('f1', 'explore', true)],
    criteria: criteria(() => ({})),
    images: [{ sectionId: 'deliver', evidenceId: 'photo', altText: 'The working wall' }],
  };
}

describe('readiness', () => {
  it('finds nothing wrong with a complete draft', () => {
    expect(readinessProblems(complete())).toEqual([]);
  });

  it('finds each known gap once, at the place to fix it, in the document’s order', () => {
    const input = complete();
    const problems = readinessProblems({
      ...input,
      // Explore never written; Deliver over its limit of 10.
      sections: [
        ...input.sections.filter((s) => s.sectionId !== 'explore' && s.sectionId !== 'deliver'),
        written('deliver', 12),
      ],
      evidence: [...input.evidence, evidence('unused')],
      feedback: [...input.feedback, feedback('f2', 'prepare', false), feedback('f3', null, false)],
      criteria: criteria((n) =>
        n === 2 ? { assessment: 'partly' } : n === 5 ? { assessment: null, shownIn: [] } : {},
      ),
      images: [...input.images, { sectionId: 'sustain', evidenceId: 'wall', altText: ' ' }],
    });
    expect(problems.map((p) => [p.kind, p.target])).toEqual([
      ['empty-section', { kind: 'section', sectionId: 'explore' }],
      ['over-limit', { kind: 'section', sectionId: 'deliver' }],
      ['image-no-alt', { kind: 'section', sectionId: 'sustain' }],
      ['criterion-not-met', { kind: 'section', sectionId: 'criteria' }],
      ['criterion-not-met', { kind: 'section', sectionId: 'criteria' }],
      ['criterion-no-evidence', { kind: 'section', sectionId: 'criteria' }],
      ['feedback-unaddressed', { kind: 'section', sectionId: 'prepare' }],
      ['feedback-unaddressed', { kind: 'section', sectionId: 'feedback' }],
      ['evidence-unreferred', { kind: 'evidence', evidenceId: 'unused' }],
    ]);
    const messages = problems.map((p) => p.message);
    expect(messages[0]).toBe('“Explore — why this initiative?” is empty.');
    expect(messages[1]).toContain('has 12 words, over its limit of 10');
    expect(messages[2]).toContain('(wall.png) has no alt text');
    expect(messages[3]).toMatch(/^Criterion 2 is assessed “Partly”: /);
    expect(messages[4]).toMatch(/^Criterion 5 is assessed “Not yet”: /);
    expect(messages[5]).toBe(
      'Criterion 5 is shown by no evidence: tag the evidence that shows it.',
    );
    expect(messages[6]).toMatch(
      /^Feedback on “Prepare[^”]*” is not yet addressed: “Comment f2: say more about the baseline/,
    );
    expect(messages[7]).toContain('on the document as a whole');
    expect(messages[8]).toContain('“unused.png” is not referred to');
  });

  it('counts a section as written by its fields or its checklist, not only its words', () => {
    const input = complete();
    const about = template.sections.find((s) => s.fields.length > 0)!;
    const field = about.fields[0]!;
    const others = input.sections.filter((s) => s.sectionId !== about.id);
    const withField = { ...emptySection('d', about.id, 1), fields: { [field.id]: 'Siân' } };
    expect(readinessProblems({ ...input, sections: [...others, withField] })).toEqual([]);
    const blank = { ...emptySection('d', about.id, 1), fields: { [field.id]: '  ' } };
    expect(
      readinessProblems({ ...input, sections: [...others, blank] }).map((p) => p.kind),
    ).toEqual(['empty-section']);
  });
});
