/**
 * Which section each comment thread is feedback on: the section whose heading comes last before
 * the comment's anchor. Headings are found in the file's outline (read-feedback-docx.ts) and
 * matched to the template's section titles in a way that survives what a re-save or an editor
 * does to them: numbering added, dropped or renumbered ("4. Explore — why this initiative?",
 * "Explore - why this initiative"), dashes, quotes, case and spacing changed, the question
 * shortened ("Explore — why…", or just "Explore"), runs split (the outline's text is already
 * whole), and styles renamed (the outline's levels come from outline levels and built-in names).
 *
 * Paragraphs styled as headings are trusted first, at the level the sections' headings are at
 * (a sub-heading that happens to read "Evidence" is not the Evidence section). A numbered title
 * that appears only as a plain paragraph ("2. The school you are supporting": its heading style
 * lost) still counts, as long as no styled heading has that title; a file with no styled
 * headings at all (as some Google Docs round trips leave it) is matched on text alone. A heading at the sections' level that is no section of the
 * template (the "Changes since …" summary, or one the Cohort Lead added) ends the section before
 * it: comments under it are unplaced rather than put on the wrong section.
 */
import type { FeedbackFile, FeedbackThread } from './read-feedback-docx';

/** A section of the template, as the export titles it. */
export interface SectionTitle {
  id: string;
  title: string;
}

/** Why a thread is on no section. */
export type UnplacedReason =
  /** Its anchor comes before the first section's heading: the cover page or the contents. */
  | 'before-first-section'
  /** It follows a top-level heading that is no section of the template. */
  | 'unknown-heading'
  /** It is anchored nowhere in the body (a header, a footnote, or its anchor was deleted). */
  | 'not-in-body';

export interface FeedbackPlacement {
  /** Threads on a section, in the file's order. */
  placed: Array<{ sectionId: string; thread: FeedbackThread }>;
  /**
   * Threads on no section, in the file's order. The import keeps them with the submission's
   * feedback as a whole (the *Cohort Lead feedback* section), not on the first section.
   */
  unplaced: Array<{ reason: UnplacedReason; thread: FeedbackThread }>;
}

type Boundary = { kind: 'section'; sectionId: string } | { kind: 'stop' } | null;

/** Places every thread of a read file on a section of `sections` or says why it is on none. */
export function placeFeedback(
  sections: readonly SectionTitle[],
  feedback: Pick<FeedbackFile, 'comments' | 'outline'>,
): FeedbackPlacement {
  const titles = new TitleIndex(sections);
  const { outline } = feedback;
  const matched = outline.map((entry) => titles.match(entry.text, entry.level !== null));
  const level = sectionLevel(outline, matched);
  // Sections whose heading is styled; a plain paragraph with their title is then just text.
  const styled = new Set<string>();
  outline.forEach((entry, i) => {
    if (entry.level === level && matched[i] !== null) styled.add(matched[i]!);
  });
  const boundaries = outline.map((entry, i): Boundary => {
    const sectionId = matched[i]!;
    if (level === null) return sectionId === null ? null : { kind: 'section', sectionId };
    if (entry.level === null) {
      // A plain paragraph stands for a heading that lost its style only when it is numbered
      // as the export numbers headings: a line that just says "Evidence" is text.
      return sectionId === null || styled.has(sectionId) || !NUMBERED.test(entry.text)
        ? null
        : { kind: 'section', sectionId };
    }
    // A heading inside a section that happens to be titled like a section ("Evidence") is not one.
    if (entry.level > level) return null;
    return sectionId === null ? { kind: 'stop' } : { kind: 'section', sectionId };
  });
  // A foreign heading before the first section (the document's own title) ends nothing.
  const first = boundaries.findIndex((b) => b?.kind === 'section');
  for (let i = 0; i < (first === -1 ? boundaries.length : first); i++) boundaries[i] = null;

  const placement: FeedbackPlacement = { placed: [], unplaced: [] };
  for (const thread of feedback.comments) {
    if (thread.outlineIndex === null) {
      placement.unplaced.push({ reason: 'not-in-body', thread });
      continue;
    }
    let found: Boundary = null;
    for (let i = Math.min(thread.outlineIndex, boundaries.length - 1); i >= 0 && !found; i--) {
      found = boundaries[i]!;
    }
    if (found?.kind === 'section') placement.placed.push({ sectionId: found.sectionId, thread });
    else {
      placement.unplaced.push({
        reason: found ? 'unknown-heading' : 'before-first-section',
        thread,
      });
    }
  }
  return placement;
}

/**
 * The heading level the file's sections are at: the commonest among styled headings that match a
 * section (the smaller on a tie), or null when no styled heading does.
 */
function sectionLevel(
  outline: FeedbackFile['outline'],
  matched: ReadonlyArray<string | null>,
): number | null {
  const counts = new Map<number, number>();
  outline.forEach((entry, i) => {
    if (entry.level !== null && matched[i] !== null) {
      counts.set(entry.level, (counts.get(entry.level) ?? 0) + 1);
    }
  });
  let best: number | null = null;
  for (const [level, count] of counts) {
    const bestCount = best === null ? 0 : counts.get(best)!;
    if (count > bestCount || (count === bestCount && level < best!)) best = level;
  }
  return best;
}

/**
 * A heading's text reduced to what survives every writer: Unicode-normalised, lower case,
 * letters and digits only (dashes, quotes, punctuation and spaces all go).
 */
export function headingKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A heading's number, as export, Word's numbering or a person adds it: "4.", "4.2", "IV.", "b)". */
const NUMBERING = /^\s*(?:\d+(?:\.\d+)*\.?|[ivxlcdm]+[.)]|[a-z][.)]|\(\w{1,4}\))\s+/i;
/** How the export numbers a section's heading: "4. Explore — why this initiative?" */
const NUMBERED = /^\s*\d+\.?\s+\S/;
/** An ellipsis at the end: a shortened title. */
const ELLIPSIS = /\s*(?:…|\.\.\.)\s*$/;
/** Where the name of a section ends and its question begins: "Explore — why this initiative?" */
const NAME_END = /\s+[-‐‑‒–—―]\s+|\s*[—―:]\s*/;

function withoutNumber(text: string): string {
  return text.replace(NUMBERING, '');
}

/** The section titles, looked up by key, by shortened key, and by name alone. */
class TitleIndex {
  private readonly exact = new Map<string, string>();
  private readonly keys: Array<[key: string, id: string]> = [];
  private readonly names = new Map<string, string | null>();

  constructor(sections: readonly SectionTitle[]) {
    for (const { id, title } of sections) {
      for (const key of [headingKey(title), headingKey(withoutNumber(title))]) {
        if (key === '') continue;
        if (!this.exact.has(key)) this.exact.set(key, id);
        this.keys.push([key, id]);
      }
      const name = headingKey(withoutNumber(title).split(NAME_END)[0]!);
      // A name two sections share says nothing.
      if (name !== '') this.names.set(name, this.names.has(name) ? null : id);
    }
  }

  /**
   * The section a heading's text names, or null. A shortened title ("Explore — why…") must
   * start one title alone; a name alone ("Explore") is taken only from a styled heading, as a
   * plain paragraph that says "Evaluation" is more likely a word in the text.
   */
  match(text: string, styled: boolean): string | null {
    const bare = withoutNumber(text);
    const exact = this.exact.get(headingKey(text)) ?? this.exact.get(headingKey(bare));
    if (exact !== undefined) return exact;
    if (ELLIPSIS.test(bare)) {
      const prefix = headingKey(bare.replace(ELLIPSIS, ''));
      const ids = new Set(this.keys.filter(([key]) => key.startsWith(prefix)).map(([, id]) => id));
      if (prefix.length >= 3 && ids.size === 1) return [...ids][0]!;
    }
    if (styled) {
      const name = this.names.get(headingKey(bare.split(NAME_END)[0]!));
      if (name) return name;
    }
    return null;
  }
}
