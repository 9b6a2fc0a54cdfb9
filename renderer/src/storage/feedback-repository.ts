import {
  MAX_AUTHOR_CHARS,
  MAX_FEEDBACK_ITEMS,
  MAX_FEEDBACK_REPLIES,
  MAX_FEEDBACK_TEXT_CHARS,
} from '../../../shared/content-limits';
import type { FeedbackComment, FeedbackThread } from '../../../shared/feedback/read-feedback-docx';
import type { FeedbackItem, FeedbackPatch, FeedbackReply } from '../../../shared/model';
import type { AedDatabase } from './db';
import { DraftNotFoundError } from './drafts-repository';

/** A thread read from a returned Word file, and the section it was placed on (null: none). */
export interface PlacedThread {
  thread: FeedbackThread;
  sectionId: string | null;
}

export interface ImportFeedbackResult {
  /** The new items, in the order of the file. */
  added: FeedbackItem[];
  /** Threads this submission already had from an earlier import of the file (not added again). */
  alreadyThere: number;
}

/** Feedback typed or pasted in by the participant. */
export interface TypedFeedback {
  submissionId: string | null;
  sectionId: string | null;
  author: string;
  text: string;
}

/** Too much feedback for one draft; nothing of the import was added. */
export class FeedbackRejectedError extends Error {
  override name = 'FeedbackRejectedError';
}

/**
 * The Cohort Lead's feedback on a draft's submissions, and the participant's answers. Reads are
 * query functions for `useLiveQuery`; each write is one transaction that also marks the draft
 * edited (feedback is part of what a backup must keep).
 */
export interface FeedbackRepository {
  /** The draft's feedback, in the order it came (a file's threads in document order). */
  listFeedback: (draftId: string) => Promise<FeedbackItem[]>;
  /**
   * Adds a returned file's threads to the submission, skipping those it already has (by the
   * comment's key, the same in any copy of the file), all in one transaction.
   */
  importFeedback: (
    draftId: string,
    submissionId: string | null,
    threads: readonly PlacedThread[],
  ) => Promise<ImportFeedbackResult>;
  addFeedback: (draftId: string, feedback: TypedFeedback) => Promise<FeedbackItem>;
  /** Ticks it addressed, changes the response, or moves it to another section. */
  updateFeedback: (id: string, patch: FeedbackPatch) => Promise<void>;
  removeFeedback: (id: string) => Promise<void>;
}

const NOT_STORED = 'That feedback is no longer stored.';

const text = (value: string) => value.slice(0, MAX_FEEDBACK_TEXT_CHARS);
const author = (value: string) => value.slice(0, MAX_AUTHOR_CHARS);
/** A date as a Word file gives it, if it is one (a damaged file may say anything). */
const dateOf = (value: string | null) =>
  value !== null && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) ? value : null;

function reply(comment: FeedbackComment): FeedbackReply {
  return {
    key: comment.key,
    author: author(comment.author),
    initials: author(comment.initials),
    date: dateOf(comment.date),
    text: text(comment.text),
  };
}

export function createFeedbackRepository(
  db: AedDatabase,
  options: { now?: () => number; newId?: () => string } = {},
): FeedbackRepository {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());

  const list = (draftId: string) =>
    db.feedback
      .where('[draftId+createdAt]')
      .between([draftId, -Infinity], [draftId, Infinity])
      .toArray();

  /** Writes new items after every item already there, one millisecond apart, in one go. */
  function add(
    draftId: string,
    make: (existing: FeedbackItem[]) => Omit<FeedbackItem, 'createdAt' | 'updatedAt'>[],
  ) {
    return db.transaction('rw', db.drafts, db.feedback, async () => {
      if (!(await db.drafts.get(draftId))) throw new DraftNotFoundError(draftId);
      const existing = await list(draftId);
      const items = make(existing);
      if (items.length === 0) return [];
      if (existing.length + items.length > MAX_FEEDBACK_ITEMS) {
        throw new FeedbackRejectedError(
          `Nothing was added: a draft can hold at most ${MAX_FEEDBACK_ITEMS.toLocaleString('en-GB')} comments of feedback, and this one has ${existing.length.toLocaleString('en-GB')}.`,
        );
      }
      const t = now();
      const first = Math.max(t, ...existing.map((e) => e.createdAt + 1));
      const added = items.map((item, i): FeedbackItem => ({
        ...item,
        createdAt: first + i,
        updatedAt: t,
      }));
      await db.feedback.bulkAdd(added);
      await db.drafts.update(draftId, { updatedAt: t });
      return added;
    });
  }

  return {
    listFeedback: list,

    async importFeedback(draftId, submissionId, threads) {
      let alreadyThere = 0;
      const added = await add(draftId, (existing) => {
        // Replies too: a copy re-saved by LibreOffice, which drops the threading, has them as
        // comments of their own.
        const held = new Set(
          existing
            .filter((e) => e.submissionId === submissionId)
            .flatMap((e) => [e.key, ...e.replies.map((r) => r.key)])
            .filter(Boolean),
        );
        const fresh: Omit<FeedbackItem, 'createdAt' | 'updatedAt'>[] = [];
        for (const { thread, sectionId } of threads) {
          if (held.has(thread.key)) {
            alreadyThere++;
            continue;
          }
          held.add(thread.key);
          for (const r of thread.replies) held.add(r.key);
          fresh.push({
            id: newId(),
            draftId,
            submissionId,
            sectionId,
            source: 'imported',
            ...reply(thread),
            anchorText: text(thread.anchorText),
            resolved: thread.resolved,
            replies: thread.replies.slice(0, MAX_FEEDBACK_REPLIES).map(reply),
            addressed: false,
            response: '',
          });
        }
        return fresh;
      });
      return { added, alreadyThere };
    },

    async addFeedback(draftId, feedback) {
      const [item] = await add(draftId, () => [
        {
          id: newId(),
          draftId,
          submissionId: feedback.submissionId,
          sectionId: feedback.sectionId,
          source: 'typed',
          key: '',
          author: author(feedback.author.trim()),
          initials: '',
          date: null,
          text: text(feedback.text.trim()),
          anchorText: '',
          resolved: false,
          replies: [],
          addressed: false,
          response: '',
        },
      ]);
      return item!;
    },

    updateFeedback: (id, patch) =>
      db.transaction('rw', db.drafts, db.feedback, async () => {
        const item = await db.feedback.get(id);
        if (!item) throw new Error(NOT_STORED);
        const changes: Partial<FeedbackItem> = {};
        if (patch.addressed !== undefined) changes.addressed = patch.addressed;
        if (patch.response !== undefined) changes.response = text(patch.response);
        if (patch.sectionId !== undefined) changes.sectionId = patch.sectionId;
        const t = now();
        await db.feedback.update(id, { ...changes, updatedAt: t });
        await db.drafts.update(item.draftId, { updatedAt: t });
      }),

    removeFeedback: (id) =>
      db.transaction('rw', db.drafts, db.feedback, async () => {
        const item = await db.feedback.get(id);
        if (!item) return;
        await db.feedback.delete(id);
        await db.drafts.update(item.draftId, { updatedAt: now() });
      }),
  };
}
