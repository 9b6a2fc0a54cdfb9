import { $isListNode } from '@lexical/list';
import type { EditorState, LexicalNode } from 'lexical';
import { $getRoot, $isElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_DEPTH } from '../../../../shared/content-limits';
import { openStoredState } from '../../../../renderer/src/editor/stored-state';
import {
  editorState,
  li,
  link,
  p,
  table,
  ul,
  type ListSpec,
} from '../../../fixtures/export/editor-state';

const STORED = editorState(
  p('Before the picture.'),
  p('Read ', link('https://ncetm.org.uk', 'the guidance'), ' first.'),
  ul(li('one'), li('two')),
  table([
    ['Class', 'Score'],
    ['3A', '41%'],
  ]),
);

type Json = Record<string, unknown>;

function withRoot(json: string, change: (children: Json[]) => void): string {
  const data = JSON.parse(json) as { root: { children: Json[] } };
  change(data.root.children);
  return JSON.stringify(data);
}

const text = (t: string): Json => ({
  type: 'text',
  text: t,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
});

function firstBlock(block: Parameters<typeof editorState>[0]): Json {
  return (JSON.parse(editorState(block)) as { root: { children: Json[] } }).root.children[0]!;
}

function textOf(state: EditorState | null): string {
  return state?.read(() => $getRoot().getTextContent()) ?? '';
}

function $deepestList(): number {
  let max = 0;
  const pending: { node: LexicalNode; lists: number }[] = [{ node: $getRoot(), lists: 0 }];
  while (pending.length > 0) {
    const { node, lists } = pending.pop()!;
    const depth = $isListNode(node) ? lists + 1 : lists;
    max = Math.max(max, depth);
    if ($isElementNode(node))
      for (const c of node.getChildren()) pending.push({ node: c, lists: depth });
  }
  return max;
}

function nestedList(levels: number): ListSpec {
  let list = ul(li(`item ${levels}`));
  for (let level = levels - 1; level >= 1; level--) list = ul(li(`item ${level}`, list));
  return list;
}

describe('openStoredState', () => {
  it('opens what the editor wrote exactly as stored, editable', () => {
    const opened = openStoredState(STORED);
    expect(opened.problem).toBeNull();
    expect(opened.notice).toBeNull();
    expect(JSON.stringify(opened.state!.toJSON())).toBe(STORED);
  });

  it('opens nothing for a section never written', () => {
    expect(openStoredState(null)).toEqual({ state: null, problem: null, notice: null });
  });

  it('names a node type it does not know, and shows every word around and inside it', () => {
    const json = withRoot(STORED, (blocks) => {
      blocks.splice(1, 0, { type: 'video', version: 1, src: 'lesson.mp4', altText: 'A bar chart' });
      blocks.push({
        type: 'collapsible-container',
        version: 1,
        children: [
          { type: 'collapsible-title', version: 1, children: [text('Appendix')] },
          {
            type: 'collapsible-content',
            version: 1,
            children: [firstBlock(p('Hidden detail.'))],
          },
        ],
      });
      (blocks[0]!.children as Json[]).push({
        type: 'equation',
        equation: 'x^2',
        text: 'x²',
        version: 1,
      });
    });
    // Lexical itself stops at the first unknown node: the rest never reaches the editor.
    const opened = openStoredState(json);
    expect(opened.problem).toContain('“video”');
    expect(opened.problem).toContain('“collapsible-container”');
    expect(opened.problem).toContain('“equation”');
    const shown = textOf(opened.state);
    for (const words of [
      'Before the picture.x²',
      'the guidance',
      'one',
      '41%',
      'Appendix',
      'Hidden detail.',
    ]) {
      expect(shown).toContain(words);
    }
  });

  it('shows damaged JSON as a problem, never as an empty section to write into', () => {
    const opened = openStoredState('{"root":{"children":[{"type":"paragraph"');
    expect(opened.problem).toMatch(/damaged/);
    expect(opened.state).toBeNull();
  });

  it('shows a state Lexical cannot build (text straight in the root) as plain paragraphs', () => {
    const json = withRoot(STORED, (blocks) => blocks.push(text('A loose line.')));
    const opened = openStoredState(json);
    expect(opened.problem).toMatch(/could not be read/);
    expect(textOf(opened.state)).toContain('A loose line.');
    expect(textOf(opened.state)).toContain('Before the picture.');
  });

  it('refuses content past the limits (a table cell spanning a billion columns)', () => {
    const json = withRoot(STORED, (blocks) => {
      const cell = ((blocks[3]!.children as Json[])[0]!.children as Json[])[0]!;
      cell.colSpan = 1e9;
    });
    expect(openStoredState(json).problem).toMatch(/spanning too many columns/);
  });

  it(`flattens lists nested past ${MAX_LIST_DEPTH} levels onto the last level, keeping every item, editable`, () => {
    const levels = 1_000;
    const opened = openStoredState(editorState(p('Intro'), nestedList(levels), p('After')));
    expect(opened.problem).toBeNull();
    expect(opened.notice).toMatch(/nested more than 20 levels/);
    expect(opened.state!.read($deepestList)).toBe(MAX_LIST_DEPTH);
    const lines = textOf(opened.state).split('\n').filter(Boolean);
    expect(lines).toEqual([
      'Intro',
      ...Array.from({ length: levels }, (_, i) => `item ${i + 1}`),
      'After',
    ]);
  });

  it('keeps lists within the limit as they are', () => {
    const json = editorState(nestedList(MAX_LIST_DEPTH));
    const opened = openStoredState(json);
    expect(opened.notice).toBeNull();
    expect(JSON.stringify(opened.state!.toJSON())).toBe(json);
  });
});
