import { useCallback, useRef, useState } from 'react';
import { importedMessage, planFeedbackImport } from '../../../../shared/feedback/plan-import';
import { readFeedbackDocx } from '../../../../shared/feedback/read-feedback-docx';
import type { Template } from '../../../../shared/template';
import { FeedbackRejectedError } from '../../storage/feedback-repository';
import { useAnnouncer } from '../announcer';
import { pickFile } from '../pick-file';
import { useServices } from '../services';

export interface FeedbackImporter {
  /** Asks for the returned .docx and imports its comments; says how it went. */
  choose: () => Promise<void>;
  /** What the last import did, for a `status`; null when there is nothing to say. */
  message: string | null;
  dismiss: () => void;
  busy: boolean;
}

const READ_ONLY =
  'This draft is being edited in another window, so feedback cannot be imported here.';

/** The accept list of the file chooser: Word documents. */
export const DOCX_ACCEPT =
  '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * `Import feedback`: reads the Word file the Cohort Lead sent back, finds its submission (from
 * the file, else the latest) and each comment's section, and stores what is new, all at once and
 * without a question. A file that cannot be read, or is another draft's, gets an `alert` and
 * changes nothing.
 */
export function useImportFeedback(
  draftId: string,
  template: Template,
  readOnly: boolean,
): FeedbackImporter {
  const { feedback, snapshots } = useServices();
  const announce = useAnnouncer();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const choose = useCallback(async () => {
    if (readOnly) return announce.error(READ_ONLY);
    if (running.current) return;
    const file = await pickFile(DOCX_ACCEPT);
    if (!file) return;
    running.current = true;
    setBusy(true);
    setMessage(null);
    try {
      const read = await readFeedbackDocx(file.bytes);
      if (!read.ok) return announce.error(read.error.message);
      const submissions = await snapshots.listSubmissions(draftId);
      const plan = planFeedbackImport({
        draftId,
        sections: template.sections,
        submissions,
        feedback: read.feedback,
      });
      if (!plan.ok) return announce.error(plan.message);
      const result = await feedback.importFeedback(draftId, plan.submissionId, plan.threads);
      setMessage(
        importedMessage({
          fileName: file.name,
          submissionLabel: plan.submissionLabel,
          submissionNote: plan.submissionNote,
          added: result.added,
          alreadyThere: result.alreadyThere,
          sections: template.sections,
        }),
      );
    } catch (e) {
      announce.error(
        e instanceof FeedbackRejectedError
          ? e.message
          : `The feedback could not be imported: ${e instanceof Error ? e.message : String(e)} Nothing was changed; try again.`,
      );
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [announce, draftId, feedback, readOnly, snapshots, template]);

  return { choose, message, busy, dismiss: useCallback(() => setMessage(null), []) };
}
