import { compareDrafts } from '../../../../shared/changes';
import type { DraftRecord, SectionRecord } from '../../../../shared/model';
import { buildDocument } from '../../../../shared/export/document';
import type { ExportDocument } from '../../../../shared/export/document-model';
import { renderDocx } from '../../../../shared/export/docx';
import { exportFileName } from '../../../../shared/export/file-name';
import type { Template } from '../../../../shared/template';
import type { SaveQueue } from '../../storage/save-queue';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import { printHref } from '../print/print-route';
import type { Services } from '../services';
import type { ExportRequest } from './ExportDialog';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExportOutcome {
  fileName: string;
  /** False when the participant cancelled the save dialog. */
  saved: boolean;
  /** The submission recorded by this export, if it was one. */
  submission: SnapshotRecord | null;
}

interface Source {
  draft: DraftRecord;
  sections: SectionRecord[];
  date: Date;
  label: string | null;
  snapshot: SnapshotRecord | null;
}

/**
 * Exports a draft (or an earlier submission, exactly as it was sent). Whatever is on screen is
 * written first; a submission is frozen as a snapshot before the file is made, and forgotten
 * again if the file is not saved, so the list of submissions is the list of files sent.
 */
export async function runExport(args: {
  services: Services;
  queue: SaveQueue;
  template: Template;
  draftId: string;
  request: ExportRequest;
  /** Export this earlier submission again instead of the draft as it is now. */
  submissionId?: string;
  onProgress?: (message: string) => void;
}): Promise<ExportOutcome> {
  const { services, queue, template, draftId, request, onProgress } = args;
  onProgress?.('Saving your latest changes…');
  await queue.flush();
  if (queue.getStatus().state === 'error') {
    throw new Error(
      'Your latest changes are not saved yet, so the export would not include them. Free some space or back up this draft, then export again.',
    );
  }

  let created: SnapshotRecord | null = null;
  let source: Source;
  if (args.submissionId) {
    const snapshot = await services.snapshots.getSnapshot(args.submissionId);
    if (!snapshot) throw new Error('That submission is no longer stored.');
    source = {
      draft: snapshot.draft,
      sections: snapshot.sections,
      date: new Date(snapshot.createdAt),
      label: snapshot.label,
      snapshot,
    };
  } else if (request.label) {
    created = await services.snapshots.takeSnapshot(draftId, 'submission', request.label);
    source = {
      draft: created.draft,
      sections: created.sections,
      date: new Date(created.createdAt),
      label: created.label,
      snapshot: created,
    };
  } else {
    const draft = await services.drafts.getDraft(draftId);
    if (!draft) throw new Error('This draft is no longer in your library.');
    source = {
      draft,
      sections: await services.drafts.getSections(draftId),
      date: new Date(),
      label: null,
      snapshot: null,
    };
  }

  try {
    onProgress?.(request.format === 'docx' ? 'Making the Word document…' : 'Preparing the PDF…');
    const previous = request.includeChanges ? await previousSubmission(services, source) : null;
    const changes = previous
      ? {
          since: previous.label,
          sections: compareDrafts(template, previous.sections, source.sections),
        }
      : null;
    const doc = buildDocument({
      ...(changes ? { changes } : {}),
      template,
      draft: source.draft,
      sections: source.sections,
      ...(source.label
        ? { submission: { label: source.label, date: source.date } }
        : { now: source.date }),
      options: request.options,
    });
    const fileName = exportFileName({
      participant: doc.cover.participant,
      draftTitle: source.draft.title,
      label: source.label,
      date: source.date,
      extension: request.format,
    });
    const saved =
      request.format === 'docx'
        ? await saveDocx(services, doc, fileName, onProgress)
        : // Chromium prints the print view of the same document (its own CSS sets the pages), so
          // the desktop's printToPDF, a browser's print and the tests' page.pdf() agree.
          await services.platform.printToPdf(
            printHref({
              draftId: source.draft.id,
              snapshotId: source.snapshot?.id ?? null,
              label: source.label,
              date: doc.cover.isoDate,
              changesSince: previous?.id ?? null,
              ...request.options,
            }),
            fileName,
          );
    if (created) {
      if (saved)
        await services.snapshots.recordSubmission(created.id, { format: request.format, fileName });
      else await services.snapshots.deleteSnapshot(created.id);
    }
    return { fileName, saved, submission: saved ? (created ?? source.snapshot) : null };
  } catch (error) {
    // The file was not made, so nothing was sent: the snapshot would be a false record.
    if (created) await services.snapshots.deleteSnapshot(created.id).catch(() => undefined);
    throw error;
  }
}

/** The submission sent before this export's content was taken, if any. */
async function previousSubmission(
  services: Services,
  source: Source,
): Promise<SnapshotRecord | null> {
  const earlier = (await services.snapshots.listSubmissions(source.draft.id)).filter(
    (s) =>
      s.id !== source.snapshot?.id && (!source.snapshot || s.createdAt < source.snapshot.createdAt),
  );
  return earlier[earlier.length - 1] ?? null;
}

async function saveDocx(
  services: Services,
  doc: ExportDocument,
  fileName: string,
  onProgress?: (message: string) => void,
): Promise<boolean> {
  const bytes = await renderDocx(doc);
  onProgress?.('Saving the file…');
  return services.platform.saveFile(fileName, bytes, DOCX_MIME);
}
