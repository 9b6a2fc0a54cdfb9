/**
 * Is the draft ready to submit? Every problem a Cohort Lead would find before the participant
 * does: required sections left empty, sections over their word limit, criteria not yet met or
 * shown by no evidence, images without alt text, feedback not yet addressed, evidence the
 * document never refers to. Each names the place to fix it. Pure: the `Readiness` dialog, the
 * export dialog's check before a final submission and the tests read one answer.
 */
import type {
  CriterionAssessment,
  EvidenceItem,
  FeedbackItem,
  FieldValue,
  SectionRecord,
} from './model';
import type { Template } from './template';
import { wordGuideStatus } from './word-count';

/** Where a problem is fixed. */
export type ReadinessTarget =
  { kind: 'section'; sectionId: string } | { kind: 'evidence'; evidenceId: string };

export type ReadinessKind =
  | 'empty-section'
  | 'over-limit'
  | 'criterion-not-met'
  | 'criterion-no-evidence'
  | 'image-no-alt'
  | 'feedback-unaddressed'
  | 'evidence-unreferred';

export interface ReadinessProblem {
  kind: ReadinessKind;
  /** One sentence, saying what is wrong and where. */
  message: string;
  target: ReadinessTarget;
}

/** A criterion as the checklist has it (shared/criteria.ts gives these). */
export interface CriterionState {
  id: string;
  number: number;
  text: string;
  assessment: CriterionAssessment | null;
  /** What shows it: sections linked and evidence tagged. */
  shownIn: ReadonlyArray<{ kind: 'section' | 'evidence' }>;
}

/** An image placed in a section's text. */
export interface PlacedImage {
  sectionId: string;
  evidenceId: string;
  altText: string;
}

export interface ReadinessInput {
  template: Template;
  /** The draft's stored sections (any order; missing ones were never written). */
  sections: readonly SectionRecord[];
  evidence: readonly EvidenceItem[];
  feedback: readonly FeedbackItem[];
  criteria: readonly CriterionState[];
  /** Images in the text, in document order. */
  images: readonly PlacedImage[];
}

const ASSESSED: Record<CriterionAssessment, string> = {
  'not-yet': 'Not yet',
  partly: 'Partly',
  met: 'Met',
};

/** The problems, in the order of the document: sections first, then criteria, feedback, evidence. */
export function readinessProblems(input: ReadinessInput): ReadinessProblem[] {
  const { template, evidence, feedback, criteria, images } = input;
  const stored = new Map(input.sections.map((s) => [s.sectionId, s]));
  const title = (sectionId: string) =>
    template.sections.find((s) => s.id === sectionId)?.title ?? 'A section';
  const checklist = template.sections.find((s) => s.criteriaChecklist);
  const problems: ReadinessProblem[] = [];

  for (const section of template.sections) {
    const record = stored.get(section.id);
    const at: ReadinessTarget = { kind: 'section', sectionId: section.id };
    if (section.required && isEmpty(record)) {
      problems.push({ kind: 'empty-section', message: `“${section.title}” is empty.`, target: at });
    }
    const guide = section.richText?.wordGuide;
    const words = record?.wordCount ?? 0;
    if (guide?.limit !== undefined && wordGuideStatus(words, guide).state === 'over') {
      problems.push({
        kind: 'over-limit',
        message: `“${section.title}” has ${words.toLocaleString('en-GB')} words, over its limit of ${guide.limit.toLocaleString('en-GB')}.`,
        target: at,
      });
    }
    for (const image of images) {
      if (image.sectionId !== section.id || image.altText.trim() !== '') continue;
      const item = evidence.find((e) => e.id === image.evidenceId);
      problems.push({
        kind: 'image-no-alt',
        message: `An image in “${section.title}”${item ? ` (${item.fileName})` : ''} has no alt text: say what it shows for readers who cannot see it.`,
        target: at,
      });
    }
  }

  if (checklist) {
    const at: ReadinessTarget = { kind: 'section', sectionId: checklist.id };
    for (const c of criteria) {
      if (c.assessment !== 'met') {
        problems.push({
          kind: 'criterion-not-met',
          message: `Criterion ${c.number} is assessed “${ASSESSED[c.assessment ?? 'not-yet']}”: ${c.text}`,
          target: at,
        });
      }
      if (!c.shownIn.some((s) => s.kind === 'evidence')) {
        problems.push({
          kind: 'criterion-no-evidence',
          message: `Criterion ${c.number} is shown by no evidence: tag the evidence that shows it.`,
          target: at,
        });
      }
    }
  }

  const feedbackSection = template.sections.find((s) => s.feedbackList);
  for (const item of feedback) {
    if (item.addressed) continue;
    const sectionId = item.sectionId ?? feedbackSection?.id;
    if (sectionId === undefined) continue;
    const on = item.sectionId ? `on “${title(item.sectionId)}”` : 'on the document as a whole';
    problems.push({
      kind: 'feedback-unaddressed',
      message: `Feedback ${on} is not yet addressed: “${excerpt(item.text)}”`,
      target: { kind: 'section', sectionId },
    });
  }

  const shown = new Set(images.map((i) => i.evidenceId));
  for (const item of evidence) {
    if (shown.has(item.id) || item.criteria.length > 0) continue;
    problems.push({
      kind: 'evidence-unreferred',
      message: `“${item.fileName}” is not referred to: put it in the text, or tag it with a criterion it shows.`,
      target: { kind: 'evidence', evidenceId: item.id },
    });
  }
  return problems;
}

/** Nothing written: no words, no field filled in, no tag, no criterion assessed. */
function isEmpty(record: SectionRecord | undefined): boolean {
  if (!record) return true;
  const filled = (v: FieldValue) => (typeof v === 'string' ? v.trim() !== '' : v !== null);
  return (
    record.wordCount === 0 &&
    record.text.trim() === '' &&
    !Object.values(record.fields).some(filled) &&
    Object.keys(record.criteria).length === 0
  );
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
