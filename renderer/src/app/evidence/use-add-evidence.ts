import { useCallback, useRef, useState } from 'react';
import { EvidenceRejectedError, type AddEvidenceResult } from '../../storage/evidence-repository';
import { useAnnouncer } from '../announcer';
import { useServices } from '../services';
import { addedMessage } from './evidence-messages';

export interface EvidenceAdder {
  /**
   * Adds the files to the draft's evidence, all or none; says how it went. Resolves what was
   * done, or null when nothing was (refused, read-only or no files: the alert says why).
   */
  add: (files: readonly File[]) => Promise<AddEvidenceResult | null>;
  /** What the last add did, for a `status`; null when there is nothing to say. */
  message: string | null;
  dismiss: () => void;
  busy: boolean;
}

const READ_ONLY = 'This draft is being edited in another window, so evidence cannot be added here.';

/**
 * Adding evidence, from the file chooser or a drop: failures (a file too large or of a kind that
 * cannot be kept: nothing of the batch is added) in the app's `alert`, what was added in a
 * message for a `status`.
 */
export function useAddEvidence(draftId: string, readOnly: boolean): EvidenceAdder {
  const { evidence } = useServices();
  const announce = useAnnouncer();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Batches are added one after another, so two quick drops keep their order.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const add = useCallback(
    (files: readonly File[]) => {
      const run = async (): Promise<AddEvidenceResult | null> => {
        if (files.length === 0) return null;
        if (readOnly) {
          announce.error(READ_ONLY);
          return null;
        }
        setBusy(true);
        setMessage(null);
        try {
          const result = await evidence.addEvidence(draftId, files);
          setMessage(addedMessage(result));
          return result;
        } catch (e) {
          announce.error(
            e instanceof EvidenceRejectedError
              ? e.message
              : `The evidence could not be added: ${e instanceof Error ? e.message : String(e)} Nothing was added; try again.`,
          );
          return null;
        } finally {
          setBusy(false);
        }
      };
      const result = queue.current.then(run);
      queue.current = result.then(() => undefined);
      return result;
    },
    [announce, draftId, evidence, readOnly],
  );

  return { add, message, busy, dismiss: useCallback(() => setMessage(null), []) };
}
