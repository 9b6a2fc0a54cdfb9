/**
 * Why a returned Word file could not be read for feedback, as a code for the program and a
 * sentence for the participant. As with backups (shared/backup/errors.ts), the message says what
 * happened and what to do; the technical reason stays in `detail`.
 */

/** What went wrong with a file given to Import feedback. */
export type FeedbackErrorCode =
  /** Not a Word document: not a zip, some other zip, an old .doc or a password-protected file. */
  | 'not-a-docx'
  /** A Word document whose zip or XML is damaged, or holds what Word never writes (a DOCTYPE). */
  | 'corrupt'
  /** A Word document without a single comment. */
  | 'no-comments'
  /** More than a returned document can hold: a zip bomb, a huge part, too many comments. */
  | 'too-large'
  /** A bug in the reader itself; reported rather than thrown. */
  | 'internal';

export interface FeedbackError {
  code: FeedbackErrorCode;
  /** One or two sentences for the participant, ready for an alert. */
  message: string;
  /** The technical reason, for logs and support (part name, sizes, parser message). */
  detail: string;
}

function messageFor(code: FeedbackErrorCode, detail: string): string {
  switch (code) {
    case 'not-a-docx':
      return 'This file is not a Word document (.docx), so there is no feedback to import. Choose the .docx file your Cohort Lead sent back; if it is an older .doc or has a password, open it in Word and save it as a .docx without a password first.';
    case 'corrupt':
      return `This Word document is damaged (${detail}), so its feedback could not be read. Ask your Cohort Lead to send it again, or open it in Word and save a copy.`;
    case 'no-comments':
      return 'This Word document has no comments, so there is no feedback to import. Check it is the copy your Cohort Lead commented on.';
    case 'too-large':
      return `This Word document is too large to read safely (${detail}). Ask your Cohort Lead to send it again, or open it in Word and save a copy.`;
    case 'internal':
      return `AED Writer could not read this file because of a problem in AED Writer itself (${detail}). Nothing was changed; please report this.`;
  }
}

export function feedbackError(code: FeedbackErrorCode, detail: string): FeedbackError {
  return { code, message: messageFor(code, detail), detail };
}

/**
 * Thrown inside the reader to leave early; readFeedbackDocx turns it into a result, so it never
 * reaches a caller.
 */
export class FeedbackReadFailure extends Error {
  constructor(readonly error: FeedbackError) {
    super(error.message);
    this.name = 'FeedbackReadFailure';
  }
}

export function fail(code: FeedbackErrorCode, detail: string): never {
  throw new FeedbackReadFailure(feedbackError(code, detail));
}
