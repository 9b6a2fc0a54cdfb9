/**
 * Reading the Word file a Cohort Lead sends back: which draft and submission it is (from the
 * custom properties our export wrote), and every comment — author, initials, date, text, the
 * text it is anchored to, replies as a thread, resolved or not — with the outline of headings
 * that match-sections.ts places each thread by. Pure TypeScript, like the backup reader it shares
 * its zip reader with; every failure is a result, never an exception, and nothing is returned
 * until the whole file has been read.
 */
import { sha256Hex } from '../backup/checksums';
import { DOCX_ID_PROPERTIES } from '../export/docx-ids';
import { RECORD_ID_PATTERN } from '../model';
import { DEFAULT_FEEDBACK_LIMITS, openDocx, type FeedbackLimits } from './docx-package';
import { fail, feedbackError, FeedbackReadFailure, type FeedbackError } from './errors';
import { readBody, type CommentAnchor } from './read-body';
import { readComments, readCommentsExtended, type CommentRecord } from './read-comments';
import { readCustomProperties } from './read-custom-properties';
import { readStyleLevels } from './read-styles';

/** One comment or reply. */
export interface FeedbackComment {
  /** Its `w:id` in this file: Word and LibreOffice renumber them on every save. */
  id: string;
  /**
   * The same for the same comment in any copy of the file — re-saved by Word or LibreOffice,
   * imported twice — and different for different comments, so storage can skip what it already
   * has. A SHA-256 of the author, the date (to the second) and the text, and of how many
   * comments before it in the document have the same three. Not of the anchor (LibreOffice drops a
   * reply's) nor of the file's ids (a re-save by another program may drop them): storage keeps
   * comments per submission, which scopes the key.
   */
  key: string;
  author: string;
  initials: string;
  /** When it was written, as the file records it (ISO 8601), or null. */
  date: string | null;
  /** Its paragraphs, joined with line breaks. */
  text: string;
  /** The text of the document it is anchored to; '' for a comment on a point or none. */
  anchorText: string;
  /** Marked resolved ("done") in Word. */
  resolved: boolean;
}

/** A comment that starts a thread, with the replies to it. */
export interface FeedbackThread extends FeedbackComment {
  /** The text of the nearest heading before its anchor, or null when none comes before it. */
  sectionHeading: string | null;
  /**
   * The index in {@link FeedbackFile.outline} of the last entry at or before its anchor: -1
   * when its anchor comes before them all, null when it is anchored nowhere in the body (a
   * comment in a header or footnote, or one whose anchor was deleted).
   */
  outlineIndex: number | null;
  /** Replies in the order they appear (replies to replies included). */
  replies: FeedbackComment[];
}

/** A paragraph that is a heading (`level`, 1–9) or might be one whose style was lost (null). */
export interface DocxOutlineEntry {
  text: string;
  level: number | null;
}

export interface FeedbackFile {
  /** The draft our export wrote into the file, or null when it says none. */
  draftId: string | null;
  /** The submission our export wrote into the file, or null when it says none. */
  submissionId: string | null;
  /** The threads, in the order their anchors appear in the document. Never empty. */
  comments: FeedbackThread[];
  /** Headings and heading-like paragraphs, in document order. */
  outline: DocxOutlineEntry[];
}

export type FeedbackReadResult =
  { ok: true; feedback: FeedbackFile } | { ok: false; error: FeedbackError };

export interface ReadFeedbackOptions {
  /** Lower limits, for tests; the defaults are {@link DEFAULT_FEEDBACK_LIMITS}. */
  limits?: Partial<FeedbackLimits>;
}

/** Reads a returned .docx. Resolves `ok: false` with a sentence for the participant on any fault. */
export async function readFeedbackDocx(
  bytes: Uint8Array,
  options: ReadFeedbackOptions = {},
): Promise<FeedbackReadResult> {
  try {
    return { ok: true, feedback: await readOrFail(bytes, options) };
  } catch (error) {
    if (error instanceof FeedbackReadFailure) return { ok: false, error: error.error };
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, error: feedbackError('internal', text.slice(0, 200)) };
  }
}

async function readOrFail(bytes: Uint8Array, options: ReadFeedbackOptions): Promise<FeedbackFile> {
  if (!isBytes(bytes)) fail('not-a-docx', 'no file data');
  const limits: FeedbackLimits = { ...DEFAULT_FEEDBACK_LIMITS, ...options.limits };
  const parts = openDocx(bytes, limits);

  const inFile = parts.comments ? readComments(parts.comments, limits.maxComments) : [];
  // The body is read even then: a damaged document is said to be damaged, not comment-free.
  const body = readBody(parts.document, readStyleLevels(parts.styles));
  if (inFile.length === 0) fail('no-comments', 'the document has no comments');
  // In the order they appear in the document (comments.xml has them in the order they were
  // made, LibreOffice in the document's): the keys and the threads' order then agree in both.
  const records = inDocumentOrder(inFile, body.anchors);
  const extensions = readCommentsExtended(parts.commentsExtended);
  const properties = readCustomProperties(parts.customProperties);

  const keys = await commentKeys(records);
  const comment = (record: CommentRecord, i: number): FeedbackComment => ({
    id: record.id,
    key: keys[i]!,
    author: record.author,
    initials: record.initials,
    date: record.date,
    text: record.text,
    anchorText: body.anchors.get(record.id)?.text ?? '',
    resolved: record.paraId !== null && extensions.get(record.paraId)?.done === true,
  });

  const roots = threadRoots(records, extensions);
  const threads = new Map<number, FeedbackThread>();
  records.forEach((record, i) => {
    const root = roots[i]!;
    if (root !== i) return;
    const anchor = body.anchors.get(record.id);
    threads.set(i, {
      ...comment(record, i),
      ...placeInOutline(anchor, body.outline),
      replies: [],
    });
  });
  records.forEach((record, i) => {
    const root = roots[i]!;
    if (root !== i) threads.get(root)!.replies.push(comment(record, i));
  });

  return {
    draftId: recordId(properties.get(DOCX_ID_PROPERTIES.draftId)),
    submissionId: recordId(properties.get(DOCX_ID_PROPERTIES.submissionId)),
    comments: [...threads.values()],
    outline: body.outline.map(({ text, level }) => ({ text, level })),
  };
}

/** Comments by where their anchors start; those anchored nowhere last; ties as in the file. */
function inDocumentOrder(
  records: readonly CommentRecord[],
  anchors: ReadonlyMap<string, CommentAnchor>,
): CommentRecord[] {
  const at = (r: CommentRecord) => anchors.get(r.id)?.offset ?? Number.POSITIVE_INFINITY;
  return records
    .map((record, i) => ({ record, i, offset: at(record) }))
    .sort((a, b) => (a.offset === b.offset ? a.i - b.i : a.offset - b.offset))
    .map(({ record }) => record);
}

/** For each comment, the index of the comment that starts its thread (itself for a root). */
function threadRoots(
  records: readonly CommentRecord[],
  extensions: ReturnType<typeof readCommentsExtended>,
): number[] {
  const byParaId = new Map<string, number>();
  records.forEach((r, i) => {
    if (r.paraId !== null && !byParaId.has(r.paraId)) byParaId.set(r.paraId, i);
  });
  const parent = (i: number): number | null => {
    const paraId = records[i]!.paraId;
    const parentParaId = paraId === null ? null : extensions.get(paraId)?.parentParaId;
    const found = parentParaId == null ? undefined : byParaId.get(parentParaId);
    return found === undefined || found === i ? null : found;
  };
  return records.map((_, i) => {
    const seen = new Set<number>([i]);
    let at = i;
    for (let up = parent(at); up !== null; up = parent(at)) {
      // A loop of replies in a damaged file: the first comment on the way starts the thread,
      // the same one whichever comment of the loop the walk began from.
      if (seen.has(up)) return Math.min(...seen);
      seen.add(up);
      at = up;
    }
    return at;
  });
}

function placeInOutline(
  anchor: CommentAnchor | undefined,
  outline: ReturnType<typeof readBody>['outline'],
): Pick<FeedbackThread, 'sectionHeading' | 'outlineIndex'> {
  if (!anchor) return { sectionHeading: null, outlineIndex: null };
  let index = -1;
  let heading: string | null = null;
  for (let i = 0; i < outline.length && outline[i]!.paragraph <= anchor.paragraph; i++) {
    index = i;
    if (outline[i]!.level !== null) heading = outline[i]!.text;
  }
  return { sectionHeading: heading, outlineIndex: index };
}

/** Each comment's {@link FeedbackComment.key}, in order. */
async function commentKeys(records: readonly CommentRecord[]): Promise<string[]> {
  const seen = new Map<string, number>();
  const utf8 = new TextEncoder();
  return Promise.all(
    records.map((r) => {
      const identity = JSON.stringify([
        r.author.trim(),
        canonicalDate(r.date),
        canonicalText(r.text),
      ]);
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      return sha256Hex(utf8.encode(`aed-feedback-comment-1\n${identity}\n${occurrence}`));
    }),
  );
}

/**
 * A comment's date as its copies agree on it: to the second, in UTC when the file gives a time
 * zone. Word writes "2026-03-20T10:00:00Z", LibreOffice drops fractions of a second.
 */
export function canonicalDate(date: string | null): string {
  if (date === null) return '';
  const trimmed = date.trim();
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const ms = Date.parse(trimmed);
  if (zoned && Number.isFinite(ms)) return new Date(ms).toISOString().slice(0, 19);
  return trimmed.slice(0, 19);
}

/** A comment's text as its copies agree on it: Unicode-normalised, runs of space made one. */
function canonicalText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function recordId(value: string | undefined): string | null {
  return value !== undefined && RECORD_ID_PATTERN.test(value) ? value : null;
}

function isBytes(value: unknown): value is Uint8Array {
  // instanceof fails for arrays from another realm (an iframe, a worker's copy, jsdom).
  return (
    value instanceof Uint8Array || Object.prototype.toString.call(value) === '[object Uint8Array]'
  );
}
