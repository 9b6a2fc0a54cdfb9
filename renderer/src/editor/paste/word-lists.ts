// Word for Windows puts lists on the clipboard as plain paragraphs, not <ul>/<ol>:
//
//   <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>
//     <![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·
//     <span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span></span><![endif]>Text</p>
//
// The level is in the mso-list style, and the marker Word drew (·, o, §, 1., a., i.) is the only
// sign of bulleted versus numbered. This module rewrites such runs into real nested lists in the
// (inert) parsed document, before the sanitizer drops the styles and comments it reads.

const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;
// "1." "1)" "10." "1.2." "a." "(b)" "iv." are numbers; a bare "o" (Courier New) is Word's
// level-2 bullet, so letters need their punctuation.
const ORDERED_MARKER = /^(?:\d+(?:\.\d+)*[.)]?|\(?(?:[a-z]|[ivxlcdm]+)[.)])$/i;

export function isOrderedMarker(marker: string): boolean {
  return ORDERED_MARKER.test(marker);
}

interface WordListItem {
  paragraph: HTMLElement;
  listId: string;
  level: number;
  ordered: boolean;
  start: number;
}

function isListParagraph(element: Element): element is HTMLElement {
  return element.localName === 'p' && MSO_LIST.test(element.getAttribute('style') ?? '');
}

function isComment(node: Node, pattern: RegExp): boolean {
  return node.nodeType === node.COMMENT_NODE && pattern.test((node as Comment).data.trim());
}

const SUPPORT_LISTS_START = /^\[if !supportLists\]$/i;
const CONDITIONAL_END = /^\[endif\]$/i;

/** Removes the marker Word drew before the text and returns it, trimmed. */
function takeMarker(paragraph: HTMLElement): string {
  const document = paragraph.ownerDocument;
  // `<![if !supportLists]>` parses as a comment, as does the `<!--[if !supportLists]-->` form.
  const walker = document.createTreeWalker(paragraph, 0x80 /* NodeFilter.SHOW_COMMENT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (!isComment(node, SUPPORT_LISTS_START)) continue;
    let text = '';
    const doomed: Node[] = [node];
    for (let sibling = node.nextSibling; sibling !== null; sibling = sibling.nextSibling) {
      doomed.push(sibling);
      if (isComment(sibling, CONDITIONAL_END)) break;
      text += sibling.textContent ?? '';
    }
    for (const each of doomed) each.parentNode?.removeChild(each);
    return cleanMarker(text);
  }
  // Some Word builds (and Outlook) leave out the conditional comments but keep the span.
  for (const span of Array.from(paragraph.querySelectorAll('span'))) {
    if (/mso-list:\s*ignore/i.test(span.getAttribute('style') ?? '')) {
      const text = span.textContent ?? '';
      span.parentNode?.removeChild(span);
      return cleanMarker(text);
    }
  }
  return '';
}

function cleanMarker(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function readItem(paragraph: HTMLElement): WordListItem {
  const match = MSO_LIST.exec(paragraph.getAttribute('style') ?? '');
  const marker = takeMarker(paragraph);
  const ordered = isOrderedMarker(marker);
  return {
    paragraph,
    listId: match?.[1] ?? 'l0',
    level: Math.max(1, Number(match?.[2] ?? 1)),
    ordered,
    start: ordered && /^\d+/.test(marker) ? Number.parseInt(marker, 10) : 1,
  };
}

interface OpenList {
  list: HTMLElement;
  ordered: boolean;
  lastItem: HTMLElement | null;
}

function buildLists(items: WordListItem[], document: Document): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const stack: OpenList[] = [];
  let topListId = '';

  const open = (item: WordListItem): OpenList => {
    const list = document.createElement(item.ordered ? 'ol' : 'ul');
    if (item.ordered && item.start !== 1) list.setAttribute('start', String(item.start));
    return { list, ordered: item.ordered, lastItem: null };
  };

  for (const item of items) {
    // Word can skip levels (level1 straight to level3); nest one step at a time instead.
    const level = Math.min(item.level, stack.length + 1);
    stack.length = Math.min(stack.length, level);

    const current = stack[level - 1];
    const sameList =
      current !== undefined &&
      current.ordered === item.ordered &&
      (level > 1 || item.listId === topListId);
    if (!sameList) {
      const fresh = open(item);
      if (level === 1) {
        fragment.appendChild(fresh.list);
        topListId = item.listId;
      } else {
        const parent = stack[level - 2]!;
        if (current !== undefined) {
          current.list.after(fresh.list);
        } else {
          if (parent.lastItem === null) {
            parent.lastItem = document.createElement('li');
            parent.list.appendChild(parent.lastItem);
          }
          parent.lastItem.appendChild(fresh.list);
        }
      }
      stack[level - 1] = fresh;
    }

    const target = stack[level - 1]!;
    const li = document.createElement('li');
    while (item.paragraph.firstChild !== null) li.appendChild(item.paragraph.firstChild);
    target.list.appendChild(li);
    target.lastItem = li;
  }
  return fragment;
}

/** Rewrites every run of Word list paragraphs in `document` into nested <ul>/<ol> lists. */
export function rewriteWordLists(document: Document): void {
  const paragraphs = Array.from(document.querySelectorAll('p')).filter(isListParagraph);
  const runs: HTMLElement[][] = [];
  for (const paragraph of paragraphs) {
    const run = runs.at(-1);
    // A run is consecutive sibling paragraphs; anything else between them ends the list.
    if (run !== undefined && paragraph.previousElementSibling === run.at(-1)) run.push(paragraph);
    else runs.push([paragraph]);
  }
  for (const run of runs) {
    const items = run.map(readItem);
    const lists = buildLists(items, document);
    run[0]!.before(lists);
    for (const paragraph of run) paragraph.remove();
  }
}
