import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { DraftRecord, EvidenceItem, FeedbackItem, SectionRecord } from '../../../shared/model';
import type { StoredBlob, StoredSnapshot } from './stored-records';

export const DEFAULT_DATABASE_NAME = 'aed-writer';

/**
 * Every schema version, in one place. A version is never edited once shipped: participants hold
 * months of writing in it. To change the schema, add `SCHEMA_V2` here (repeating only the tables
 * that change, or null to drop one), then in the constructor
 * `this.version(2).stores(SCHEMA_V2).upgrade(async (tx) => { ... })`, plus a fixture test that
 * opens a version-1 database and checks the upgraded records.
 *
 * Only indexed properties are listed; records hold more. `deletedAt` is null for live drafts, and
 * IndexedDB leaves null out of an index, so the `deletedAt` index holds exactly the trash.
 */
export const SCHEMA_V1 = {
  drafts: 'id, updatedAt, deletedAt, title',
  sections: '[draftId+sectionId], draftId',
  snapshots: 'id, draftId, createdAt, [draftId+createdAt]',
} as const;

/**
 * Version 2: submissions are found by an index instead of by reading every snapshot (each holds
 * a whole draft, and months of automatic versions add up). Only an index is added, so no record
 * changes and no upgrade function is needed.
 */
export const SCHEMA_V2 = {
  snapshots: 'id, draftId, createdAt, [draftId+createdAt], [draftId+kind]',
} as const;

/**
 * Version 3: History lists a draft's versions from an index alone. Each snapshot holds a whole
 * draft, so reading thousands to show their dates and labels took seconds; this index's keys
 * carry everything the list shows (see `SNAPSHOT_INFO_INDEX`). Only an index is added.
 */
export const SNAPSHOT_INFO_INDEX = '[draftId+createdAt+kind+wordCount+label+id]';
export const SCHEMA_V3 = {
  snapshots: `id, draftId, createdAt, [draftId+createdAt], [draftId+kind], ${SNAPSHOT_INFO_INDEX}`,
} as const;

/**
 * Version 4: evidence. `evidence` holds the items (what a file is and says: name, caption, tags);
 * `blobs` the bytes, one row per distinct content keyed by SHA-256, so duplicates of a draft and
 * its versions share them. A snapshot keeps its items' SHA-256s in `blobRefs` (see
 * stored-records.ts) so that whether any version still needs some bytes is read from an index.
 * Only tables and an index are added (no snapshot has evidence yet), so no upgrade function is
 * needed.
 */
export const SCHEMA_V4 = {
  evidence: 'id, draftId, sha256, [draftId+createdAt]',
  blobs: 'sha256',
  snapshots: `id, draftId, createdAt, [draftId+createdAt], [draftId+kind], ${SNAPSHOT_INFO_INDEX}, *blobRefs`,
} as const;

/**
 * Version 5: the Cohort Lead's feedback, one row per comment (with its replies) or per piece
 * typed in, listed per draft in the order it came. Feedback is not versioned: snapshots keep
 * none. Only a table is added.
 */
export const SCHEMA_V5 = {
  feedback: 'id, draftId, [draftId+createdAt]',
} as const;

export class AedDatabase extends Dexie {
  drafts!: Table<DraftRecord, string>;
  sections!: Table<SectionRecord, [string, string]>;
  snapshots!: Table<StoredSnapshot, string>;
  evidence!: Table<EvidenceItem, string>;
  blobs!: Table<StoredBlob, string>;
  feedback!: Table<FeedbackItem, string>;

  constructor(name: string = DEFAULT_DATABASE_NAME, options: DexieOptions = {}) {
    // 'strict' makes Chromium flush to disk before a write transaction reports success, so
    // "saved" on screen means saved even if the computer loses power a moment later.
    super(name, { ...options, chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2);
    this.version(3).stores(SCHEMA_V3);
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5);
  }
}

/**
 * Asks the browser not to evict this origin's storage under disk pressure (without it, Chromium
 * may clear IndexedDB of a "best-effort" origin). Resolves whether persistence is granted; false
 * where the API is missing (tests, old browsers) or refuses.
 */
export async function requestPersistence(
  storage: Pick<StorageManager, 'persist'> | undefined = typeof navigator === 'undefined'
    ? undefined
    : navigator.storage,
): Promise<boolean> {
  try {
    return (await storage?.persist?.()) ?? false;
  } catch {
    // A refusal is not an error the participant can act on; the app works either way.
    return false;
  }
}
