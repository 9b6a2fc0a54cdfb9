/**
 * The visible text of WordprocessingML, as the body and the comments readers both need it:
 * the characters of `w:t`, a tab or a line break where the run has one, and nothing from what a
 * reader of the page does not see — deleted or moved-away text of tracked changes, field codes,
 * the record of formatting changes, and the fallback copy of a text box that
 * `mc:AlternateContent` holds beside the real one.
 */
import { NS, type XmlElement } from './xml';

/** WordprocessingML elements whose content is not part of the text. */
const HIDDEN = new Set(['del', 'moveFrom', 'instrText', 'delText', 'pPrChange', 'rPrChange']);

/** What a run's empty elements stand for. */
const SYMBOLS: Readonly<Record<string, string>> = {
  tab: '\t',
  br: '\n',
  cr: '\n',
  noBreakHyphen: '\u2011',
};

/** Tracks where the parser is in a part, to tell text from everything else. */
export class WordText {
  private depth = 0;
  /** The depth of the hidden element the parser is inside, or -1. */
  private hiddenAt = -1;
  private textAt = -1;
  private parents: XmlElement[] = [];

  /** True inside a subtree that holds no visible text (its elements are to be ignored too). */
  get hidden(): boolean {
    return this.hiddenAt !== -1;
  }

  /** Call for every opening tag; returns the text the element stands for ('' if none). */
  open(el: XmlElement): string {
    const parent = this.parents.at(-1);
    this.depth++;
    this.parents.push(el);
    if (this.hidden) return '';
    if (
      (el.uri === NS.w && HIDDEN.has(el.local)) ||
      (el.uri === NS.mc && el.local === 'Fallback')
    ) {
      this.hiddenAt = this.depth;
      return '';
    }
    if (el.uri !== NS.w) return '';
    if (el.local === 't') {
      this.textAt = this.depth;
      return '';
    }
    // w:tab is also a tab stop in a paragraph's properties; only in a run is it a character.
    const symbol = SYMBOLS[el.local];
    return symbol !== undefined && parent?.uri === NS.w && parent.local === 'r' ? symbol : '';
  }

  close(): void {
    if (this.hiddenAt === this.depth) this.hiddenAt = -1;
    if (this.textAt === this.depth) this.textAt = -1;
    this.parents.pop();
    this.depth--;
  }

  /** The visible text in a piece of character data ('' outside w:t). */
  text(data: string): string {
    return this.textAt !== -1 && !this.hidden ? data : '';
  }
}
