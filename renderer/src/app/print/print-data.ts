import { compareDrafts } from '../../../../shared/changes';
import { buildDocument } from '../../../../shared/export/document';
import type { ExportDocument } from '../../../../shared/export/document-model';
import { documentFileName } from '../../../../shared/export/file-name';
import type { DraftRecord, SectionRecord } from '../../../../shared/model';
import type { Template } from '../../../../shared/template';
import { getTemplate as getBuiltInTemplate } from '../../../../shared/templates';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import { parseIsoDate, type PrintParams } from './print-route';

/** Where the print view reads from: the live draft, or the snapshot a submission froze. */
export interface PrintSources {
  getDraft(id: string): Promise<DraftRecord | undefined>;
  getSections(draftId: string): Promise<SectionRecord[]>;
  getSnapshot(id: string): Promise<SnapshotRecord | undefined>;
  getTemplate?: (templateId: string) => Template;
}

export interface PrintDocument {
  doc: ExportDocument;
  /** The PDF's file name without its extension: the page title, so a browser's save dialog
   * proposes the same name the desktop does. */
  title: string;
}

/** A reason the view cannot print, as a sentence for its alert. */
export class PrintLoadError extends Error {
  override name = 'PrintLoadError';
}

/**
 * Loads what the print view shows and builds the export document from it, the same way the
 * DOCX export does, so both formats hold the same content.
 */
export async function loadPrintDocument(
  sources: PrintSources,
  params: PrintParams,
  now: Date = new Date(),
): Promise<PrintDocument> {
  let draft: DraftRecord;
  let sections: readonly SectionRecord[];
  let snapshot: SnapshotRecord | undefined;
  if (params.snapshotId) {
    snapshot = await sources.getSnapshot(params.snapshotId);
    // A snapshot of another draft would print the wrong participant's work under this URL.
    if (!snapshot || snapshot.draftId !== params.draftId) {
      throw new PrintLoadError(
        'This submission is no longer stored, so it cannot be printed. Go back to the draft and export it again.',
      );
    }
    ({ draft, sections } = snapshot);
  } else {
    const found = await sources.getDraft(params.draftId);
    if (!found) {
      throw new PrintLoadError(
        'This draft is not in your library (it may have been deleted), so there is nothing to print.',
      );
    }
    draft = found;
    sections = await sources.getSections(params.draftId);
  }

  let template: Template;
  try {
    template = (sources.getTemplate ?? getBuiltInTemplate)(draft.templateId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PrintLoadError(`${reason} Update AED Writer to print it.`);
  }

  // A submission printed again keeps the label and date it was sent with.
  const label = params.label ?? (snapshot?.kind === 'submission' ? snapshot.label : null);
  const date =
    (params.date ? parseIsoDate(params.date) : null) ??
    (snapshot ? new Date(snapshot.createdAt) : now);
  let changes: { since: string; sections: ReturnType<typeof compareDrafts> } | undefined;
  if (params.changesSince) {
    const since = await sources.getSnapshot(params.changesSince);
    if (!since || since.draftId !== params.draftId) {
      throw new PrintLoadError(
        'The earlier submission to compare with is no longer stored. Export again without the summary of changes.',
      );
    }
    changes = { since: since.label, sections: compareDrafts(template, since.sections, sections) };
  }
  const doc = buildDocument({
    template,
    draft,
    sections,
    ...(label ? { submission: { label, date } } : {}),
    now: date,
    options: {
      includeGuidance: params.includeGuidance,
      includeWordCounts: params.includeWordCounts,
      omitEmptySections: params.omitEmptySections,
    },
    ...(changes ? { changes } : {}),
  });
  // The same name the desktop's save dialog and the Word export propose.
  return { doc, title: documentFileName(doc, 'pdf').replace(/\.pdf$/, '') };
}
