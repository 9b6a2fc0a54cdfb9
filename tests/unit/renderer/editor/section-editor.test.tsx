// @vitest-environment jsdom
import { $isLinkNode } from '@lexical/link';
import type { LexicalEditor } from 'lexical';
import type { PasteCommandType } from 'lexical';
import { $getRoot, $isElementNode, $isTextNode, PASTE_COMMAND, UNDO_COMMAND } from 'lexical';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPEN_LINK_FORM_COMMAND } from '../../../../renderer/src/editor/commands';
import {
  MAX_UNDO_STEPS,
  UNDO_MERGE_MS,
} from '../../../../renderer/src/editor/plugins/BoundedHistoryPlugin';
import type { SectionEditorProps } from '../../../../renderer/src/editor/SectionEditor';
import { SectionEditor } from '../../../../renderer/src/editor/SectionEditor';
import { b, editorState, p } from '../../../fixtures/export/editor-state';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const STORED = editorState(p('Plain ', b('bold'), ' words here'));

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
});

function mount(props: Partial<SectionEditorProps> = {}) {
  const onChange = vi.fn<SectionEditorProps['onChange']>();
  const onWordCount = vi.fn<(count: number) => void>();
  act(() => {
    root.render(
      <>
        <h2 id="section-title">Explore — why this initiative?</h2>
        <SectionEditor
          labelledBy="section-title"
          initialState={STORED}
          onChange={onChange}
          onWordCount={onWordCount}
          placeholder="Start writing…"
          {...props}
        />
      </>,
    );
  });
  const textbox = container.querySelector<HTMLElement>('[role="textbox"]')!;
  const editor = (textbox as unknown as { __lexicalEditor: LexicalEditor }).__lexicalEditor;
  return { onChange, onWordCount, textbox, editor };
}

/** Runs `fn` and lets Lexical commit (a microtask) and React re-render before returning. */
async function settle(fn: () => unknown = () => undefined): Promise<void> {
  await act(async () => {
    fn();
    await Promise.resolve();
  });
}

/** A button's accessible name, as a screen reader computes it here: aria-label, else the text outside aria-hidden parts. */
function accessibleName(b: Element): string {
  const label = b.getAttribute('aria-label');
  if (label !== null) return label;
  const clone = b.cloneNode(true) as Element;
  clone.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (clone.textContent ?? '').trim();
}

function button(name: string): HTMLButtonElement {
  const found = Array.from(container.querySelectorAll<HTMLButtonElement>('button')).find(
    (each) => accessibleName(each) === name,
  );
  if (found === undefined) throw new Error(`no button ${name}`);
  return found;
}

describe('SectionEditor', () => {
  it('is a multiline textbox named by the section heading, with a Formatting toolbar', () => {
    const { textbox } = mount();
    expect(textbox.getAttribute('aria-labelledby')).toBe('section-title');
    expect(textbox.getAttribute('aria-multiline')).toBe('true');
    expect(textbox.getAttribute('contenteditable')).toBe('true');

    const toolbar = container.querySelector('[role="toolbar"]')!;
    expect(toolbar.getAttribute('aria-label')).toBe('Formatting');
    expect(toolbar.getAttribute('aria-controls')).toBe(textbox.id);
    expect(textbox.id).not.toBe('');

    const names = Array.from(toolbar.querySelectorAll('button')).map(accessibleName);
    expect(names).toEqual([
      'Bold',
      'Italic',
      'Underline',
      'Strikethrough',
      'Paragraph',
      'Heading 1',
      'Heading 2',
      'Heading 3',
      'Bulleted list',
      'Numbered list',
      'Quote',
      'Link',
      'Table',
      'Undo',
      'Redo',
    ]);
    // Roving tabindex: one Tab stop for the whole toolbar.
    expect(toolbar.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);
  });

  it('loads the stored state and reports its word count, without reporting a change', () => {
    const { textbox, onChange, onWordCount } = mount();
    expect(textbox.textContent).toBe('Plain bold words here');
    expect(onWordCount).toHaveBeenLastCalledWith(4);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('reports content changes with a lazy snapshot, but not selection moves', async () => {
    const { editor, onChange } = mount();
    await settle(() => {
      editor.update(() => $getRoot().getAllTextNodes()[0]!.select(0, 0));
    });
    expect(onChange).not.toHaveBeenCalled();

    await settle(() => {
      editor.update(() => $getRoot().getLastChild()!.selectEnd().insertText(' and more'));
    });
    expect(onChange).toHaveBeenCalledTimes(1);
    const produce = onChange.mock.calls[0]![0];
    const snapshot = produce();
    expect(snapshot.text).toBe('Plain bold words here and more');
    expect(snapshot.wordCount).toBe(6);
    expect(JSON.parse(snapshot.editorState)).toHaveProperty('root.children.0.type', 'paragraph');
    expect(produce()).toBe(snapshot);
  });

  it('throttles the live word count while typing', async () => {
    vi.useFakeTimers();
    const { editor, onWordCount } = mount();
    await settle(); // let the stored state's first render happen
    onWordCount.mockClear();
    for (let i = 0; i < 10; i++) {
      await settle(() => {
        editor.update(() => $getRoot().getLastChild()!.selectEnd().insertText(` w${i}`));
      });
    }
    expect(onWordCount).not.toHaveBeenCalled();
    await settle(() => vi.advanceTimersByTime(300));
    expect(onWordCount).toHaveBeenCalledTimes(1);
    expect(onWordCount).toHaveBeenLastCalledWith(14);
  });

  it('shows the selection’s formats as pressed buttons', async () => {
    const { editor } = mount();
    expect(button('Bold').getAttribute('aria-pressed')).toBe('false');
    expect(button('Paragraph').getAttribute('aria-pressed')).toBe('true');
    await settle(() => {
      editor.update(() => {
        const bold = $getRoot()
          .getAllTextNodes()
          .find((node) => node.getTextContent() === 'bold')!;
        bold.select(1, 2);
      });
    });
    expect(button('Bold').getAttribute('aria-pressed')).toBe('true');
    expect(button('Italic').getAttribute('aria-pressed')).toBe('false');
  });

  it('turns the block into a heading from the toolbar, and back', async () => {
    const { editor } = mount();
    await settle(() => {
      editor.update(() => $getRoot().getAllTextNodes()[0]!.select(0, 0));
    });
    await settle(() => button('Heading 2').click());
    expect(editor.getEditorState().read(() => $getRoot().getFirstChild()!.getType())).toBe(
      'heading',
    );
    expect(button('Heading 2').getAttribute('aria-pressed')).toBe('true');
    await settle(() => button('Heading 2').click());
    expect(editor.getEditorState().read(() => $getRoot().getFirstChild()!.getType())).toBe(
      'paragraph',
    );
  });

  it('inserts a table with a header row from the toolbar', async () => {
    const { editor } = mount();
    await settle(() => {
      editor.update(() => $getRoot().getLastChild()!.selectEnd());
    });
    await settle(() => button('Table').click());
    const header = editor.getEditorState().read(() => {
      const table = $getRoot()
        .getChildren()
        .find((node) => node.getType() === 'table');
      return table?.exportJSON();
    });
    expect(header).toBeDefined();
    expect(container.querySelectorAll('table tr')).toHaveLength(3);
    expect(container.querySelectorAll('table tr:first-child th')).toHaveLength(3);
  });

  it('links through the inline form, refusing javascript:', async () => {
    const { editor } = mount();
    await settle(() => {
      editor.update(() => {
        const words = $getRoot()
          .getAllTextNodes()
          .find((node) => node.getTextContent() === ' words here')!;
        words.select(1, 6);
      });
    });
    await settle(() => {
      editor.dispatchCommand(OPEN_LINK_FORM_COMMAND, undefined);
    });
    const form = container.querySelector('form[aria-label="Edit link"]')!;
    const input = form.querySelector('input')!;
    expect(form.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Link address');
    expect(document.activeElement).toBe(input);

    const typeAndSubmit = async (value: string) => {
      await settle(() => {
        // React tracks the value it last set; the native setter makes the change visible to it.
        // eslint-disable-next-line @typescript-eslint/unbound-method
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await settle(() => {
        form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
    };

    await typeAndSubmit('javascript:alert(1)');
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/https:\/\//);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(editor.getEditorState().read(() => $getRoot().getAllTextNodes().length)).toBe(3);

    await typeAndSubmit('www.ncetm.org.uk');
    expect(container.querySelector('form[aria-label="Edit link"]')).toBeNull();
    const links = editor.getEditorState().read(() => {
      const paragraph = $getRoot().getFirstChild();
      if (!$isElementNode(paragraph)) throw new Error('no paragraph');
      return paragraph
        .getChildren()
        .filter($isLinkNode)
        .map((link) => [link.getTextContent(), link.getURL()]);
    });
    expect(links).toEqual([['words', 'https://www.ncetm.org.uk/']]);
  });

  it('pastes HTML through the normalizer', async () => {
    // jsdom has no ClipboardEvent; a stand-in with the same name is what Lexical checks for.
    class ClipboardEvent extends Event {
      constructor(
        type: string,
        readonly clipboardData: { getData: (type: string) => string },
      ) {
        super(type, { cancelable: true });
      }
    }
    vi.stubGlobal('ClipboardEvent', ClipboardEvent);
    const { editor } = mount();
    await settle(() => {
      editor.update(() => $getRoot().getLastChild()!.selectEnd());
    });
    const html =
      '<b style="font-weight:normal" id="docs-internal-guid-1"><span style="font-weight:700">Loud</span><img src=x onerror="window.__aedPwned=1"><a href="javascript:alert(1)">quiet</a></b>';
    const event = new ClipboardEvent('paste', {
      getData: (type) => (type === 'text/html' ? html : type === 'text/plain' ? 'Loudquiet' : ''),
    });
    await settle(() => {
      editor.dispatchCommand(PASTE_COMMAND, event as unknown as PasteCommandType);
    });
    vi.unstubAllGlobals();
    expect(event.defaultPrevented).toBe(true);
    const pasted = editor.getEditorState().read(() =>
      $getRoot()
        .getAllTextNodes()
        .filter($isTextNode)
        .map((node) => [node.getTextContent(), node.hasFormat('bold')]),
    );
    expect(pasted.slice(-2)).toEqual([
      ['Loud', true],
      ['quiet', false],
    ]);
    expect(container.querySelector('img, a[href^="javascript"]')).toBeNull();
  });

  it('calls onBlur when focus leaves the text', () => {
    const onBlur = vi.fn();
    const { textbox } = mount({ onBlur });
    act(() => {
      textbox.focus();
      textbox.blur();
    });
    expect(onBlur).toHaveBeenCalledTimes(1);
  });

  it('undoes step by step back to the stored text, keeping at most MAX_UNDO_STEPS steps', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { editor, textbox } = mount();
    const type = async (i: number) => {
      // Apart by more than the merge window: each insertion is its own undo step.
      vi.setSystemTime(Date.now() + UNDO_MERGE_MS + 1);
      await settle(() => {
        editor.update(() => $getRoot().getLastChild()!.selectEnd().insertText(` w${i}`));
      });
    };
    const undoAll = async () => {
      for (let i = 0; i < MAX_UNDO_STEPS + 50; i++) {
        await settle(() => editor.dispatchCommand(UNDO_COMMAND, undefined));
      }
    };

    for (let i = 0; i < 3; i++) await type(i);
    await undoAll();
    // Loading the stored text was not a step: undo stops there.
    expect(textbox.textContent).toBe('Plain bold words here');

    const dropped = 20;
    const steps = MAX_UNDO_STEPS + dropped;
    for (let i = 0; i < steps; i++) await type(i);
    expect(textbox.textContent?.endsWith(` w${steps - 1}`)).toBe(true);
    await undoAll();
    // The oldest steps were let go: undo goes back MAX_UNDO_STEPS, to after the 20th insertion.
    expect(textbox.textContent).toBe(
      'Plain bold words here' + Array.from({ length: dropped }, (_, i) => ` w${i}`).join(''),
    );
  });

  it('opens a section holding a node type it does not know read-only, with an alert, and never reports a change', async () => {
    const stored = JSON.parse(editorState(p('Before the chart.'), p('After the chart.'))) as {
      root: { children: unknown[] };
    };
    stored.root.children.splice(1, 0, { type: 'chart', version: 1, text: 'Scores rose' });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { textbox, editor, onChange } = mount({ initialState: JSON.stringify(stored) });
    errors.mockRestore();
    const alert = container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('“chart”');
    expect(alert?.textContent).toMatch(/Update AED Writer .* or restore an earlier version/);
    // Everything is shown, the unknown node's words too, and the text can't be changed.
    expect(textbox.textContent).toContain('Before the chart.');
    expect(textbox.textContent).toContain('Scores rose');
    expect(textbox.textContent).toContain('After the chart.');
    expect(textbox.getAttribute('contenteditable')).toBe('false');
    expect(container.querySelector('[role="toolbar"]')).toBeNull();
    await settle(() => {
      editor.update(() => $getRoot().getLastChild()!.selectEnd().insertText(' typed'));
    });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('opens a damaged state (not JSON) read-only with an alert instead of throwing', () => {
    const { textbox, onChange } = mount({ initialState: '{"root":' });
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/damaged/);
    expect(textbox.getAttribute('contenteditable')).toBe('false');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('loads an empty section from null', () => {
    const { textbox, onWordCount } = mount({ initialState: null });
    expect(textbox.textContent).toBe('');
    expect(onWordCount).toHaveBeenCalledWith(0);
    expect(container.textContent).toContain('Start writing…');
    expect(textbox.getAttribute('aria-placeholder')).toBe('Start writing…');
  });
});
