import { safeLinkUrl } from '../../../../shared/link-url';
import type { Emphasis, EmphasisFromStyle } from './css-declarations';
import { emphasisFromStyle } from './css-declarations';

// An allowlist copier: it walks the parsed clipboard document and builds a new inert document
// holding only the elements the editor has nodes for, with no attributes except a checked link
// href, list start and table spans. Nothing from the source (classes, styles, event handlers,
// ids) is copied, so there is nothing to strip and nothing can slip through a denylist.

/** Elements dropped with everything inside them. */
const DROPPED = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed',
  'applet', 'param', 'img', 'image', 'picture', 'source', 'video', 'audio', 'track', 'canvas',
  'svg', 'math', 'map', 'area', 'input', 'button', 'select', 'option', 'optgroup', 'textarea',
  'datalist', 'output', 'progress', 'meter', 'link', 'meta', 'base', 'title', 'head', 'xml',
  'dialog', 'colgroup', 'col', 'hr', 'wbr',
]); // prettier-ignore

const HEADINGS: Readonly<Record<string, 'h1' | 'h2' | 'h3'>> = {
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
  // A section has three heading levels; deeper ones keep their place in the outline as h3.
  h4: 'h3',
  h5: 'h3',
  h6: 'h3',
};

/** Containers that become a paragraph when they hold only text, and vanish when they hold blocks. */
const PARAGRAPH_LIKE = new Set([
  'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'center', 'address',
  'figure', 'figcaption', 'pre', 'dl', 'dt', 'dd', 'legend', 'fieldset', 'form', 'details',
  'summary', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'table', 'li',
]); // prettier-ignore

const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead',
  'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', ...PARAGRAPH_LIKE,
]); // prettier-ignore

/** Output containers whose whitespace-only text is layout, not content. */
const STRUCTURAL = new Set(['ul', 'ol', 'table', 'tr']);

const TAG_EMPHASIS: Readonly<Record<string, Emphasis>> = {
  b: 'strong',
  strong: 'strong',
  i: 'em',
  em: 'em',
  u: 'u',
  ins: 'u',
  s: 's',
  strike: 's',
  del: 's',
};

const EMPHASIS_ORDER: readonly Emphasis[] = ['strong', 'em', 'u', 's'];

interface Context {
  inLink: boolean;
  inTable: boolean;
}

function isElement(node: Node): node is Element {
  return node.nodeType === node.ELEMENT_NODE;
}

function isText(node: Node): node is Text {
  return node.nodeType === node.TEXT_NODE;
}

function nameOf(element: Element): string {
  return element.localName.toLowerCase();
}

/** The nearest sibling that is not a comment or whitespace-only text. */
function contentSibling(node: Node, direction: 'previous' | 'next'): Node | null {
  let sibling = direction === 'previous' ? node.previousSibling : node.nextSibling;
  while (
    sibling !== null &&
    (sibling.nodeType === sibling.COMMENT_NODE || (isText(sibling) && sibling.data.trim() === ''))
  ) {
    sibling = direction === 'previous' ? sibling.previousSibling : sibling.nextSibling;
  }
  return sibling;
}

function isBlock(node: Node | null): boolean {
  return node !== null && isElement(node) && BLOCKS.has(nameOf(node));
}

function hasBlockDescendant(element: Element): boolean {
  for (const child of Array.from(element.children)) {
    if (BLOCKS.has(nameOf(child)) || hasBlockDescendant(child)) return true;
  }
  return false;
}

/** Word's drawn list markers and heading numbers (mso-list:Ignore) are not content. */
function isWordMarker(element: Element): boolean {
  return /mso-list:\s*ignore/i.test(element.getAttribute('style') ?? '');
}

function headingFromWordClass(element: Element): 'h1' | 'h3' | null {
  const className = element.getAttribute('class') ?? '';
  if (/(^|\s)MsoTitle(\s|$)/.test(className)) return 'h1';
  if (/(^|\s)MsoHeading\d(\s|$)/.test(className)) return 'h3';
  return null;
}

function emphasisFor(element: Element, tag: string, context: Context): Emphasis[] {
  const fromStyle: EmphasisFromStyle = emphasisFromStyle(element.getAttribute('style'));
  // Links are drawn underlined anyway; Google Docs underlines the span inside every link.
  if (context.inLink || tag === 'a') delete fromStyle.u;
  const fromTag = TAG_EMPHASIS[tag];
  const wanted: Emphasis[] = [];
  for (const emphasis of EMPHASIS_ORDER) {
    // A style can cancel the tag's own emphasis: Google Docs wraps the whole fragment in
    // <b style="font-weight:normal" id="docs-internal-guid-…">, which is not bold.
    const byTag = fromTag === emphasis && fromStyle[emphasis] !== false;
    if (byTag || fromStyle[emphasis] === true) wanted.push(emphasis);
  }
  return wanted;
}

class Sanitizer {
  constructor(private readonly out: Document) {}

  appendChildren(source: Node, target: Node, context: Context): void {
    for (const child of Array.from(source.childNodes)) this.appendNode(child, target, context);
  }

  private appendNode(node: Node, target: Node, context: Context): void {
    if (isText(node)) {
      this.appendText(node, target);
      return;
    }
    if (!isElement(node)) return; // comments, processing instructions, doctypes
    const tag = nameOf(node);
    if (DROPPED.has(tag) || tag.startsWith('v:') || isWordMarker(node)) return;

    const heading = HEADINGS[tag] ?? (tag === 'p' ? headingFromWordClass(node) : null);
    if (heading !== null && heading !== undefined) {
      this.appendBlock(heading, node, target, context);
    } else if (tag === 'p') {
      this.appendBlock('p', node, target, context);
    } else if (tag === 'blockquote') {
      this.appendBlock('blockquote', node, target, context);
    } else if (tag === 'ul' || tag === 'ol') {
      this.appendList(node, target, context);
    } else if (tag === 'table' && !context.inTable) {
      this.appendTable(node, target, context);
    } else if (tag === 'br') {
      if (!/Apple-interchange-newline/.test(node.getAttribute('class') ?? '')) {
        target.appendChild(this.out.createElement('br'));
      }
    } else if (PARAGRAPH_LIKE.has(tag)) {
      this.appendParagraphLike(node, target, context);
    } else {
      this.appendInline(node, tag, target, context);
    }
  }

  private appendText(node: Text, target: Node): void {
    const data = node.data;
    if (data.trim() === '') {
      // Whitespace between blocks (Word's line breaks between paragraphs) is source layout.
      const targetName = isElement(target) ? nameOf(target) : '';
      if (STRUCTURAL.has(targetName)) return;
      if (isBlock(contentSibling(node, 'previous')) || isBlock(contentSibling(node, 'next'))) {
        return;
      }
    }
    target.appendChild(this.out.createTextNode(data));
  }

  private appendBlock(tag: string, source: Element, target: Node, context: Context): void {
    if (isElement(target) && !isBlockContainer(target)) {
      // A paragraph inside a list item, a quote or an inline run: the editor's list items and
      // quotes hold text, not paragraphs, so its text goes on a line of its own instead.
      this.appendLines(source, target, context);
      return;
    }
    const block = this.out.createElement(tag);
    this.appendChildren(source, block, context);
    if (block.textContent?.trim() === '' && block.querySelector('br, table, ul, ol') === null) {
      // Word writes a blank line as <p><o:p>&nbsp;</o:p></p>: keep the blank paragraph the
      // writer made, but drop the empty ones left by containers whose content was dropped.
      if (nameOf(source) !== 'p') return;
      block.replaceChildren();
    }
    target.appendChild(block);
  }

  private appendParagraphLike(source: Element, target: Node, context: Context): void {
    if (hasBlockDescendant(source)) {
      this.appendChildren(source, target, context);
    } else {
      this.appendBlock('p', source, target, context);
    }
  }

  /** Appends a block's content to a container that can't hold blocks, on a new line. */
  private appendLines(source: Element, target: Node, context: Context): void {
    const last = target.lastChild;
    if (last !== null && !(isElement(last) && ['br', 'ul', 'ol'].includes(nameOf(last)))) {
      target.appendChild(this.out.createElement('br'));
    }
    this.appendChildren(source, target, context);
  }

  private appendInline(source: Element, tag: string, target: Node, context: Context): void {
    let container: Node = target;
    let inner = context;
    if (tag === 'a') {
      const href = safeLinkUrl(source.getAttribute('href')?.trim() ?? '');
      // A link survives only with an allowed URL and not inside another link; otherwise its
      // text stays and the link goes (javascript:, data:, vbscript:, http:, "#_Toc…").
      if (!context.inLink && href !== null) {
        const link = this.out.createElement('a');
        link.setAttribute('href', href);
        target.appendChild(link);
        container = link;
        inner = { ...context, inLink: true };
      }
    }
    for (const emphasis of emphasisFor(source, tag, context)) {
      const wrapper = this.out.createElement(emphasis);
      container.appendChild(wrapper);
      container = wrapper;
    }
    this.appendChildren(source, container, inner);
    // Drop wrappers left empty (a link around a dropped image, a bold empty span).
    while (container !== target && container.childNodes.length === 0) {
      const parent: Node | null = container.parentNode;
      container.parentNode?.removeChild(container);
      if (parent === null) break;
      container = parent;
    }
  }

  private appendList(source: Element, target: Node, context: Context): void {
    const tag = nameOf(source) === 'ol' ? 'ol' : 'ul';
    const list = this.out.createElement(tag);
    const start = source.getAttribute('start');
    if (tag === 'ol' && start !== null && /^\d+$/.test(start) && start !== '1') {
      list.setAttribute('start', start);
    }
    let lastItem: Element | null = null;
    for (const child of Array.from(source.childNodes)) {
      if (isElement(child) && nameOf(child) === 'li') {
        lastItem = this.appendListItem(child, list, context);
      } else if (isElement(child) && (nameOf(child) === 'ul' || nameOf(child) === 'ol')) {
        // Google Docs nests a sub-list as a sibling of the <li> it belongs to (<ul><li/><ul>…),
        // which is not valid HTML; move it into that item.
        if (lastItem === null) {
          lastItem = this.out.createElement('li');
          list.appendChild(lastItem);
        }
        this.appendList(child, lastItem, context);
      } else if (isText(child) && child.data.trim() === '') {
        continue;
      } else {
        const item = this.out.createElement('li');
        this.appendNode(child, item, context);
        if (item.childNodes.length > 0) {
          list.appendChild(item);
          lastItem = item;
        }
      }
    }
    if (list.childNodes.length > 0) target.appendChild(list);
  }

  private appendListItem(source: Element, list: Element, context: Context): Element {
    const item = this.out.createElement('li');
    list.appendChild(item);
    this.appendChildren(source, item, context);
    return item;
  }

  private appendTable(source: Element, target: Node, context: Context): void {
    const inner = { ...context, inTable: true };
    const table = this.out.createElement('table');
    for (const part of Array.from(source.children)) {
      const partName = nameOf(part);
      if (partName === 'caption') {
        // The caption's words stay, as a paragraph before the table.
        this.appendBlock('p', part, target, context);
      } else if (partName === 'tr') {
        this.appendRow(part, table, inner);
      } else if (partName === 'thead' || partName === 'tbody' || partName === 'tfoot') {
        for (const row of Array.from(part.children)) {
          if (nameOf(row) === 'tr') this.appendRow(row, table, inner);
        }
      }
    }
    if (table.childNodes.length > 0) target.appendChild(table);
  }

  private appendRow(source: Element, table: Element, context: Context): void {
    const row = this.out.createElement('tr');
    for (const cell of Array.from(source.children)) {
      const cellName = nameOf(cell);
      if (cellName !== 'td' && cellName !== 'th') continue;
      const copy = this.out.createElement(cellName);
      for (const span of ['colspan', 'rowspan']) {
        const value = cell.getAttribute(span);
        if (value !== null && /^\d{1,3}$/.test(value) && value !== '1')
          copy.setAttribute(span, value);
      }
      this.appendChildren(cell, copy, context);
      row.appendChild(copy);
    }
    if (row.childNodes.length > 0) table.appendChild(row);
  }
}

/** Output elements that can hold paragraphs, headings, lists and tables. */
function isBlockContainer(element: Element): boolean {
  return ['body', 'td', 'th'].includes(nameOf(element));
}

/**
 * Copies the body of `source` (an inert, parsed clipboard document) into a new inert document
 * holding only headings, paragraphs, quotes, lists, tables, links with allowed URLs, line
 * breaks and strong/em/u/s, with style-based emphasis (Google Docs' spans) turned into tags.
 */
export function sanitizeClipboardDocument(source: Document): Document {
  const out = source.implementation.createHTMLDocument('');
  new Sanitizer(out).appendChildren(source.body, out.body, { inLink: false, inTable: false });
  // Google Docs ends (and sometimes starts) its fragment with a <br>: pasting shouldn't add
  // an empty paragraph. A <br> between blocks is a blank line the writer made, and stays.
  for (const edge of ['firstChild', 'lastChild'] as const) {
    let node = out.body[edge];
    while (
      node !== null &&
      (isText(node) ? node.data.trim() === '' : nameOf(node as Element) === 'br')
    ) {
      node.remove();
      node = out.body[edge];
    }
  }
  return out;
}
