// @vitest-environment jsdom
import { createHeadlessEditor } from '@lexical/headless';
import { $isListNode } from '@lexical/list';
import {
  $convertFromMarkdownString,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
} from '@lexical/markdown';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $getRoot, $isParagraphNode, $isTextNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  HEADING_1_TO_3,
  MARKDOWN_TRANSFORMERS,
} from '../../../../renderer/src/editor/markdown-transformers';
import { nodes } from '../../../../renderer/src/editor/nodes';

function importMarkdown(markdown: string): string[] {
  const editor = createHeadlessEditor({
    nodes: [...nodes],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(() => $convertFromMarkdownString(markdown, MARKDOWN_TRANSFORMERS), {
    discrete: true,
  });
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((node) => {
        if ($isHeadingNode(node)) return node.getTag();
        if ($isListNode(node)) return node.getListType();
        if ($isQuoteNode(node)) return 'quote';
        if ($isParagraphNode(node)) return 'p';
        return node.getType();
      }),
  );
}

describe('markdown shortcuts', () => {
  it('holds exactly the supported transformers', () => {
    expect(MARKDOWN_TRANSFORMERS).toEqual([
      HEADING_1_TO_3,
      QUOTE,
      UNORDERED_LIST,
      ORDERED_LIST,
      BOLD_ITALIC_STAR,
      BOLD_ITALIC_UNDERSCORE,
      BOLD_STAR,
      BOLD_UNDERSCORE,
      STRIKETHROUGH,
      ITALIC_STAR,
      ITALIC_UNDERSCORE,
    ]);
    // Nothing that would create a node the editor doesn't register, or a link that skips the
    // URL check.
    const types = MARKDOWN_TRANSFORMERS.map((transformer) => transformer.type);
    expect(types).not.toContain('text-match');
    expect(types).not.toContain('multiline-element');
  });

  it('turns # to ### into h1–h3, but not ####', () => {
    expect(importMarkdown('# One\n\n## Two\n\n### Three\n\n#### Four')).toEqual([
      'h1',
      'h2',
      'h3',
      'p',
    ]);
  });

  it('turns - and * into bulleted lists, 1. into a numbered one, > into a quote', () => {
    expect(importMarkdown('- a')).toEqual(['bullet']);
    expect(importMarkdown('* a')).toEqual(['bullet']);
    expect(importMarkdown('1. a')).toEqual(['number']);
    expect(importMarkdown('> a')).toEqual(['quote']);
  });

  it('reads bold and italic markers', () => {
    const editor = createHeadlessEditor({
      nodes: [...nodes],
      onError: (error) => {
        throw error;
      },
    });
    editor.update(
      () => $convertFromMarkdownString('**strong** and *soft*', MARKDOWN_TRANSFORMERS),
      {
        discrete: true,
      },
    );
    const formats = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter($isTextNode)
        .map((node) => [node.getTextContent(), node.hasFormat('bold'), node.hasFormat('italic')]),
    );
    expect(formats).toEqual([
      ['strong', true, false],
      [' and ', false, false],
      ['soft', false, true],
    ]);
  });
});
