import { useEffect, useState } from 'react';
import type { Template } from '../../../../shared/template';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import { useAnnouncer } from '../announcer';
import type { ExportRequest } from '../export/ExportDialog';
import { sweepUnsentSubmissions } from '../export/export-lock';
import { useServices } from '../services';
import type { DraftSession } from '../session/draft-session';

/** The draft's exports, one at a time: `progress` says how far the current one is. */
export function useExportAction(
  session: DraftSession,
  template: Template,
  onDone: (message: string | null) => void,
): {
  progress: string | null;
  startExport: (request: ExportRequest, submission: SnapshotRecord | null) => Promise<void>;
} {
  const services = useServices();
  const announce = useAnnouncer();
  const [progress, setProgress] = useState<string | null>(null);
  const { snapshots } = services;
  const { draftId } = session;
  useEffect(() => {
    // What an export cut short by a reload left frozen and unrecorded.
    sweepUnsentSubmissions(snapshots, draftId).catch(() => undefined);
  }, [snapshots, draftId]);

  async function startExport(request: ExportRequest, submission: SnapshotRecord | null) {
    if (progress) return; // one export at a time
    onDone(null);
    setProgress('Starting the export…');
    try {
      // The Word writer is loaded on first export, not with the editor: opening a draft stays fast.
      const { runExport } = await import('../export/run-export');
      const outcome = await runExport({
        services,
        queue: session.queue,
        template,
        draftId: session.draftId,
        request,
        ...(submission ? { submissionId: submission.id } : {}),
        onProgress: setProgress,
      });
      if (outcome.saved) {
        onDone(`Exported “${outcome.fileName}”.`);
        if (outcome.warnings.length > 0) {
          announce.error(
            `“${outcome.fileName}” was made, but not all of it is as you wrote it: ${outcome.warnings.join(' ')}`,
          );
        }
      }
    } catch (e) {
      announce.error(
        `The export failed: ${e instanceof Error ? e.message : String(e)} Your draft has not changed.`,
      );
    } finally {
      setProgress(null);
    }
  }

  return { progress, startExport };
}
