import type { EvidenceItem, SnapshotRecord } from '../../../shared/model';

/**
 * A snapshot as stored: the record, plus the SHA-256s of the bytes its evidence points at in
 * `blobRefs` (a multi-entry index, db.ts version 4), so which bytes some version still needs is
 * read from an index, never by loading versions (each holds a whole draft). Storage alone sees
 * the field: every snapshot read from the repositories comes without it.
 */
export type StoredSnapshot = SnapshotRecord & { blobRefs?: string[] };

/** The bytes of evidence: one row per distinct content, shared by every item showing it. */
export interface StoredBlob {
  sha256: string;
  blob: Blob;
}

/** The distinct SHA-256s of some evidence items. */
export function blobRefsOf(items: readonly EvidenceItem[]): string[] {
  return [...new Set(items.map((i) => i.sha256))];
}

export function toStoredSnapshot(snapshot: SnapshotRecord): StoredSnapshot {
  return snapshot.evidence ? { ...snapshot, blobRefs: blobRefsOf(snapshot.evidence) } : snapshot;
}

export function fromStoredSnapshot(stored: StoredSnapshot): SnapshotRecord {
  if (!('blobRefs' in stored)) return stored;
  const { blobRefs: _, ...snapshot } = stored;
  return snapshot;
}
