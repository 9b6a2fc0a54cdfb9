import {
  createLexicalComposerContext,
  LexicalComposerContext,
  type LexicalComposerContextWithEditor,
} from '@lexical/react/LexicalComposerContext';
import {
  $createParagraphNode,
  $getRoot,
  createEditor,
  HISTORY_MERGE_TAG,
  type CreateEditorArgs,
  type EditorThemeClasses,
} from 'lexical';
import { useState, type ReactNode } from 'react';
import { EDITOR_DOM } from './list-dom';

export interface EditorComposerProps {
  /** Read once: the editor is made on mount. */
  config: Omit<CreateEditorArgs, 'dom'> & { theme: EditorThemeClasses };
  /** Start with one empty paragraph; false when a stored state is loaded into it instead. */
  startEmpty: boolean;
  children: ReactNode;
}

/**
 * What LexicalComposer does (make the editor, hand it to the plugins below), with this editor's
 * DOM (list-dom.ts), which LexicalComposer does not pass on to the editor it makes.
 */
export function EditorComposer({ config, startEmpty, children }: EditorComposerProps) {
  const [context] = useState((): LexicalComposerContextWithEditor => {
    const editor = createEditor({ ...config, dom: EDITOR_DOM });
    if (startEmpty) {
      // As LexicalComposer starts an editor given no state: not an undo step, not an edit.
      editor.update(
        () => {
          const root = $getRoot();
          if (root.isEmpty()) root.append($createParagraphNode());
        },
        { tag: HISTORY_MERGE_TAG },
      );
    }
    return [editor, createLexicalComposerContext(null, config.theme)];
  });
  return (
    <LexicalComposerContext.Provider value={context}>{children}</LexicalComposerContext.Provider>
  );
}
