import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import type { BaseSelection, TextFormatType } from 'lexical';
import {
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { OPEN_LINK_FORM_COMMAND } from '../commands';
import { applyBlockType, insertTable } from './block-format';
import { $applyLink, $captureSelection, $currentLinkUrl } from './link-editing';
import { LinkForm } from './LinkForm';
import type { BlockType, ToolbarState } from './toolbar-state';
import { $readToolbarState, EMPTY_TOOLBAR_STATE, sameToolbarState } from './toolbar-state';

const IS_APPLE =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform);
const MOD = IS_APPLE ? 'Meta' : 'Control';
const MOD_LABEL = IS_APPLE ? '⌘' : 'Ctrl+';

interface ButtonSpec {
  /** The accessible name (UI-CONTRACT: plain words, kept exactly). */
  name: string;
  /** What sighted users see; hidden from assistive technology, which reads the name. */
  glyph: string;
  glyphClass?: string;
  shortcut?: { keys: string; label: string };
  pressed?: boolean;
  disabled?: boolean;
  expanded?: boolean;
  controls?: string;
  run: () => void;
  groupEnd?: boolean;
}

interface ToolbarProps {
  /** The id of the editor's content element, for aria-controls. */
  editorId: string;
}

export function Toolbar({ editorId }: ToolbarProps) {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(EMPTY_TOOLBAR_STATE);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  // The selection is saved when the form opens: focus moves into the form, and applying the
  // link must act on what was selected then.
  const [link, setLink] = useState<{ initialUrl: string; saved: BaseSelection | null } | null>(
    null,
  );
  const [active, setActive] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const linkFormId = useId();

  const openLinkForm = useCallback(() => {
    const opened = editor.read(() => ({
      initialUrl: $currentLinkUrl(),
      saved: $captureSelection(),
    }));
    setLink(opened);
  }, [editor]);

  useEffect(() => {
    let current = EMPTY_TOOLBAR_STATE;
    return mergeRegister(
      // Runs on every update, typing included, but only re-renders the toolbar when a pressed
      // state actually changes.
      editor.registerUpdateListener(({ editorState }) => {
        const next = editorState.read($readToolbarState);
        if (!sameToolbarState(next, current)) {
          current = next;
          setState(next);
        }
      }),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (payload) => {
          setCanUndo(payload);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (payload) => {
          setCanRedo(payload);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        OPEN_LINK_FORM_COMMAND,
        () => {
          openLinkForm();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, openLinkForm]);

  const closeLinkForm = (apply?: { url: string | null }): void => {
    if (apply !== undefined && link !== null) {
      const saved = link.saved;
      editor.update(() => $applyLink(saved, apply.url), { discrete: true });
    }
    setLink(null);
    editor.focus();
  };

  const format = (type: TextFormatType) => () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const block = (type: BlockType) => () => applyBlockType(editor, type, state.block);

  const specs: ButtonSpec[] = [
    { name: 'Bold', glyph: 'B', glyphClass: 'aed-toolbar__glyph--bold', shortcut: { keys: `${MOD}+B`, label: `${MOD_LABEL}B` }, pressed: state.bold, run: format('bold') },
    { name: 'Italic', glyph: 'I', glyphClass: 'aed-toolbar__glyph--italic', shortcut: { keys: `${MOD}+I`, label: `${MOD_LABEL}I` }, pressed: state.italic, run: format('italic') },
    { name: 'Underline', glyph: 'U', glyphClass: 'aed-toolbar__glyph--underline', shortcut: { keys: `${MOD}+U`, label: `${MOD_LABEL}U` }, pressed: state.underline, run: format('underline') },
    { name: 'Strikethrough', glyph: 'S', glyphClass: 'aed-toolbar__glyph--strikethrough', pressed: state.strikethrough, run: format('strikethrough'), groupEnd: true },
    { name: 'Paragraph', glyph: '¶', pressed: state.block === 'paragraph', run: block('paragraph') },
    { name: 'Heading 1', glyph: 'H1', pressed: state.block === 'h1', run: block('h1') },
    { name: 'Heading 2', glyph: 'H2', pressed: state.block === 'h2', run: block('h2') },
    { name: 'Heading 3', glyph: 'H3', pressed: state.block === 'h3', run: block('h3'), groupEnd: true },
    { name: 'Bulleted list', glyph: '•', pressed: state.block === 'bullet', run: block('bullet') },
    { name: 'Numbered list', glyph: '1.', pressed: state.block === 'number', run: block('number') },
    { name: 'Quote', glyph: '“', pressed: state.block === 'quote', run: block('quote'), groupEnd: true },
    { name: 'Link', glyph: 'Link', shortcut: { keys: `${MOD}+K`, label: `${MOD_LABEL}K` }, expanded: link !== null, controls: link !== null ? linkFormId : undefined, run: openLinkForm },
    { name: 'Table', glyph: 'Table', run: () => insertTable(editor), groupEnd: true },
    { name: 'Undo', glyph: '↶', shortcut: { keys: `${MOD}+Z`, label: `${MOD_LABEL}Z` }, disabled: !canUndo, run: () => editor.dispatchCommand(UNDO_COMMAND, undefined) },
    { name: 'Redo', glyph: '↷', shortcut: { keys: IS_APPLE ? 'Meta+Shift+Z' : 'Control+Y', label: IS_APPLE ? '⇧⌘Z' : 'Ctrl+Y' }, disabled: !canRedo, run: () => editor.dispatchCommand(REDO_COMMAND, undefined) },
  ]; // prettier-ignore

  // Roving tabindex: the toolbar is one Tab stop; arrow keys, Home and End move along it.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const last = specs.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: active === last ? 0 : active + 1,
      ArrowLeft: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    toolbarRef.current?.querySelectorAll<HTMLButtonElement>(':scope > button')[next]?.focus();
  };

  // Keeps the caret (and a mouse user's focus) in the text when a button is clicked.
  const keepEditorFocus = (event: MouseEvent): void => event.preventDefault();

  return (
    <>
      <div
        ref={toolbarRef}
        className="aed-toolbar"
        role="toolbar"
        aria-label="Formatting"
        aria-controls={editorId}
        onKeyDown={onKeyDown}
      >
        {specs.map((spec, index) => (
          <button
            key={spec.name}
            type="button"
            className={`aed-toolbar__button${spec.groupEnd === true ? ' aed-toolbar__button--group-end' : ''}`}
            tabIndex={index === active ? 0 : -1}
            aria-pressed={spec.pressed}
            aria-disabled={spec.disabled === true ? true : undefined}
            aria-expanded={spec.expanded}
            aria-controls={spec.controls}
            aria-keyshortcuts={spec.shortcut?.keys}
            title={
              spec.shortcut !== undefined ? `${spec.name} (${spec.shortcut.label})` : spec.name
            }
            onMouseDown={keepEditorFocus}
            onFocus={() => setActive(index)}
            onClick={() => {
              if (spec.disabled !== true) spec.run();
            }}
          >
            <span aria-hidden="true" className={`aed-toolbar__glyph ${spec.glyphClass ?? ''}`}>
              {spec.glyph}
            </span>
            {/* The name as hidden text, not aria-label: a short glyph such as "H1" is not a
                word of "Heading 1", and speech users say what the name is. */}
            <span className="aed-visually-hidden">{spec.name}</span>
          </button>
        ))}
      </div>
      {link !== null && (
        <LinkForm
          id={linkFormId}
          initialUrl={link.initialUrl}
          onApply={(url) => closeLinkForm({ url })}
          onRemove={link.initialUrl !== '' ? () => closeLinkForm({ url: null }) : null}
          onCancel={() => closeLinkForm()}
        />
      )}
    </>
  );
}
