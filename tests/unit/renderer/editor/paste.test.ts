// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import type { ListNode } from '@lexical/list';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isLinkNode } from '@lexical/link';
import { $isHeadingNode } from '@lexical/rich-text';
import { $isTableCellNode, $isTableNode, $isTableRowNode } from '@lexical/table';
import type { LexicalEditor, LexicalNode, TextFormatType } from 'lexical';
import {
  $createParagraphNode,
  $getRoot,
  $isElementNode,
  $isParagraphNode,
  $isTextNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { nodes } from '../../../../renderer/src/editor/nodes';
import { $insertClipboardHtml } from '../../../../renderer/src/editor/paste/insert-clipboard-html';
import { normalizeClipboardHtml } from '../../../../renderer/src/editor/paste/normalize-clipboard-html';
import { isOrderedMarker } from '../../../../renderer/src/editor/paste/word-lists';

const fixture = (name: string): string =>
  readFileSync(resolve(import.meta.dirname, '../../../fixtures/clipboard', name), 'utf8');

function pasteInto(html: string): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'test',
    nodes: [...nodes],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      $getRoot().clear().append(paragraph);
      $insertClipboardHtml(editor, html, paragraph.select());
    },
    { discrete: true },
  );
  return editor;
}

function read<T>(editor: LexicalEditor, fn: () => T): T {
  return editor.getEditorState().read(fn);
}

/** Top-level blocks as short descriptions: "h1", "p", "ul", "ol", "table". */
function $outline(): string[] {
  return $getRoot()
    .getChildren()
    .map((node) => {
      if ($isHeadingNode(node)) return node.getTag();
      if ($isListNode(node)) return node.getTag();
      if ($isTableNode(node)) return 'table';
      if ($isParagraphNode(node)) return 'p';
      return node.getType();
    });
}

interface ItemShape {
  text: string;
  children?: { type: 'bullet' | 'number'; items: ItemShape[] };
}

/** A list as text items with their nested lists (Lexical nests a list in a separate item). */
function $listShape(list: ListNode): { type: 'bullet' | 'number'; items: ItemShape[] } {
  const items: ItemShape[] = [];
  for (const child of list.getChildren()) {
    if (!$isListItemNode(child)) throw new Error(`unexpected ${child.getType()} in a list`);
    const nested = child.getFirstChild();
    if ($isListNode(nested)) {
      const previous = items.at(-1);
      if (previous === undefined) throw new Error('nested list without a parent item');
      previous.children = $listShape(nested);
    } else {
      items.push({ text: child.getTextContent() });
    }
  }
  return { type: list.getListType() as 'bullet' | 'number', items };
}

function $findText(text: string): LexicalNode {
  const found = $getRoot()
    .getAllTextNodes()
    .find((node) => node.getTextContent() === text);
  if (found === undefined) throw new Error(`no text node "${text}"`);
  return found;
}

function $formatsOf(text: string): TextFormatType[] {
  const node = $findText(text);
  if (!$isTextNode(node)) throw new Error('not text');
  return (['bold', 'italic', 'underline', 'strikethrough'] as const).filter((format) =>
    node.hasFormat(format),
  );
}

function $tableCells(): string[][] {
  const table = $getRoot().getChildren().find($isTableNode);
  if (table === undefined) throw new Error('no table');
  return table.getChildren().map((row) => {
    if (!$isTableRowNode(row)) throw new Error('not a row');
    return row.getChildren().map((cell) => {
      if (!$isTableCellNode(cell)) throw new Error('not a cell');
      return cell.getTextContent();
    });
  });
}

function $links(): { text: string; url: string }[] {
  const links: { text: string; url: string }[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isLinkNode(node)) links.push({ text: node.getTextContent(), url: node.getURL() });
    if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return links;
}

describe('Word clipboard HTML', () => {
  const editor = pasteInto(fixture('word-lists-headings.html'));

  it('keeps headings, paragraphs, lists and the table in order', () => {
    // The trailing "p" is Word's own blank paragraph (<p><o:p>&nbsp;</o:p></p>).
    expect(read(editor, $outline)).toEqual(['h1', 'p', 'ul', 'h2', 'ol', 'h3', 'table', 'p']);
    expect(read(editor, () => $getRoot().getChildren()[0]!.getTextContent())).toBe(
      'Why this initiative?',
    );
  });

  it('turns mso-list paragraphs into nested bulleted lists without the drawn bullets', () => {
    const shape = read(editor, () => $listShape($getRoot().getChildren()[2] as ListNode));
    expect(shape).toEqual({
      type: 'bullet',
      items: [
        {
          text: 'Year 3 teachers',
          children: {
            type: 'bullet',
            items: [{ text: 'Two from the lower site' }, { text: 'One from the upper site' }],
          },
        },
        { text: 'Teaching assistants' },
      ],
    });
  });

  it('reads numbered Word lists (1., a.) as ordered, nested two levels', () => {
    const shape = read(editor, () => $listShape($getRoot().getChildren()[4] as ListNode));
    expect(shape).toEqual({
      type: 'number',
      items: [
        {
          text: 'Lesson study cycle',
          children: {
            type: 'number',
            items: [{ text: 'Plan together' }, { text: 'Teach and observe twice' }],
          },
        },
        { text: 'Review pupil work' },
      ],
    });
  });

  it('keeps bold, italic, underline and strikethrough', () => {
    read(editor, () => {
      expect($formatsOf('reasoning')).toEqual(['bold']);
      expect($formatsOf('time to plan together')).toEqual(['italic']);
      expect($formatsOf('together')).toEqual(['underline']);
      expect($formatsOf('twice')).toEqual(['strikethrough']);
      expect($formatsOf('teachers')).toEqual(['bold']);
    });
  });

  it('keeps the https link and the table cells', () => {
    expect(read(editor, $links)).toEqual([
      { text: 'NCETM guidance', url: 'https://www.ncetm.org.uk/' },
    ]);
    expect(read(editor, $tableCells)).toEqual([
      ['Session', 'Staff present'],
      ['Autumn 1', '12'],
    ]);
    read(editor, () => expect($formatsOf('Session')).toEqual(['bold']));
  });

  it('leaves no Word markers or stray bullets in the text', () => {
    const text = read(editor, () => $getRoot().getTextContent());
    expect(text).not.toMatch(/[·§]|\bo\s{2}|mso-|\u00a0{2}/);
    expect(text).not.toContain('1.');
  });
});

describe('Google Docs clipboard HTML', () => {
  const editor = pasteInto(fixture('gdocs-lists-headings.html'));

  it('unwraps the docs-internal-guid <b> (it is not bold) and keeps the headings', () => {
    // The "p" between the paragraph and h2, and before the table, are Docs' blank lines (<br>).
    expect(read(editor, $outline)).toEqual(['h1', 'p', 'p', 'h2', 'ul', 'h3', 'ol', 'p', 'table']);
    read(editor, () => {
      expect($formatsOf('Impact on pupils')).toEqual([]);
      expect($formatsOf('Pupils now ')).toEqual([]);
    });
  });

  it('turns style-based emphasis into text formats', () => {
    read(editor, () => {
      expect($formatsOf('explain')).toEqual(['bold']);
      expect($formatsOf('use')).toEqual(['italic']);
      expect($formatsOf('check')).toEqual(['underline']);
      expect($formatsOf('guess')).toEqual(['strikethrough']);
      // Docs underlines the text inside every link; a link is not underlined text.
      expect($formatsOf('the NCETM')).toEqual([]);
    });
    expect(read(editor, $links)).toEqual([{ text: 'the NCETM', url: 'https://www.ncetm.org.uk/' }]);
  });

  it('nests aria-level 2 items (a <ul> beside the <li>) under their parent item', () => {
    const bullets = read(editor, () => $listShape($getRoot().getChildren()[4] as ListNode));
    expect(bullets).toEqual({
      type: 'bullet',
      items: [
        {
          text: 'Book looks',
          children: { type: 'bullet', items: [{ text: 'Autumn term' }, { text: 'Spring term' }] },
        },
        { text: 'Pupil voice' },
      ],
    });
    const numbers = read(editor, () => $listShape($getRoot().getChildren()[6] as ListNode));
    expect(numbers).toEqual({
      type: 'number',
      items: [
        {
          text: 'Share with staff',
          children: { type: 'number', items: [{ text: 'At the INSET day' }] },
        },
        { text: 'Repeat the cycle' },
      ],
    });
  });

  it('keeps the table with text in its cells', () => {
    expect(read(editor, $tableCells)).toEqual([
      ['Measure', 'Result'],
      ['Reasoning score', '+14%'],
    ]);
  });
});

describe('hostile clipboard HTML', () => {
  const html = fixture('hostile.html');
  const globals = globalThis as { __aedPwned?: unknown };

  afterEach(() => {
    delete globals.__aedPwned;
  });

  it('never runs script while normalizing: the HTML lands in a document with no window', () => {
    delete globals.__aedPwned;
    const document = normalizeClipboardHtml(html);
    // A document without a browsing context runs no script, fires no handler and loads nothing,
    // so there is nothing to wait for here; the e2e paste test checks the same in Chromium.
    expect(document.defaultView).toBeNull();
    expect(globals.__aedPwned).toBeUndefined();
  });

  it('leaves no script, frame, object, image, form control, style or handler', () => {
    const body = normalizeClipboardHtml(html).body;
    expect(
      body.querySelectorAll(
        'script, style, iframe, object, embed, img, svg, math, video, form, input, button, link, meta, noscript',
      ),
    ).toHaveLength(0);
    for (const element of Array.from(body.querySelectorAll('*'))) {
      const attributes = element.getAttributeNames();
      expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
      expect(attributes.filter((name) => name !== 'href')).toEqual([]);
    }
    const hrefs = Array.from(body.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://example.org']);
    expect(body.innerHTML).not.toMatch(/javascript:|vbscript:|data:|expression\(|url\(/i);
  });

  it('keeps the bold word, the list and the https link in the editor', () => {
    const editor = pasteInto(html);
    read(editor, () => {
      expect($formatsOf('important')).toEqual(['bold']);
      expect($formatsOf('survivor')).toEqual(['bold']);
      expect($links()).toEqual([{ text: 'Example site', url: 'https://example.org' }]);
      const list = $getRoot().getChildren().find($isListNode);
      expect(list && $listShape(list)).toEqual({
        type: 'bullet',
        items: [{ text: 'First survivor' }, { text: 'Second survivor' }],
      });
      // Refused links keep their words, without the link.
      expect($getRoot().getTextContent()).toContain('javascript link text');
      expect($getRoot().getTextContent()).not.toContain('__aedPwned');
    });
  });
});

describe('Word list markers', () => {
  it.each(['1.', '1)', '12.', '1.2.', 'a.', 'b)', '(c)', 'iv.', 'IV.'])(
    '%s is numbered',
    (marker) => {
      expect(isOrderedMarker(marker)).toBe(true);
    },
  );
  it.each(['·', 'o', '§', '•', '–', '', '-'])('"%s" is a bullet', (marker) => {
    expect(isOrderedMarker(marker)).toBe(false);
  });
});

describe('normalizer edge cases', () => {
  it('keeps only the StartFragment…EndFragment part', () => {
    const body = normalizeClipboardHtml(
      '<body><p>before</p><!--StartFragment--><p>inside</p><!--EndFragment--><p>after</p></body>',
    ).body;
    expect(body.textContent).toBe('inside');
  });

  it('starts a numbered Word list at its first number', () => {
    const body = normalizeClipboardHtml(
      `<p class=MsoListParagraph style='mso-list:l3 level1 lfo4'><![if !supportLists]><span style='mso-list:Ignore'>3.<span>&nbsp;&nbsp; </span></span><![endif]>Third</p>`,
    ).body;
    expect(body.innerHTML).toBe('<ol start="3"><li>Third</li></ol>');
  });

  it('separates a bulleted list from a numbered one that follows it', () => {
    const item = (list: string, marker: string, text: string): string =>
      `<p class=MsoListParagraphCxSpMiddle style='mso-list:${list} level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>${marker}<span>&nbsp; </span></span><![endif]>${text}</p>`;
    const body = normalizeClipboardHtml(item('l0', '·', 'dot') + item('l1', '1.', 'one')).body;
    expect(body.innerHTML).toBe('<ul><li>dot</li></ul><ol><li>one</li></ol>');
  });

  it('maps h4–h6 to h3 and Word MsoTitle to h1', () => {
    const body = normalizeClipboardHtml(
      '<h4>four</h4><h6>six</h6><p class=MsoTitle>title</p>',
    ).body;
    expect(body.innerHTML).toBe('<h3>four</h3><h3>six</h3><h1>title</h1>');
  });

  it('refuses http:, file: and relative links but keeps mailto:', () => {
    const body = normalizeClipboardHtml(
      '<a href="http://a.example">a</a><a href="file:///c:/x">b</a><a href="/x">c</a><a href="mailto:head@school.example">d</a>',
    ).body;
    expect(body.innerHTML).toBe('abc<a href="mailto:head@school.example">d</a>');
  });
});
