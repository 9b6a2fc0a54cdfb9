/**
 * The names under which a Word export records what it is, in the file's custom document
 * properties (docProps/custom.xml). Word keeps custom properties through edits and comments, and
 * shows them under File › Properties › Custom, so the copy a Cohort Lead sends back still says
 * which draft and which submission it was: the feedback import reads them (shared/feedback).
 * Changing a name orphans every file already sent; add a new name beside it instead.
 */
export const DOCX_ID_PROPERTIES = {
  draftId: 'AEDWriterDraftId',
  submissionId: 'AEDWriterSubmissionId',
} as const;
