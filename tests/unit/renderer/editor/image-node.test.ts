// @vitest-environment jsdom
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, $isParagraphNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { nodes } from '../../../../renderer/src/editor/nodes';
import { $isImageNode, type ImageNode } from '../../../../renderer/src/editor/nodes/ImageNode';
import { openStoredState } from '../../../../renderer/src/editor/stored-state';
import { editorState, img, p } from '../../../fixtures/export/editor-state';

const newEditor = (): LexicalEditor =>
  createHeadlessEditor({
    namespace: 'test',
    nodes: [...nodes],
    onError: (error) => {
      throw error;
    },
  });

const STORED = editorState(
  p('Our wall: ', img('ev-1', 'The working wall', 'In March', 200), ' and more.'),
);

describe('the image node', () => {
  it('is stored as {type: image, version 1, evidenceId, altText, caption, width} and read back the same', () => {
    const json = JSON.parse(STORED) as { root: { children: Array<{ children: unknown[] }> } };
    expect(json.root.children[0]!.children[1]).toEqual({
      type: 'image',
      version: 1,
      evidenceId: 'ev-1',
      altText: 'The working wall',
      caption: 'In March',
      width: 200,
    });
    const opened = openStoredState(STORED);
    // A section with an image opens editable, not read-only.
    expect(opened.problem).toBeNull();
    const editor = newEditor();
    editor.setEditorState(opened.state!);
    expect(JSON.stringify(editor.getEditorState().toJSON())).toBe(STORED);
  });

  it('reads fields it cannot trust as empty, and a width out of bounds as full width', () => {
    const editor = newEditor();
    const state = editor.parseEditorState({
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [{ type: 'image', version: 1, evidenceId: 'ev-2', altText: 7, width: -5 }],
          },
        ],
      },
    } as never);
    const image = state.read(() => $getRoot().getFirstDescendant<ImageNode>());
    expect($isImageNode(image)).toBe(true);
    expect(state.read(() => [image!.getAltText(), image!.getCaption(), image!.getWidth()])).toEqual(
      ['', '', null],
    );
  });

  it('copies out as an <img> with its alt text and item but no src, and pastes back as itself', () => {
    const editor = newEditor();
    editor.setEditorState(openStoredState(STORED).state!);
    const html = editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null));
    const dom = new DOMParser().parseFromString(html, 'text/html');
    const out = dom.querySelector('img')!;
    expect(out.getAttribute('alt')).toBe('The working wall');
    expect(out.getAttribute('data-aed-evidence-id')).toBe('ev-1');
    expect(out.hasAttribute('src')).toBe(false);

    const back = newEditor();
    back.update(
      () => {
        $getRoot()
          .clear()
          .append(...$generateNodesFromDOM(back, dom));
      },
      { discrete: true },
    );
    back.getEditorState().read(() => {
      const paragraph = $getRoot().getFirstChild();
      if (!$isParagraphNode(paragraph)) throw new Error('no paragraph');
      const image = paragraph.getChildren().find($isImageNode);
      expect(paragraph.getTextContent()).toBe('Our wall:  and more.');
      expect(image?.getEvidenceId()).toBe('ev-1');
      expect(image?.getAltText()).toBe('The working wall');
      expect(image?.getCaption()).toBe('In March');
      expect(image?.getWidth()).toBe(200);
    });
  });
});
