/**
 * Turning a verified backup into records to add as NEW drafts. Every id a record carries is
 * replaced (drafts, the draftId of sections and snapshots, the copies inside snapshots, snapshot
 * ids), so an import can never collide with or overwrite a draft already in the library, even
 * when the same backup is imported twice. Pure: the renderer writes the result in one transaction.
 */
import { editorStateWithoutInlineStyles } from '../inline-styles';
import type {
  DraftRecord,
  EvidenceItem,
  EvidenceMimeType,
  FeedbackItem,
  SectionRecord,
} from '../model';
import type { Backup, BackupSnapshotRecord } from './format';
import { attachmentPath } from './paths';

export interface PrepareImportOptions {
  /** Makes a fresh id (the repositories' crypto.randomUUID()); called once per draft and snapshot. */
  newId: () => string;
  /** The time of the import (ms since the epoch). */
  now: number;
}

/** An attached file to store for an imported draft. */
export interface ImportedFile {
  /** The NEW draft id. */
  draftId: string;
  name: string;
  /** The bytes as read from the backup (shared, not copied: treat as read-only). */
  bytes: Uint8Array;
}

/** The bytes of evidence to store, one per distinct content across the whole import. */
export interface ImportedBlob {
  sha256: string;
  /** The type of the first item that shows it. */
  mimeType: EvidenceMimeType;
  /** As read from the backup (shared, not copied: treat as read-only). */
  bytes: Uint8Array;
}

/** Records ready to add, in backup order; nothing in them is shared with the backup's records. */
export interface PreparedImport {
  drafts: DraftRecord[];
  sections: SectionRecord[];
  snapshots: BackupSnapshotRecord[];
  files: ImportedFile[];
  /** Evidence items of the new drafts (new ids). */
  evidence: EvidenceItem[];
  /** The bytes those items and the snapshots' items point at. */
  blobs: ImportedBlob[];
  /** Feedback of the new drafts (new ids, on the submissions' new ids). */
  feedback: FeedbackItem[];
  /** Old draft id → new draft id, e.g. to open the imported draft. */
  draftIds: ReadonlyMap<string, string>;
}

/**
 * Prepares a backup's drafts for import as new drafts. Titles and content stay as they are (but
 * for inline styles, which this editor never writes). An
 * imported draft is live (out of the trash, since importing it is asking for it back) and its
 * `updatedAt` is the import time, so it appears at the top of the library where the teacher
 * looks for it; sections and snapshots keep their own times. An evidence item gets a new id, the
 * same in the draft and in every snapshot that shows it, so restoring a version finds it again.
 */
export function prepareImport(backup: Backup, options: PrepareImportOptions): PreparedImport {
  const issued = new Set<string>();
  const fresh = (): string => {
    const id = options.newId();
    // A repeated id would make two imported records one; better to stop before writing.
    if (issued.has(id)) throw new Error(`prepareImport: newId() returned "${id}" twice`);
    issued.add(id);
    return id;
  };

  const draftIds = new Map<string, string>();
  const out: PreparedImport = {
    drafts: [],
    sections: [],
    snapshots: [],
    files: [],
    evidence: [],
    blobs: [],
    feedback: [],
    draftIds,
  };
  const blobs = new Map<string, ImportedBlob>();
  const sha256Of = new Map(backup.manifest.entries.map((e) => [e.path, e.sha256]));
  for (const item of backup.drafts) {
    const draftId = fresh();
    draftIds.set(item.draft.id, draftId);
    const itemIds = new Map<string, string>();
    const moveEvidence = (e: EvidenceItem): EvidenceItem => {
      let id = itemIds.get(e.id);
      if (id === undefined) itemIds.set(e.id, (id = fresh()));
      if (!blobs.has(e.sha256)) {
        // The reader checked every item has a file of its SHA-256 in its draft.
        const file = item.files.find(
          (f) => sha256Of.get(attachmentPath(item.draft.id, f.name)) === e.sha256,
        )!;
        blobs.set(e.sha256, { sha256: e.sha256, mimeType: e.mimeType, bytes: file.bytes });
      }
      return { ...structuredClone(e), id, draftId };
    };
    // Inline styles are dropped: this editor makes none, so a backup carrying them was edited to
    // hide text on screen that its export would still print.
    const moveSection = (s: SectionRecord): SectionRecord => ({
      ...structuredClone(s),
      draftId,
      editorState: editorStateWithoutInlineStyles(s.editorState),
    });
    out.drafts.push({
      ...structuredClone(item.draft),
      id: draftId,
      updatedAt: options.now,
      deletedAt: null,
    });
    out.sections.push(...item.sections.map(moveSection));
    const snapshotIds = new Map<string, string>();
    for (const snapshot of item.snapshots) {
      const id = fresh();
      snapshotIds.set(snapshot.id, id);
      out.snapshots.push({
        ...structuredClone(snapshot),
        id,
        draftId,
        draft: { ...structuredClone(snapshot.draft), id: draftId },
        sections: snapshot.sections.map(moveSection),
        ...(snapshot.evidence ? { evidence: snapshot.evidence.map(moveEvidence) } : {}),
      });
    }
    out.evidence.push(...(item.evidence ?? []).map(moveEvidence));
    // Feedback stays on its submission; on one the backup does not hold, it is kept unattached.
    out.feedback.push(
      ...(item.feedback ?? []).map((f) => ({
        ...structuredClone(f),
        id: fresh(),
        draftId,
        submissionId: (f.submissionId && snapshotIds.get(f.submissionId)) ?? null,
      })),
    );
    for (const file of item.files) out.files.push({ draftId, name: file.name, bytes: file.bytes });
  }
  out.blobs.push(...blobs.values());
  return out;
}
