import { MAX_TITLE_CHARS } from '../../../shared/content-limits';
import type { DraftRecord, SectionPatch, SectionRecord } from '../../../shared/model';
import { emptySection } from '../../../shared/model';
import type { Template } from '../../../shared/template';
import { getTemplate as getBuiltInTemplate } from '../../../shared/templates';
import { sweepBlobs } from './blob-store';
import type { AedDatabase } from './db';
import { applySectionPatch } from './section-patch';
import { findSnippet, foldQuery, type SearchSnippet } from './search-text';

export const UNTITLED_DRAFT = 'Untitled draft';

export interface DraftsRepositoryOptions {
  /** The clock stamped on records (ms since epoch); tests pass their own. */
  now?: () => number;
  newId?: () => string;
  getTemplate?: (templateId: string) => Template;
}

export interface NewDraft {
  title: string;
  templateId: string;
}

/** Where a search matched inside a draft, for the library to show a snippet. */
export interface SectionSearchMatch {
  sectionId: string;
  /** The field that matched, or null when the match is in the section's rich text. */
  fieldId: string | null;
  snippet: SearchSnippet;
}

export interface DraftSearchResult {
  draft: DraftRecord;
  titleMatch: boolean;
  /** At most one match a section, in template order. */
  matches: SectionSearchMatch[];
}

export class DraftNotFoundError extends Error {
  constructor(readonly draftId: string) {
    super(`There is no draft with id "${draftId}".`);
    this.name = 'DraftNotFoundError';
  }
}

/** A write refused because the draft was moved to the trash (in this window or another). */
export class DraftTrashedError extends Error {
  constructor(readonly draftId: string) {
    super(`The draft with id "${draftId}" is in the trash.`);
    this.name = 'DraftTrashedError';
  }
}

/**
 * Everything the UI reads or writes about drafts. Every read is a query function that can run
 * inside Dexie's `liveQuery` / `useLiveQuery` (it only awaits Dexie), so screens re-render when
 * the data changes. Every write is one transaction, and rejects when Dexie does. Members are
 * plain functions (no `this`), so they can be passed on detached: `useLiveQuery(repo.listTrash)`.
 */
export interface DraftsRepository {
  createDraft: (input: NewDraft) => Promise<DraftRecord>;
  getDraft: (id: string) => Promise<DraftRecord | undefined>;
  /** Drafts not in the trash, most recently edited first. */
  listDrafts: () => Promise<DraftRecord[]>;
  /** Drafts in the trash, most recently trashed first. */
  listTrash: () => Promise<DraftRecord[]>;
  /**
   * Drafts not in the trash whose title, section text or field values contain the query (case,
   * accents and white space ignored), most recently edited first. A blank query lists them all.
   */
  searchDrafts: (query: string) => Promise<DraftSearchResult[]>;
  renameDraft: (id: string, title: string) => Promise<void>;
  duplicateDraft: (id: string, title?: string) => Promise<DraftRecord>;
  trashDraft: (id: string) => Promise<void>;
  restoreDraft: (id: string) => Promise<void>;
  /**
   * Deletes the draft with its sections, snapshots, evidence and feedback (and the bytes nothing else
   * shows); there is no undo.
   */
  deleteForever: (id: string) => Promise<void>;
  /** Deletes every draft in the trash as deleteForever does; resolves how many. */
  emptyTrash: () => Promise<number>;
  setLastSection: (draftId: string, sectionId: string) => Promise<void>;
  /** The draft's stored sections in template order (unknown sections last). */
  getSections: (draftId: string) => Promise<SectionRecord[]>;
  getSection: (draftId: string, sectionId: string) => Promise<SectionRecord | undefined>;
  /**
   * Merges the patch over the section and marks the draft edited; resolves the record written.
   * With `base` (the section as this writer last read or wrote it, which holding the draft's lock
   * makes current) the write is issued before anything is read, so a page being unloaded has
   * started it; without, the stored section (or an empty one) is read first. Rejects, writing
   * nothing, when the draft is gone (DraftNotFoundError) or in the trash (DraftTrashedError).
   */
  saveSection: (
    draftId: string,
    sectionId: string,
    patch: SectionPatch,
    base?: SectionRecord,
  ) => Promise<SectionRecord>;
}

/** A title as stored: trimmed, never empty, and within the limit a backup accepts (a title
 * longer than that would make the draft impossible to back up). */
export function normalizeTitle(title: string): string {
  return (title.trim() || UNTITLED_DRAFT).slice(0, MAX_TITLE_CHARS).trimEnd();
}

export function createDraftsRepository(
  db: AedDatabase,
  options: DraftsRepositoryOptions = {},
): DraftsRepository {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const templateOf = options.getTemplate ?? getBuiltInTemplate;

  /** Section id → position in the template; empty when the template is unknown. */
  function sectionOrder(templateId: string): Map<string, number> {
    try {
      return new Map(templateOf(templateId).sections.map((s, i) => [s.id, i]));
    } catch {
      // A draft from a template this version lacks still opens; its sections keep stored order.
      return new Map();
    }
  }

  function inTemplateOrder(templateId: string, sections: SectionRecord[]): SectionRecord[] {
    const order = sectionOrder(templateId);
    const rank = (s: SectionRecord) => order.get(s.sectionId) ?? Number.MAX_SAFE_INTEGER;
    return [...sections].sort((a, b) => rank(a) - rank(b));
  }

  /**
   * Refuses a write to a draft deleted for ever (it would leave an orphan section) or in the
   * trash (the words would go with it when the trash is emptied; the session keeps them instead).
   */
  function checkWritable(id: string, draft: DraftRecord | undefined): void {
    if (!draft) throw new DraftNotFoundError(id);
    if (draft.deletedAt !== null) throw new DraftTrashedError(id);
  }

  async function updateDraft(id: string, changes: Partial<DraftRecord>): Promise<void> {
    const updated = await db.drafts.update(id, changes);
    if (updated === 0) throw new DraftNotFoundError(id);
  }

  function matchSection(section: SectionRecord, foldedQuery: string): SectionSearchMatch | null {
    for (const [fieldId, value] of Object.entries(section.fields)) {
      if (value === null) continue;
      const snippet = findSnippet(String(value), foldedQuery);
      if (snippet) return { sectionId: section.sectionId, fieldId, snippet };
    }
    const snippet = findSnippet(section.text, foldedQuery);
    return snippet ? { sectionId: section.sectionId, fieldId: null, snippet } : null;
  }

  function listDrafts(): Promise<DraftRecord[]> {
    return db.drafts
      .orderBy('updatedAt')
      .reverse()
      .filter((d) => d.deletedAt === null)
      .toArray();
  }

  return {
    async createDraft({ title, templateId }) {
      const template = templateOf(templateId);
      const t = now();
      const draft: DraftRecord = {
        id: newId(),
        title: normalizeTitle(title),
        templateId: template.id,
        templateVersion: template.version,
        createdAt: t,
        updatedAt: t,
        deletedAt: null,
        lastSectionId: null,
      };
      const sections = template.sections.map((s) => emptySection(draft.id, s.id, t));
      await db.transaction('rw', db.drafts, db.sections, async () => {
        await db.drafts.add(draft);
        await db.sections.bulkAdd(sections);
      });
      return draft;
    },

    getDraft(id) {
      return db.drafts.get(id);
    },

    listDrafts,

    listTrash() {
      // Only trashed drafts have a key in the deletedAt index (null is not indexed).
      return db.drafts.orderBy('deletedAt').reverse().toArray();
    },

    async searchDrafts(query) {
      const drafts = await listDrafts();
      const foldedQuery = foldQuery(query);
      if (foldedQuery === '') {
        return drafts.map((draft) => ({ draft, titleMatch: false, matches: [] }));
      }
      const sections = await db.sections
        .where('draftId')
        .anyOf(drafts.map((d) => d.id))
        .toArray();
      const byDraft = new Map<string, SectionRecord[]>();
      for (const s of sections) {
        const list = byDraft.get(s.draftId);
        if (list) list.push(s);
        else byDraft.set(s.draftId, [s]);
      }
      const results: DraftSearchResult[] = [];
      for (const draft of drafts) {
        const titleMatch = findSnippet(draft.title, foldedQuery) !== null;
        const matches = inTemplateOrder(draft.templateId, byDraft.get(draft.id) ?? [])
          .map((s) => matchSection(s, foldedQuery))
          .filter((m): m is SectionSearchMatch => m !== null);
        if (titleMatch || matches.length > 0) results.push({ draft, titleMatch, matches });
      }
      return results;
    },

    async renameDraft(id, title) {
      await updateDraft(id, { title: normalizeTitle(title), updatedAt: now() });
    },

    async duplicateDraft(id, title) {
      return db.transaction('rw', db.drafts, db.sections, db.evidence, async () => {
        const source = await db.drafts.get(id);
        if (!source) throw new DraftNotFoundError(id);
        const sections = await db.sections.where('draftId').equals(id).toArray();
        const evidence = await db.evidence.where('draftId').equals(id).toArray();
        const t = now();
        const copy: DraftRecord = {
          ...source,
          id: newId(),
          title: normalizeTitle(title ?? `${source.title} (copy)`),
          createdAt: t,
          updatedAt: t,
          deletedAt: null,
        };
        await db.drafts.add(copy);
        // structuredClone so the copy shares no nested object with the source, even in memory.
        await db.sections.bulkAdd(
          sections.map((s) => ({ ...structuredClone(s), draftId: copy.id, updatedAt: t })),
        );
        // The copy's items point at the same bytes: a duplicate costs no second copy of a file.
        // Feedback stays with the original: it is on submissions, and a copy starts with none.
        await db.evidence.bulkAdd(
          evidence.map((e) => ({ ...structuredClone(e), id: newId(), draftId: copy.id })),
        );
        return copy;
      });
    },

    async trashDraft(id) {
      // updatedAt is kept so a restored draft returns to its place in the library.
      await updateDraft(id, { deletedAt: now() });
    },

    async restoreDraft(id) {
      await updateDraft(id, { deletedAt: null });
    },

    async deleteForever(id) {
      await db.transaction(
        'rw',
        [db.drafts, db.sections, db.snapshots, db.evidence, db.blobs, db.feedback],
        async () => {
          await db.sections.where('draftId').equals(id).delete();
          await db.snapshots.where('draftId').equals(id).delete();
          await db.evidence.where('draftId').equals(id).delete();
          await db.feedback.where('draftId').equals(id).delete();
          await db.drafts.delete(id);
          await sweepBlobs(db);
        },
      );
    },

    async emptyTrash() {
      return db.transaction(
        'rw',
        [db.drafts, db.sections, db.snapshots, db.evidence, db.blobs, db.feedback],
        async () => {
          const ids = await db.drafts.orderBy('deletedAt').primaryKeys();
          if (ids.length === 0) return 0;
          await db.sections.where('draftId').anyOf(ids).delete();
          await db.snapshots.where('draftId').anyOf(ids).delete();
          await db.evidence.where('draftId').anyOf(ids).delete();
          await db.feedback.where('draftId').anyOf(ids).delete();
          await db.drafts.bulkDelete(ids);
          await sweepBlobs(db);
          return ids.length;
        },
      );
    },

    async setLastSection(draftId, sectionId) {
      // Moving between sections is not an edit: updatedAt stays, so the library order holds.
      await updateDraft(draftId, { lastSectionId: sectionId });
    },

    async getSections(draftId) {
      const draft = await db.drafts.get(draftId);
      const sections = await db.sections.where('draftId').equals(draftId).toArray();
      return draft ? inTemplateOrder(draft.templateId, sections) : sections;
    },

    getSection(draftId, sectionId) {
      return db.sections.get([draftId, sectionId]);
    },

    saveSection(draftId, sectionId, patch, base) {
      return db.transaction('rw', db.drafts, db.sections, async () => {
        const t = now();
        if (base) {
          if (base.draftId !== draftId || base.sectionId !== sectionId) {
            throw new Error(`The base given is not section "${sectionId}" of draft "${draftId}".`);
          }
          const record = applySectionPatch(base, patch, t);
          // The put goes first, in this very task; the draft is read alongside. Throwing after
          // it aborts the transaction, undoing the put.
          const [, draft] = await Promise.all([db.sections.put(record), db.drafts.get(draftId)]);
          checkWritable(draftId, draft);
          await db.drafts.update(draftId, { updatedAt: t });
          return record;
        }
        checkWritable(draftId, await db.drafts.get(draftId));
        const stored =
          (await db.sections.get([draftId, sectionId])) ?? emptySection(draftId, sectionId, t);
        const record = applySectionPatch(stored, patch, t);
        await db.sections.put(record);
        await db.drafts.update(draftId, { updatedAt: t });
        return record;
      });
    },
  };
}
