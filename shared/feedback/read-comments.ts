/**
 * The comments of a Word file: `word/comments.xml` (each `w:comment` with its author, initials,
 * date and paragraphs) and `word/commentsExtended.xml` (Word 2013 and later: which comment
 * replies to which, and which are resolved — "done"). The two are tied by the `w14:paraId` of
 * the comment's last paragraph.
 */
import { fail } from './errors';
import { WordText } from './word-text';
import { NS, parseXml } from './xml';

/** A comment as comments.xml holds it. */
export interface CommentRecord {
  /** `w:id`, which ties the comment to its anchor in the document. */
  id: string;
  author: string;
  initials: string;
  /** `w:date` as written, or null. */
  date: string | null;
  /** Its paragraphs, joined with line breaks. */
  text: string;
  /** The `w14:paraId` of its last paragraph, which commentsExtended.xml refers to. */
  paraId: string | null;
}

/** Reads every comment, refusing ('too-large') more than `maxComments`. */
export function readComments(
  part: { name: string; bytes: Uint8Array },
  maxComments: number,
): CommentRecord[] {
  const comments: CommentRecord[] = [];
  const words = new WordText();
  let current: (CommentRecord & { paragraphs: string[] }) | null = null;
  let paragraph: string | null = null;
  let depth = 0;
  let commentDepth = -1;
  let paragraphDepth = -1;
  parseXml(part.bytes, part.name, {
    open(el) {
      depth++;
      const symbol = words.open(el);
      if (words.hidden) return;
      if (el.uri === NS.w && el.local === 'comment' && depth === 2) {
        if (comments.length >= maxComments) {
          fail('too-large', `more than ${maxComments} comments in ${part.name}`);
        }
        current = {
          id: el.attr(NS.w, 'id') ?? '',
          author: el.attr(NS.w, 'author') ?? '',
          initials: el.attr(NS.w, 'initials') ?? '',
          date: el.attr(NS.w, 'date') ?? null,
          text: '',
          paraId: null,
          paragraphs: [],
        };
        commentDepth = depth;
        return;
      }
      if (!current) return;
      if (el.uri === NS.w && el.local === 'p' && paragraph === null) {
        paragraph = '';
        paragraphDepth = depth;
        current.paraId = el.attr(NS.w14, 'paraId')?.toUpperCase() ?? current.paraId;
      } else if (paragraph !== null) paragraph += symbol;
    },
    text(text) {
      if (paragraph !== null) paragraph += words.text(text);
    },
    close() {
      words.close();
      if (depth === paragraphDepth && current && paragraph !== null) {
        current.paragraphs.push(paragraph);
        paragraph = null;
        paragraphDepth = -1;
      } else if (depth === commentDepth && current) {
        const { paragraphs, ...comment } = current;
        comments.push({ ...comment, text: joinParagraphs(paragraphs) });
        current = null;
        commentDepth = -1;
      }
      depth--;
    },
  });
  return comments;
}

/** Paragraphs as one text: trimmed, empty ones at either end dropped, line endings as \n. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n').replace(/\r\n?/g, '\n').trim();
}

/** One comment's entry in commentsExtended.xml. */
export interface CommentExtension {
  /** The paraId of the comment this one replies to, or null for the start of a thread. */
  parentParaId: string | null;
  /** Resolved ("done") in Word. */
  done: boolean;
}

/** commentsExtended.xml: paraId → its thread parent and whether it is done. */
export function readCommentsExtended(
  part: { name: string; bytes: Uint8Array } | null,
): Map<string, CommentExtension> {
  const byParaId = new Map<string, CommentExtension>();
  if (!part) return byParaId;
  parseXml(part.bytes, part.name, {
    open(el) {
      if (el.uri !== NS.w15 || el.local !== 'commentEx') return;
      // Hexadecimal, which writers spell in either case.
      const paraId = el.attr(NS.w15, 'paraId')?.toUpperCase();
      if (paraId === undefined || byParaId.has(paraId)) return;
      const done = el.attr(NS.w15, 'done');
      byParaId.set(paraId, {
        parentParaId: el.attr(NS.w15, 'paraIdParent')?.toUpperCase() ?? null,
        done: done === '1' || done === 'true' || done === 'on',
      });
    },
  });
  return byParaId;
}
