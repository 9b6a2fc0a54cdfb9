import type {
  ImportedBlob,
  PreparedImport,
  WriteBackupDraft,
  BackupFile,
} from '../../../shared/backup';
import { evidenceExtension } from '../../../shared/evidence-file';
import type { EvidenceItem, SectionRecord } from '../../../shared/model';
import { putBlobs, sweepBlobs } from './blob-store';
import type { AedDatabase } from './db';
import { withUnsaved, type UnsavedChange } from './section-patch';
import { snapshotDraft } from './snapshot-draft';
import type { SnapshotRecord } from './snapshot-types';
import { blobRefsOf, fromStoredSnapshot, toStoredSnapshot } from './stored-records';

/** A backup's evidence for a draft being replaced: its items and the bytes they point at. */
export interface ReplacementEvidence {
  items: readonly EvidenceItem[];
  blobs: readonly ImportedBlob[];
}

/**
 * What backups read from and write to storage. The file format (shared/backup) stays outside:
 * this deals in records only, each operation one transaction.
 */
export interface BackupsRepository {
  /**
   * Drafts with their sections, snapshots and evidence (items, and as files the bytes they and
   * the snapshots' items point at), read in one transaction so a draft and its sections match.
   * An item whose bytes cannot be read is left out rather than failing the whole backup.
   * `unsaved` changes (still in an autosave queue) go over the stored sections: a backup made
   * because storage is failing must hold the text that is only on screen. Rejects if a draft is
   * no longer stored.
   */
  readDrafts: (
    draftIds: readonly string[],
    unsaved?: readonly UnsavedChange[],
  ) => Promise<WriteBackupDraft[]>;
  /** Adds an import's records (all new ids) and bytes in one transaction: all of them, or none. */
  addDrafts: (prepared: PreparedImport) => Promise<void>;
  /**
   * Replaces a draft's sections (and, when given, its evidence) with a backup's, after keeping a
   * restore point of the draft as it is (with `unsaved` over it: changes only on screen go
   * there, never into the draft), so the replacement can be undone from History. Resolves the
   * restore point. Feedback stays as it is: it is on submissions, which are not replaced.
   */
  replaceDraft: (
    draftId: string,
    replacement: {
      sections: readonly SectionRecord[];
      label: string;
      evidence?: ReplacementEvidence | undefined;
    },
    unsaved?: readonly UnsavedChange[],
  ) => Promise<SnapshotRecord>;
}

const GONE = 'That draft is no longer in your library.';

/** A backup's name for some bytes: their SHA-256, so each distinct content is one file. */
function fileNameFor(item: EvidenceItem): string {
  return `${item.sha256}${evidenceExtension(item.mimeType)}`;
}

export function createBackupsRepository(
  db: AedDatabase,
  options: { now?: () => number; newId?: () => string } = {},
): BackupsRepository {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  return {
    readDrafts: async (draftIds, unsaved = []) => {
      const t = now();
      const read = await db.transaction(
        'r',
        [db.drafts, db.sections, db.snapshots, db.evidence, db.blobs, db.feedback],
        () =>
          Promise.all(
            draftIds.map(async (id) => {
              const draft = await db.drafts.get(id);
              if (!draft) throw new Error(GONE);
              const stored = await db.sections.where('draftId').equals(id).toArray();
              const snapshots = await db.snapshots.where('draftId').equals(id).toArray();
              const evidence = await db.evidence
                .where('[draftId+createdAt]')
                .between([id, -Infinity], [id, Infinity])
                .toArray();
              const shown = new Map<string, EvidenceItem>();
              for (const item of [...evidence, ...snapshots.flatMap((s) => s.evidence ?? [])]) {
                if (!shown.has(item.sha256)) shown.set(item.sha256, item);
              }
              const blobs = await db.blobs.bulkGet([...shown.keys()]);
              const feedback = await db.feedback
                .where('[draftId+createdAt]')
                .between([id, -Infinity], [id, Infinity])
                .toArray();
              return {
                draft,
                feedback,
                sections: withUnsaved(id, stored, unsaved, t),
                snapshots: snapshots.map(fromStoredSnapshot),
                evidence,
                blobs: [...shown.values()].map((item, i) => ({ item, blob: blobs[i]?.blob })),
              };
            }),
          ),
      );
      // Bytes are read once the transaction is over: a Blob stays readable after it, and
      // waiting on anything but the database inside a transaction would end it early.
      return Promise.all(
        read.map(async ({ blobs, ...draft }) => {
          const files: BackupFile[] = [];
          const unreadable = new Set<string>();
          for (const { item, blob } of blobs) {
            try {
              if (!blob) throw new Error('no stored bytes');
              files.push({
                name: fileNameFor(item),
                bytes: new Uint8Array(await blob.arrayBuffer()),
              });
            } catch (e) {
              // A backup is made because storage may be failing: one file that cannot be read
              // must not cost the text. The items that show it are left out of this backup.
              console.warn(`“${item.fileName}” is left out of the backup`, e);
              unreadable.add(item.sha256);
            }
          }
          if (unreadable.size === 0) return { ...draft, files };
          const readable = (items: readonly EvidenceItem[]) =>
            items.filter((i) => !unreadable.has(i.sha256));
          return {
            ...draft,
            files,
            evidence: readable(draft.evidence),
            snapshots: draft.snapshots.map((s) =>
              s.evidence ? { ...s, evidence: readable(s.evidence) } : s,
            ),
          };
        }),
      );
    },

    addDrafts: (prepared) =>
      db.transaction(
        'rw',
        [db.drafts, db.sections, db.snapshots, db.evidence, db.blobs, db.feedback],
        async () => {
          await db.drafts.bulkAdd(prepared.drafts);
          await db.sections.bulkAdd(prepared.sections);
          await db.snapshots.bulkAdd(prepared.snapshots.map(toStoredSnapshot));
          await putBlobs(db, prepared.blobs.map(storedBlob));
          await db.evidence.bulkAdd(prepared.evidence);
          await db.feedback.bulkAdd(prepared.feedback);
        },
      ),

    replaceDraft: (draftId, replacement, unsaved) =>
      db.transaction(
        'rw',
        [db.drafts, db.sections, db.snapshots, db.evidence, db.blobs],
        async () => {
          if (!(await db.drafts.get(draftId))) throw new Error(GONE);
          const t = now();
          const point = await snapshotDraft(db, {
            draftId,
            kind: 'before-restore',
            label: replacement.label,
            unsaved,
            id: newId(),
            createdAt: t,
          });
          await db.sections.where('draftId').equals(draftId).delete();
          await db.sections.bulkAdd(
            replacement.sections.map((s) => ({ ...s, draftId, updatedAt: t })),
          );
          const evidence = replacement.evidence;
          if (evidence) {
            const needed = new Set(blobRefsOf(evidence.items));
            await putBlobs(db, evidence.blobs.filter((b) => needed.has(b.sha256)).map(storedBlob));
            await db.evidence.where('draftId').equals(draftId).delete();
            // New ids: the backup may be of another draft of this library, whose items keep theirs.
            await db.evidence.bulkAdd(
              evidence.items.map((item) => ({ ...item, id: newId(), draftId })),
            );
            await sweepBlobs(db);
          }
          await db.drafts.update(draftId, { updatedAt: t });
          return point;
        },
      ),
  };
}

function storedBlob(blob: ImportedBlob): { sha256: string; blob: Blob } {
  // Blob wants a view of an ArrayBuffer; a view of anything else is copied.
  const bytes =
    blob.bytes.buffer instanceof ArrayBuffer
      ? (blob.bytes as Uint8Array<ArrayBuffer>)
      : blob.bytes.slice();
  return { sha256: blob.sha256, blob: new Blob([bytes], { type: blob.mimeType }) };
}
