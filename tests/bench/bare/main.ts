/// <reference types="vite/client" />
// The baseline the app is measured against: the app's node list, theme and editor stylesheet,
// and the same document, in a plain Lexical editor (rich text, lists, history) with no React and
// no app around it. So the two lay out the same DOM with the same CSS (content-visibility
// included), and the difference is what the app adds.
import { createEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import { registerList } from '@lexical/list';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { mergeRegister } from '@lexical/utils';
import { nodes } from '../../../renderer/src/editor/nodes';
import { theme } from '../../../renderer/src/editor/theme';
import '../../../renderer/src/editor/section-editor.css';

async function start(): Promise<void> {
  const root = document.getElementById('editor')!;
  const editor = createEditor({
    namespace: 'aed-bench-bare',
    nodes: [...nodes],
    theme,
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  // As the app's HistoryPlugin: changes within 1 s merge into one undo step.
  mergeRegister(
    registerRichText(editor),
    registerList(editor),
    registerHistory(editor, createEmptyHistoryState(), 1000),
  );
  // run.ts writes each measured section beside the built page; ?section= names it.
  const name = new URLSearchParams(location.search).get('section') ?? 'large';
  const json = await (await fetch(`./${encodeURIComponent(name)}.json`)).text();
  editor.setEditorState(editor.parseEditorState(json));
  document.documentElement.dataset.benchReady = 'true';
}

void start();
