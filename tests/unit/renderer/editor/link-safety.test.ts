// @vitest-environment jsdom
import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode, $isLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode } from 'lexical';
import { expect, it } from 'vitest';
import { nodes } from '../../../../renderer/src/editor/nodes';
import { sanitizeClipboardDocument } from '../../../../renderer/src/editor/paste/sanitize-html';
import { registerLinkSafety } from '../../../../renderer/src/editor/plugins/link-safety';

it.each([
  ['javascript:alert(1)', false],
  ['data:text/html,x', false],
  ['http://example.org', false],
  ['https://example.org', true],
  ['mailto:head@school.example', true],
])('a link to %s stays a link: %s', (url, kept) => {
  const editor = createHeadlessEditor({
    nodes: [...nodes],
    onError: (error) => {
      throw error;
    },
  });
  registerLinkSafety(editor);
  editor.update(
    () => {
      const link = $createLinkNode(url).append($createTextNode('words'));
      $getRoot().clear().append($createParagraphNode().append(link));
    },
    { discrete: true },
  );
  const result = editor.getEditorState().read(() => {
    const paragraph = $getRoot().getFirstChild();
    if (!$isElementNode(paragraph)) throw new Error('no paragraph');
    return { hasLink: paragraph.getChildren().some($isLinkNode), text: paragraph.getTextContent() };
  });
  expect(result).toEqual({ hasLink: kept, text: 'words' });
});

it('keeps a mailto: link with only its address, subject and body, however it was made', () => {
  const editor = createHeadlessEditor({
    nodes: [...nodes],
    onError: (error) => {
      throw error;
    },
  });
  registerLinkSafety(editor);
  editor.update(
    () => {
      const link = $createLinkNode('mailto:lead@hub.example?attach=/etc/passwd&body=Hi').append(
        $createTextNode('email me'),
      );
      $getRoot().clear().append($createParagraphNode().append(link));
    },
    { discrete: true },
  );
  const url = editor.getEditorState().read(() => {
    const paragraph = $getRoot().getFirstChild();
    if (!$isElementNode(paragraph)) throw new Error('no paragraph');
    const link = paragraph.getChildren().find($isLinkNode);
    return link?.getURL();
  });
  expect(url).toBe('mailto:lead@hub.example?body=Hi');
});

it('cleans a pasted mailto: link the same way', () => {
  const source = new DOMParser().parseFromString(
    '<p><a href="mailto:lead@hub.example?attach=C:%5Csecret.docx&amp;subject=AED">write</a></p>',
    'text/html',
  );
  const clean = sanitizeClipboardDocument(source);
  expect([...clean.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
    'mailto:lead@hub.example?subject=AED',
  ]);
});
