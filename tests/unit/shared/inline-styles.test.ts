import { describe, expect, it } from 'vitest';
import { editorStateWithoutInlineStyles, stripInlineStyles } from '../../../shared/inline-styles';

const hidden = 'font-size:0;color:transparent';

function state(style: string) {
  return {
    root: {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          textStyle: style,
          children: [{ type: 'text', text: 'secret', style, format: 1 }],
        },
      ],
    },
  };
}

describe('stripInlineStyles', () => {
  it('clears text and paragraph styles and keeps everything else', () => {
    const value = state(hidden);
    expect(stripInlineStyles(value)).toBe(true);
    expect(value).toEqual(state(''));
  });

  it('reports nothing to do on content without styles', () => {
    expect(stripInlineStyles(state(''))).toBe(false);
    expect(stripInlineStyles([{ type: 'text', text: 'x', style: '' }])).toBe(false);
  });

  it('reaches styles nested 10,000 levels deep without overflowing the stack', () => {
    let node: Record<string, unknown> = { type: 'text', text: 'deep', style: hidden };
    for (let i = 0; i < 10_000; i++) node = { type: 'listitem', children: [node] };
    expect(stripInlineStyles([node])).toBe(true);
    let inner: Record<string, unknown> = node;
    while (Array.isArray(inner.children)) inner = (inner.children as Record<string, unknown>[])[0]!;
    expect(inner.style).toBe('');
  });
});

describe('editorStateWithoutInlineStyles', () => {
  it('returns the same text when there is nothing to remove, or when it is not JSON', () => {
    const clean = JSON.stringify(state(''));
    expect(editorStateWithoutInlineStyles(clean)).toBe(clean);
    expect(editorStateWithoutInlineStyles('{not json')).toBe('{not json');
    expect(editorStateWithoutInlineStyles(null)).toBeNull();
  });

  it('rewrites a state that hides text', () => {
    const out = editorStateWithoutInlineStyles(JSON.stringify(state(hidden)));
    expect(JSON.parse(out!)).toEqual(state(''));
  });
});
