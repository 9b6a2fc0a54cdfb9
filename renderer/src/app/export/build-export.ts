/**
 * The one place an export's document is made. It picks what is exported — the draft as stored,
 * an earlier submission exactly as it was sent, or a new submission frozen now — finds the
 * submission to summarise changes since, and builds the format-neutral document and its file
 * name once. The Word file (run-export.ts) and the print view (print/print-data.ts, and through
 * the platform the PDF) both render what this returns; nothing else builds a document.
 */
import { compareDrafts, type ExportFormat } from '../../../../shared/changes';
import { buildDocument } from '../../../../shared/export/document';
import type {
  ExportDocument,
  ExportOptions,
  ExportPicture,
} from '../../../../shared/export/document-model';
import { documentFileName } from '../../../../shared/export/file-name';
import type {
  DraftRecord,
  EvidenceItem,
  FeedbackItem,
  SectionRecord,
  SnapshotRecord,
} from '../../../../shared/model';
import type { Template } from '../../../../shared/template';
import { getTemplate as getBuiltInTemplate } from '../../../../shared/templates';
import { DraftNotFoundError } from '../../storage/drafts-repository';
import type { Services } from '../services';
import { preparePictures } from './prepare-pictures';

/** What an export holds. */
export type ExportSource =
  /** The draft as it is stored now. */
  | { kind: 'draft'; draftId: string }
  /** An earlier snapshot (a submission), exactly as it was frozen. */
  | { kind: 'submission'; draftId: string; snapshotId: string }
  /** The draft as it is stored now, frozen first as a new submission under `label`. */
  | { kind: 'new-submission'; draftId: string; label: string };

export interface ExportSpec {
  source: ExportSource;
  format: ExportFormat;
  options: ExportOptions;
  /**
   * Appends a summary of what changed: since the submission sent before this export's content
   * ('previous'; none when there is none), since a given snapshot, or not at all (null).
   */
  changesSince: 'previous' | { snapshotId: string } | null;
  /** A label or date other than the content's own (the print view's address may ask for one). */
  presentAs?: { label?: string | null; date?: Date | null };
  /** The date of an export of the live draft (default: now). */
  now?: Date;
}

export interface BuiltExport {
  doc: ExportDocument;
  /** The images' bytes as they go in the file (downscaled), by evidence id. */
  pictures: Map<string, ExportPicture>;
  /** e.g. `AED - Jane Smith - Interim 1 - 2026-03-14.docx`, from the document's own cover. */
  fileName: string;
  draftId: string;
  /** The snapshot the content came from; null for the live draft. */
  snapshot: SnapshotRecord | null;
  /**
   * The submission this build froze (source 'new-submission'). The caller records it once the
   * file is saved, or deletes it if not: the list of submissions is the list of files sent.
   */
  created: SnapshotRecord | null;
  /** The earlier submission the summary of changes compares with, if there is one. */
  changesSince: SnapshotRecord | null;
}

/** Why there is nothing to export, as a sentence for an alert. */
export class ExportSourceError extends Error {
  override name = 'ExportSourceError';
}

export interface BuildExportOptions {
  /** The template of a draft (default: the built-in templates). */
  getTemplate?: (templateId: string) => Template;
}

type Repositories = Pick<Services, 'drafts' | 'snapshots' | 'evidence' | 'feedback'>;

interface Content {
  draft: DraftRecord;
  sections: readonly SectionRecord[];
  /** The evidence as it is now, or as the snapshot kept it (none in versions from before it). */
  evidence: readonly EvidenceItem[];
  snapshot: SnapshotRecord | null;
  created: SnapshotRecord | null;
}

/**
 * Builds an export's document and file name. A new submission is frozen first, and deleted again
 * if the document cannot be built. Rejects with an ExportSourceError when what it names is gone.
 */
export async function buildExport(
  repos: Repositories,
  spec: ExportSpec,
  { getTemplate = getBuiltInTemplate }: BuildExportOptions = {},
): Promise<BuiltExport> {
  const content = await loadContent(repos, spec.source);
  try {
    const { draft, sections, evidence, snapshot } = content;
    const template = templateOf(getTemplate, draft.templateId);
    // A submission exported again keeps the label and date it was sent with.
    const label =
      spec.presentAs?.label ?? (snapshot?.kind === 'submission' ? snapshot.label : null);
    const date =
      spec.presentAs?.date ?? (snapshot ? new Date(snapshot.createdAt) : (spec.now ?? new Date()));
    const since = await changesSince(repos, spec, snapshot);
    const feedback = spec.options.includeFeedbackResponses
      ? await feedbackAnswered(repos, spec.source.draftId, snapshot)
      : [];
    const pictures = await preparePictures(evidence, (item) =>
      repos.evidence.getBlob(item.sha256, item.mimeType),
    );
    const doc = buildDocument({
      template,
      draft,
      sections,
      evidence,
      ...(label
        ? {
            submission: {
              label,
              date,
              // Written into the Word file, so the copy the Cohort Lead returns can be matched to it.
              ...(snapshot?.kind === 'submission' ? { id: snapshot.id } : {}),
            },
          }
        : {}),
      now: date,
      options: spec.options,
      feedback,
      pictures,
      ...(since
        ? {
            changes: {
              since: since.label,
              sections: compareDrafts(template, since.sections, sections),
            },
          }
        : {}),
    });
    return {
      doc,
      pictures,
      fileName: documentFileName(doc, spec.format),
      draftId: spec.source.draftId,
      snapshot,
      created: content.created,
      changesSince: since,
    };
  } catch (error) {
    // Nothing will be sent, so the frozen copy would be a false record.
    if (content.created) {
      await repos.snapshots.deleteSnapshot(content.created.id).catch(() => undefined);
    }
    throw error;
  }
}

async function loadContent(repos: Repositories, source: ExportSource): Promise<Content> {
  switch (source.kind) {
    case 'draft': {
      const draft = await repos.drafts.getDraft(source.draftId);
      if (!draft) throw missingDraft();
      const sections = await repos.drafts.getSections(source.draftId);
      const evidence = await repos.evidence.listEvidence(source.draftId);
      return { draft, sections, evidence, snapshot: null, created: null };
    }
    case 'submission': {
      const snapshot = await repos.snapshots.getSnapshot(source.snapshotId);
      // A snapshot of another draft would export the wrong participant's work under this one.
      if (!snapshot || snapshot.draftId !== source.draftId) {
        throw new ExportSourceError(
          'This submission is no longer stored, so it cannot be exported again. Go back to the draft and export it as it is now.',
        );
      }
      return {
        draft: snapshot.draft,
        sections: snapshot.sections,
        evidence: snapshot.evidence ?? [],
        snapshot,
        created: null,
      };
    }
    case 'new-submission': {
      let created: SnapshotRecord;
      try {
        created = await repos.snapshots.takeSnapshot(source.draftId, 'submission', source.label);
      } catch (error) {
        throw error instanceof DraftNotFoundError ? missingDraft() : error;
      }
      return {
        draft: created.draft,
        sections: created.sections,
        evidence: created.evidence ?? [],
        snapshot: created,
        created,
      };
    }
  }
}

/**
 * The feedback a submission answers: on the submissions sent before it (and feedback on none);
 * for an export of the draft as it is, all of it. A submission's own feedback came after it.
 */
async function feedbackAnswered(
  repos: Repositories,
  draftId: string,
  snapshot: SnapshotRecord | null,
): Promise<FeedbackItem[]> {
  const all = await repos.feedback.listFeedback(draftId);
  if (!snapshot) return all;
  const sentAt = new Map(
    (await repos.snapshots.listSubmissions(draftId)).map((s) => [s.id, s.createdAt]),
  );
  return all.filter((f) => {
    if (f.submissionId === null) return true;
    const at = sentAt.get(f.submissionId);
    return at !== undefined && at < snapshot.createdAt;
  });
}

/** The submission to summarise changes since, if the export asks for one. */
async function changesSince(
  repos: Repositories,
  spec: ExportSpec,
  snapshot: SnapshotRecord | null,
): Promise<SnapshotRecord | null> {
  const { changesSince: since, source } = spec;
  if (since === null) return null;
  if (since === 'previous') {
    // Sent before this export's content was taken: for an earlier submission, before it.
    const earlier = (await repos.snapshots.listSubmissions(source.draftId)).filter(
      (s) => s.id !== snapshot?.id && (!snapshot || s.createdAt < snapshot.createdAt),
    );
    return earlier.at(-1) ?? null;
  }
  const found = await repos.snapshots.getSnapshot(since.snapshotId);
  if (!found || found.draftId !== source.draftId) {
    throw new ExportSourceError(
      'The earlier submission to compare with is no longer stored. Export again without the summary of changes.',
    );
  }
  return found;
}

function templateOf(getTemplate: (id: string) => Template, templateId: string): Template {
  try {
    return getTemplate(templateId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExportSourceError(`${reason} Update AED Writer to export it.`);
  }
}

function missingDraft(): ExportSourceError {
  return new ExportSourceError(
    'This draft is not in your library (it may have been deleted), so there is nothing to export.',
  );
}
