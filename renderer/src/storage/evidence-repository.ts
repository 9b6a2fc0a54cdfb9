import { sha256Hex } from '../../../shared/backup/checksums';
import {
  MAX_CAPTION_CHARS,
  MAX_EVIDENCE_ITEMS,
  MAX_FILE_NAME_CHARS,
} from '../../../shared/content-limits';
import { checkEvidenceFile, evidenceSizeProblem } from '../../../shared/evidence-file';
import { formatIsoDate } from '../../../shared/export/text';
import type { EvidenceItem, EvidenceMimeType, EvidencePatch } from '../../../shared/model';
import type { Template } from '../../../shared/template';
import { getTemplate as getBuiltInTemplate } from '../../../shared/templates';
import { putBlobs, sweepBlobs } from './blob-store';
import type { AedDatabase } from './db';
import { DraftNotFoundError } from './drafts-repository';

/** A file to add: a `File` from a chooser or a drop is one. */
export interface EvidenceFile {
  readonly name: string;
  /** ms since the epoch: the item's date by default. */
  readonly lastModified: number;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface AddEvidenceResult {
  /** The new items, in the order the files were given. */
  added: EvidenceItem[];
  /** Names of files whose content the draft's evidence already holds (not added again). */
  alreadyThere: string[];
  /** For each file, in the order given, the item holding its content (new or already there). */
  items: EvidenceItem[];
}

/** A batch of files refused; nothing of it was added. The message names the file and why. */
export class EvidenceRejectedError extends Error {
  override name = 'EvidenceRejectedError';
  constructor(
    message: string,
    /** The first file that could not be added. */
    readonly fileName: string,
  ) {
    super(message);
  }
}

/**
 * A draft's evidence: items (what each file is and what the participant says about it) and the
 * bytes, stored once per distinct content. Reads are query functions for `useLiveQuery`; each
 * write is one transaction that also marks the draft edited.
 */
export interface EvidenceRepository {
  /** The draft's items, oldest first (the order they were added). */
  listEvidence: (draftId: string) => Promise<EvidenceItem[]>;
  getEvidence: (id: string) => Promise<EvidenceItem | undefined>;
  /** An item's bytes as a Blob of its MIME type (for a `blob:` URL, an export, a backup). */
  getEvidenceBlob: (id: string) => Promise<Blob | undefined>;
  /** Bytes by SHA-256, e.g. for an item of a snapshot (which points at them, as items do). */
  getBlob: (sha256: string, mimeType: EvidenceMimeType) => Promise<Blob | undefined>;
  /**
   * Adds files to the draft's evidence, all or nothing: if one is over the size limit or of a
   * type that cannot be kept, rejects with an EvidenceRejectedError naming it and adds none. A
   * file whose content the draft already holds is not added twice.
   */
  addEvidence: (draftId: string, files: readonly EvidenceFile[]) => Promise<AddEvidenceResult>;
  /** Changes an item's caption, date or tags (tags are kept in template order, unknown dropped). */
  updateEvidence: (id: string, patch: EvidencePatch) => Promise<void>;
  /**
   * Tags an item with one stage, domain or criterion, or untags it, against the item as stored
   * when the write runs: quick clicks on several tags each keep the others'.
   */
  setEvidenceTag: (id: string, kind: EvidenceTagKind, tag: string, on: boolean) => Promise<void>;
  /** Removes an item; its bytes go too unless another item or a version still shows them. */
  removeEvidence: (id: string) => Promise<void>;
}

export type EvidenceTagKind = 'stages' | 'domains' | 'criteria';

export interface EvidenceRepositoryOptions {
  now?: () => number;
  newId?: () => string;
  getTemplate?: (templateId: string) => Template;
}

const NOT_STORED = 'That evidence is no longer stored.';

export function createEvidenceRepository(
  db: AedDatabase,
  options: EvidenceRepositoryOptions = {},
): EvidenceRepository {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const templateOf = options.getTemplate ?? getBuiltInTemplate;

  const typed = (blob: Blob, mimeType: string) =>
    blob.type === mimeType ? blob : blob.slice(0, blob.size, mimeType);

  /** Tags as stored: known ids only, once each, in template order. */
  function tagsIn(order: readonly string[], tags: readonly string[]): string[] {
    return order.filter((id) => tags.includes(id));
  }

  /** Applies the patch made from the item as stored, in one transaction. */
  function update(id: string, patchOf: (item: EvidenceItem) => EvidencePatch): Promise<void> {
    return db.transaction('rw', db.drafts, db.evidence, async () => {
      const item = await db.evidence.get(id);
      if (!item) throw new Error(NOT_STORED);
      const draft = await db.drafts.get(item.draftId);
      if (!draft) throw new DraftNotFoundError(item.draftId);
      const patch = patchOf(item);
      const template = (() => {
        try {
          return templateOf(draft.templateId);
        } catch {
          return null;
        }
      })();
      const changes: Partial<EvidenceItem> = {};
      if (patch.caption !== undefined) changes.caption = patch.caption.slice(0, MAX_CAPTION_CHARS);
      if (patch.date !== undefined && isDay(patch.date)) changes.date = patch.date;
      const kinds = [
        ['stages', template?.stages],
        ['domains', template?.domains],
        ['criteria', template?.criteria],
      ] as const;
      for (const [kind, known] of kinds) {
        const tags = patch[kind];
        // A draft of a template this version lacks keeps the tags it has.
        if (tags !== undefined && known) {
          changes[kind] = tagsIn(
            known.map((k) => k.id),
            tags,
          );
        }
      }
      await db.evidence.update(id, changes);
      await db.drafts.update(item.draftId, { updatedAt: now() });
    });
  }

  return {
    listEvidence: (draftId) =>
      db.evidence
        .where('[draftId+createdAt]')
        .between([draftId, -Infinity], [draftId, Infinity])
        .toArray(),

    getEvidence: (id) => db.evidence.get(id),

    getEvidenceBlob: async (id) => {
      const item = await db.evidence.get(id);
      const stored = item && (await db.blobs.get(item.sha256));
      return stored ? typed(stored.blob, item.mimeType) : undefined;
    },

    getBlob: async (sha256, mimeType) => {
      const stored = await db.blobs.get(sha256);
      return stored ? typed(stored.blob, mimeType) : undefined;
    },

    async addEvidence(draftId, files) {
      // Every file is checked before anything is written; the bytes stored are the bytes hashed.
      const checked: Array<{
        file: EvidenceFile;
        mimeType: EvidenceMimeType;
        sha256: string;
        size: number;
      }> = [];
      const blobs = new Map<string, Blob>();
      // Sizes first: a batch with a film of gigabytes in it is refused before anything is read.
      for (const file of files) {
        const tooLarge = evidenceSizeProblem(file.name, file.size);
        if (tooLarge) throw rejected(file.name, tooLarge);
      }
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const check = checkEvidenceFile(file.name, bytes);
        if (!check.ok) throw rejected(file.name, check.reason);
        const sha256 = await sha256Hex(bytes);
        if (!blobs.has(sha256)) blobs.set(sha256, new Blob([bytes], { type: check.mimeType }));
        checked.push({ file, mimeType: check.mimeType, sha256, size: bytes.length });
      }

      return db.transaction('rw', db.drafts, db.evidence, db.blobs, async () => {
        const draft = await db.drafts.get(draftId);
        if (!draft) throw new DraftNotFoundError(draftId);
        const existing = await db.evidence.where('draftId').equals(draftId).toArray();
        const held = new Map(existing.map((e) => [e.sha256, e]));
        const t = now();
        // After every item already there, so a batch added in the same millisecond as the last
        // one still lists after it.
        const first = Math.max(t, ...existing.map((e) => e.createdAt + 1));
        const added: EvidenceItem[] = [];
        const alreadyThere: string[] = [];
        const items: EvidenceItem[] = [];
        for (const { file, mimeType, sha256, size } of checked) {
          const there = held.get(sha256);
          if (there) {
            alreadyThere.push(file.name);
            items.push(there);
            continue;
          }
          const item: EvidenceItem = {
            id: newId(),
            draftId,
            fileName: file.name.slice(0, MAX_FILE_NAME_CHARS),
            mimeType,
            size,
            sha256,
            caption: '',
            date: formatIsoDate(new Date(file.lastModified)),
            stages: [],
            domains: [],
            criteria: [],
            // One millisecond apart, so the list keeps the order the files were chosen in.
            createdAt: first + added.length,
          };
          held.set(sha256, item);
          added.push(item);
          items.push(item);
        }
        if (added.length === 0) return { added, alreadyThere, items };
        if (existing.length + added.length > MAX_EVIDENCE_ITEMS) {
          throw rejected(
            added[0]!.fileName,
            `a draft can hold at most ${MAX_EVIDENCE_ITEMS.toLocaleString('en-GB')} evidence files, and this one has ${existing.length}.`,
          );
        }
        await putBlobs(
          db,
          added.map((item) => ({ sha256: item.sha256, blob: blobs.get(item.sha256)! })),
        );
        await db.evidence.bulkAdd(added);
        await db.drafts.update(draftId, { updatedAt: t });
        return { added, alreadyThere, items };
      });
    },

    updateEvidence: (id, patch) => update(id, () => patch),

    setEvidenceTag: (id, kind, tag, on) =>
      update(id, (item) => ({
        [kind]: on ? [...item[kind], tag] : item[kind].filter((t) => t !== tag),
      })),

    removeEvidence: (id) =>
      db.transaction('rw', db.drafts, db.evidence, db.snapshots, db.blobs, async () => {
        const item = await db.evidence.get(id);
        if (!item) return;
        await db.evidence.delete(id);
        await sweepBlobs(db);
        await db.drafts.update(item.draftId, { updatedAt: now() });
      }),
  };
}

function rejected(fileName: string, reason: string): EvidenceRejectedError {
  return new EvidenceRejectedError(`Nothing was added: ${reason}`, fileName);
}

/** `YYYY-MM-DD` of a real day, or '' (no date). */
function isDay(value: string): boolean {
  if (value === '') return true;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
