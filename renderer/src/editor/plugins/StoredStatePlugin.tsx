import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useEffect, useState } from 'react';

/**
 * Loads the stored section into the editor after the plugins before it have registered, as a
 * bare Lexical editor would. Set at creation instead (LexicalComposer's `editorState`), the
 * section is in the editor when the list, link and table plugins register their node
 * transforms, and each registration marks every node of its type dirty: one more full update of
 * a long section on opening.
 *
 * The JSON is parsed while rendering, so a state that does not parse throws there (to the error
 * boundary), never opening empty where a later save could overwrite it.
 */
export function StoredStatePlugin({ state }: { state: string }): null {
  const [editor] = useLexicalComposerContext();
  const [parsed] = useState(() => editor.parseEditorState(state));
  useEffect(() => {
    // Tagged as LexicalComposer tags its initial state: not an undo step, not the writer's edit.
    editor.setEditorState(parsed, { tag: HISTORY_MERGE_TAG });
  }, [editor, parsed]);
  return null;
}
