/**
 * What importing a returned Word file into a draft will do, decided before anything is stored:
 * which submission its comments go on, which section each is on, and what to tell the
 * participant. Pure, so every case (another draft's file, a file that names no submission, a
 * draft with none) is tested without a database.
 */
import { placeFeedback, type SectionTitle } from './match-sections';
import type { FeedbackFile, FeedbackThread } from './read-feedback-docx';

/** A submission of the draft, as History lists it. */
export interface SubmissionRef {
  id: string;
  label: string;
  createdAt: number;
}

export type FeedbackImportPlan =
  | {
      ok: true;
      /** The submission the comments go on; null when the draft has none. */
      submissionId: string | null;
      submissionLabel: string | null;
      /** Every thread, in the file's order, with its section (null: the document as a whole). */
      threads: Array<{ thread: FeedbackThread; sectionId: string | null }>;
      /**
       * Said with the result when the submission was not named by the file itself (the latest
       * was used, or there is none); null when the file named it.
       */
      submissionNote: string | null;
    }
  | { ok: false; message: string };

export interface PlanFeedbackImportInput {
  draftId: string;
  sections: readonly SectionTitle[];
  /** The draft's submissions, any order. */
  submissions: readonly SubmissionRef[];
  feedback: FeedbackFile;
}

export function planFeedbackImport({
  draftId,
  sections,
  submissions,
  feedback,
}: PlanFeedbackImportInput): FeedbackImportPlan {
  if (feedback.draftId !== null && feedback.draftId !== draftId) {
    return {
      ok: false,
      message:
        'This Word document was exported from another draft, so its feedback was not imported here. Open the draft it came from and import it there. Nothing was changed.',
    };
  }
  const named = submissions.find((s) => s.id === feedback.submissionId);
  const latest = [...submissions].sort((a, b) => b.createdAt - a.createdAt)[0];
  const submission = named ?? latest ?? null;
  let submissionNote: string | null = null;
  if (!named) {
    const why =
      feedback.submissionId === null
        ? 'The file does not say which submission it is'
        : 'The submission this file was exported as is no longer in this draft’s History';
    submissionNote = submission
      ? `${why}, so its comments were put on the latest submission, “${submission.label}”.`
      : `${why}, and this draft has no submission yet, so its comments are on no submission.`;
  }

  const placement = placeFeedback(sections, feedback);
  const sectionOf = new Map<FeedbackThread, string | null>();
  for (const { thread, sectionId } of placement.placed) sectionOf.set(thread, sectionId);
  for (const { thread } of placement.unplaced) sectionOf.set(thread, null);
  return {
    ok: true,
    submissionId: submission?.id ?? null,
    submissionLabel: submission?.label ?? null,
    threads: feedback.comments.map((thread) => ({
      thread,
      sectionId: sectionOf.get(thread) ?? null,
    })),
    submissionNote,
  };
}

/** What an import did, for a `status`: how many comments, on which sections, what was skipped. */
export function importedMessage(input: {
  fileName: string;
  submissionLabel: string | null;
  submissionNote: string | null;
  added: ReadonlyArray<{ sectionId: string | null }>;
  alreadyThere: number;
  sections: readonly SectionTitle[];
}): string {
  const { fileName, submissionLabel, submissionNote, added, alreadyThere, sections } = input;
  const comments = (n: number) => `${n.toLocaleString('en-GB')} comment${n === 1 ? '' : 's'}`;
  if (added.length === 0) {
    return `Nothing new in “${fileName}”: its ${comments(alreadyThere)} ${alreadyThere === 1 ? 'was' : 'were'} imported before.`;
  }
  const counts = new Map<string | null, number>();
  for (const { sectionId } of added) counts.set(sectionId, (counts.get(sectionId) ?? 0) + 1);
  const where = [
    ...sections.filter((s) => counts.has(s.id)).map((s) => `${counts.get(s.id)} on “${s.title}”`),
    ...(counts.has(null) ? [`${counts.get(null)} on the document as a whole`] : []),
  ];
  const on = submissionLabel ? ` on “${submissionLabel}”` : '';
  return [
    `Imported ${comments(added.length)} from “${fileName}”${on}: ${where.join(', ')}.`,
    alreadyThere > 0
      ? `${comments(alreadyThere)} ${alreadyThere === 1 ? 'was' : 'were'} imported before and left as ${alreadyThere === 1 ? 'it was' : 'they were'}.`
      : '',
    submissionNote ?? '',
  ]
    .filter(Boolean)
    .join(' ');
}
