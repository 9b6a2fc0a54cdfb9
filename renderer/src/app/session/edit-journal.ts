/**
 * The journal of unsaved edits: for each section with changes not yet in IndexedDB, the patch
 * the save queue would write, kept in `localStorage`. Unlike IndexedDB, a `localStorage` write
 * is done when the call returns, so it holds even when the page goes at once after it (a reload,
 * a closed tab, a browser that quits without running the page's handlers); the next open of the
 * draft replays it through the draft session (draft-session.ts), as VS Code's hot exit does.
 *
 * One key per draft and section, `aed-journal:<draftId>:<sectionId>`, holding a JournalEntry as
 * JSON. This is a storage format: a later version must read entries of version 1 (README, "Edit
 * journal"). `localStorage` is shared with the web build's print jobs; the journal goes first.
 */
import type { CriterionAssessment, SectionPatch } from '../../../../shared/model';
import { dropPrintJobs } from '../../platform/web-print-jobs';

export const JOURNAL_VERSION = 1;
const KEY_PREFIX = 'aed-journal:';

export interface JournalEntry {
  version: typeof JOURNAL_VERSION;
  draftId: string;
  sectionId: string;
  /** When it was written (ms since epoch): it holds everything typed in the section until then. */
  at: number;
  /**
   * The `updatedAt` of the stored section the patch was made over, or null when that was not
   * known (or the section not stored yet).
   */
  base: number | null;
  /** What the save queue would write, merged over the stored section as a save does. */
  patch: SectionPatch;
}

export function journalKey(draftId: string, sectionId: string): string {
  return `${KEY_PREFIX}${draftId}:${sectionId}`;
}

/** The browser's `localStorage`, or null where there is none or it is refused (some privacy modes). */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export class EditJournal {
  private warned = false;

  constructor(private readonly storage: Storage | null = browserStorage()) {}

  /**
   * Keeps the entry, replacing the section's previous one. When storage is full, the print jobs
   * kept for print tabs go first. Returns false when it still cannot be kept.
   */
  write(entry: JournalEntry): boolean {
    if (!this.storage) return false;
    const key = journalKey(entry.draftId, entry.sectionId);
    const value = JSON.stringify(entry);
    try {
      this.storage.setItem(key, value);
      return true;
    } catch {
      dropPrintJobs(this.storage);
    }
    try {
      this.storage.setItem(key, value);
      return true;
    } catch (error) {
      if (!this.warned) console.warn('The edit journal could not be written:', error);
      this.warned = true;
      return false;
    }
  }

  remove(draftId: string, sectionId: string): void {
    try {
      this.storage?.removeItem(journalKey(draftId, sectionId));
    } catch {
      // Nothing to do: a stale entry is skipped on replay (the stored section is newer).
    }
  }

  /** Removes every entry of the draft (of any version). */
  removeDraft(draftId: string): void {
    const prefix = `${KEY_PREFIX}${draftId}:`;
    try {
      const keys: string[] = [];
      for (let i = 0; i < (this.storage?.length ?? 0); i++) {
        const key = this.storage!.key(i);
        if (key?.startsWith(prefix)) keys.push(key);
      }
      for (const key of keys) this.storage!.removeItem(key);
    } catch {
      // Storage that cannot be listed: the entries stay, and are never replayed (no draft).
    }
  }

  /**
   * The draft's entries this version can read. Entries of a newer version are left for it;
   * unreadable ones are removed (they cannot be replayed by any version).
   */
  entries(draftId: string): JournalEntry[] {
    if (!this.storage) return [];
    const prefix = `${KEY_PREFIX}${draftId}:`;
    const found: JournalEntry[] = [];
    const unreadable: string[] = [];
    try {
      for (let i = 0; i < this.storage.length; i++) {
        const key = this.storage.key(i);
        if (key === null || !key.startsWith(prefix)) continue;
        const entry = parseEntry(this.storage.getItem(key));
        if (entry === 'newer') continue;
        if (entry && journalKey(entry.draftId, entry.sectionId) === key) found.push(entry);
        else unreadable.push(key);
      }
      for (const key of unreadable) this.storage.removeItem(key);
    } catch {
      return found;
    }
    return found;
  }
}

const ASSESSMENTS: ReadonlySet<unknown> = new Set<CriterionAssessment>([
  'not-yet',
  'partly',
  'met',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function entriesAll(value: unknown, check: (v: unknown) => boolean): boolean {
  return isRecord(value) && Object.values(value).every(check);
}

/**
 * The patch's shape, checked by hand (no zod in the start-up code). Content limits are not
 * checked: the app wrote this, and refusing it would lose the words it holds.
 */
function isPatch(value: unknown): value is SectionPatch {
  if (!isRecord(value)) return false;
  return Object.entries(value).every(([key, v]) => {
    switch (key) {
      case 'editorState':
        return v === null || typeof v === 'string';
      case 'text':
        return typeof v === 'string';
      case 'wordCount':
        return isTime(v);
      case 'fields':
        return entriesAll(v, (f) => f === null || typeof f === 'string' || typeof f === 'number');
      case 'domains':
        return Array.isArray(v) && v.every((d) => typeof d === 'string');
      case 'criteria':
        return entriesAll(v, (c) => ASSESSMENTS.has(c));
      case 'criteriaDetail':
        return entriesAll(
          v,
          (d) =>
            isRecord(d) &&
            typeof d.note === 'string' &&
            Array.isArray(d.sections) &&
            d.sections.every((s) => typeof s === 'string'),
        );
      default:
        return false;
    }
  });
}

function parseEntry(text: string | null): JournalEntry | 'newer' | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
  if (!isRecord(raw) || !Number.isSafeInteger(raw.version)) return null;
  if ((raw.version as number) > JOURNAL_VERSION) return 'newer';
  const { version, draftId, sectionId, at, base, patch } = raw;
  if (version !== JOURNAL_VERSION || typeof draftId !== 'string' || typeof sectionId !== 'string')
    return null;
  if (!isTime(at) || !(base === null || isTime(base)) || !isPatch(patch)) return null;
  return { version, draftId, sectionId, at, base, patch };
}
