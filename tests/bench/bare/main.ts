// The baseline the app is measured against: the app's node list and the same document in a
// plain Lexical editor (rich text, lists, history), with no React and no app around it.
import { createEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import { registerList } from '@lexical/list';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';
import { nodes } from '../../../renderer/src/editor/nodes';

async function start(): Promise<void> {
  const root = document.getElementById('editor')!;
  const editor = createEditor({
    namespace: 'aed-bench-bare',
    nodes: [...nodes],
    theme: {
      text: { bold: 'bold', italic: 'italic' },
      list: { nested: { listitem: 'nested-item' } },
    },
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  // Lexical's React HistoryPlugin merges changes within 300 ms by default; so does this.
  mergeRegister(
    registerRichText(editor),
    registerList(editor),
    registerHistory(editor, createEmptyHistoryState(), 300),
  );
  // run.ts writes the generated deliver section beside the built page.
  const json = await (await fetch('./deliver.json')).text();
  editor.setEditorState(editor.parseEditorState(json));
  document.documentElement.dataset.benchReady = 'true';
}

void start();
