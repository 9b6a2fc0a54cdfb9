// @vitest-environment jsdom
import { createHeadlessEditor } from '@lexical/headless';
import { $createLinkNode, $isLinkNode } from '@lexical/link';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode } from 'lexical';
import { expect, it } from 'vitest';
import { nodes } from '../../../../renderer/src/editor/nodes';
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
