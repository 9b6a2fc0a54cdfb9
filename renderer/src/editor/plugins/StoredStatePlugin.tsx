import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { EditorState } from 'lexical';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useEffect } from 'react';

/**
 * Loads the stored section into the editor after the plugins before it have registered, as a
 * bare Lexical editor would. Set at creation instead (LexicalComposer's `editorState`), the
 * section is in the editor when the list, link and table plugins register their node
 * transforms, and each registration marks every node of its type dirty: one more full update of
 * a long section on opening.
 *
 * The state comes parsed (stored-state.ts), so a state that does not fully parse is known
 * before it is shown, never opened cut short where a later save could overwrite it.
 */
export function StoredStatePlugin({ state }: { state: EditorState }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    // Tagged as LexicalComposer tags its initial state: not an undo step, not the writer's edit.
    editor.setEditorState(state, { tag: HISTORY_MERGE_TAG });
  }, [editor, state]);
  return null;
}
