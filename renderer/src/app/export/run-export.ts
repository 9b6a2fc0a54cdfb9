import { renderDocx } from '../../../../shared/export/docx';
import type { Template } from '../../../../shared/template';
import type { SaveQueue } from '../../storage/save-queue';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import type { Services } from '../services';
import { buildExport, type BuiltExport, type ExportSpec } from './build-export';
import { whileExporting, type ExportLocks } from './export-lock';
import type { ExportRequest } from './ExportDialog';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ExportOutcome {
  fileName: string;
  /** False when the participant cancelled the save dialog. */
  saved: boolean;
  /** The submission recorded by this export, if it was one. */
  submission: SnapshotRecord | null;
  /** What the file could not hold as written (ExportDocument.warnings), to tell the writer. */
  warnings: string[];
}

/**
 * Exports a draft (or an earlier submission, exactly as it was sent). Whatever is on screen is
 * written first; a submission is frozen as a snapshot before the file is made, and forgotten
 * again if the file is not saved, so the list of submissions is the list of files sent; if the
 * page goes in between, export-lock.ts sweeps it away. The document is built once
 * (build-export.ts): the Word file is rendered from it here, the PDF by the print view it is
 * handed to.
 */
export async function runExport(args: {
  services: Pick<Services, 'drafts' | 'snapshots' | 'evidence' | 'feedback' | 'platform'>;
  queue: SaveQueue;
  template: Template;
  draftId: string;
  request: ExportRequest;
  /** Export this earlier submission again instead of the draft as it is now. */
  submissionId?: string;
  onProgress?: (message: string) => void;
  /** The Web Locks API (default `navigator.locks`). */
  locks?: ExportLocks | undefined;
}): Promise<ExportOutcome> {
  const { services, queue, onProgress } = args;
  onProgress?.('Saving your latest changes…');
  await queue.flush();
  if (queue.getStatus().state === 'error') {
    throw new Error(
      'Your latest changes are not saved yet, so the export would not include them. Free some space or back up this draft, then export again.',
    );
  }

  return whileExporting(
    args.draftId,
    async () => {
      // Holding the draft's export lock: no export of it is under way, so any submission still
      // unrecorded is one a reload cut short.
      await services.snapshots.deleteUnsentSubmissions(args.draftId);
      return makeFile(args);
    },
    args.locks,
  );
}

async function makeFile({
  services,
  template,
  request,
  onProgress,
  ...args
}: Parameters<typeof runExport>[0]): Promise<ExportOutcome> {
  onProgress?.(request.format === 'docx' ? 'Making the Word document…' : 'Preparing the PDF…');
  const built = await buildExport(services, exportSpec(args.draftId, request, args.submissionId), {
    getTemplate: () => template,
  });
  const { created } = built;
  try {
    const saved =
      request.format === 'docx'
        ? await saveDocx(services, built, onProgress)
        : // Chromium prints the print view of this same document (its own CSS sets the pages),
          // so the desktop's printToPDF, a browser's print and the tests' page.pdf() agree.
          await services.platform.printToPdf({
            draftId: built.draftId,
            document: built.doc,
            fileName: built.fileName,
          });
    if (created) {
      if (saved) {
        await services.snapshots.recordSubmission(created.id, {
          format: request.format,
          fileName: built.fileName,
        });
      } else await services.snapshots.deleteSnapshot(created.id);
    }
    return {
      fileName: built.fileName,
      saved,
      submission: saved ? (created ?? built.snapshot) : null,
      warnings: built.doc.warnings.map((w) => w.message),
    };
  } catch (error) {
    // The file was not made, so nothing was sent: the snapshot would be a false record.
    if (created) await services.snapshots.deleteSnapshot(created.id).catch(() => undefined);
    throw error;
  }
}

/** What the export dialog asked for, as the builder's terms. */
function exportSpec(draftId: string, request: ExportRequest, submissionId?: string): ExportSpec {
  return {
    source: submissionId
      ? { kind: 'submission', draftId, snapshotId: submissionId }
      : request.label
        ? { kind: 'new-submission', draftId, label: request.label }
        : { kind: 'draft', draftId },
    format: request.format,
    options: request.options,
    changesSince: request.includeChanges ? 'previous' : null,
  };
}

async function saveDocx(
  services: Pick<Services, 'platform'>,
  built: BuiltExport,
  onProgress?: (message: string) => void,
): Promise<boolean> {
  const bytes = await renderDocx(built.doc, built.pictures);
  onProgress?.('Saving the file…');
  return services.platform.saveFile(built.fileName, bytes, DOCX_MIME);
}
