import type { EditorState, LexicalEditor } from 'lexical';
import { createEditor, LineBreakNode, ParagraphNode, RootNode, TabNode, TextNode } from 'lexical';
import { editorStateLimitProblem, MAX_LIST_DEPTH } from '../../../shared/content-limits';
import { EDITOR_NAMESPACE } from './editor-config';
import { nodes } from './nodes';
import {
  flattenDeepLists,
  isJsonNode,
  plainParagraphs,
  replaceUnknownNodes,
  unknownTypes,
  type JsonNode,
} from './serialized-state';

/**
 * What the editor opens for a stored section. `problem` says why it cannot be edited safely
 * here (it is then shown read-only, as far as it can be, and never saved over); `notice` says
 * what was changed for display in a state that can still be edited.
 */
export type OpenedState =
  | { state: EditorState | null; problem: null; notice: string | null }
  | { state: EditorState | null; problem: string; notice: null };

/** The node types this editor has: Lexical's own and the app's (nodes/index.ts). */
export const KNOWN_TYPES: ReadonlySet<string> = new Set(
  [RootNode, ParagraphNode, TextNode, LineBreakNode, TabNode, ...nodes].map((k) => k.getType()),
);

let parser: LexicalEditor | undefined;

/**
 * Parses with an editor of its own whose errors throw: the live editor only logs them and keeps
 * what it read so far, which would open a section cut short where the next keystroke saves it.
 */
function parse(state: JsonNode): EditorState {
  parser ??= createEditor({
    namespace: EDITOR_NAMESPACE,
    nodes,
    onError: (error) => {
      throw error;
    },
  });
  return parser.parseEditorState(state as never);
}

function quoted(types: Iterable<string>): string {
  return [...types].map((t) => `“${t}”`).join(', ');
}

/**
 * Reads a stored editor state (SectionRecord.editorState) for the editor. Never throws: a
 * state the editor cannot fully show — a node type this version lacks (a newer version's, or
 * an edited file's), damaged JSON, content past the limits — comes back with a problem and a
 * readable copy; lists nested past MAX_LIST_DEPTH (made before the limit) are shown flattened
 * onto the last level, with a notice, and stay editable.
 */
export function openStoredState(json: string | null): OpenedState {
  if (json === null) return { state: null, problem: null, notice: null };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return {
      state: null,
      problem: 'its saved text is damaged (it is not valid JSON)',
      notice: null,
    };
  }
  const root = isJsonNode(data) ? data.root : undefined;
  if (!isJsonNode(data) || !isJsonNode(root) || !Array.isArray(root.children)) {
    return {
      state: null,
      problem: 'its saved text is not in a form this editor reads',
      notice: null,
    };
  }

  const unknown = unknownTypes(root.children as unknown[], KNOWN_TYPES);
  let problem: string | null = null;
  if (unknown.size > 0) {
    problem = `it holds content this version of AED Writer does not know (${quoted(unknown)})`;
    replaceUnknownNodes(root, KNOWN_TYPES);
  }
  const flattened = flattenDeepLists(root.children as unknown[], MAX_LIST_DEPTH);
  problem ??= editorStateLimitProblem(data);
  // An empty root (written so by some versions) is one empty paragraph to Lexical.
  if (root.children.length === 0) root.children = plainParagraphs(root);

  let state: EditorState | null;
  try {
    state = parse(data);
  } catch (error) {
    problem ??= `its saved text could not be read (${error instanceof Error ? error.message : String(error)})`;
    state = parseOrNull({ root: { ...root, children: plainParagraphs(root) } });
  }
  if (problem !== null) return { state, problem, notice: null };
  return {
    state,
    problem: null,
    notice: flattened
      ? `Lists here were nested more than ${MAX_LIST_DEPTH} levels deep, more than AED Writer keeps: the deeper items are shown at level ${MAX_LIST_DEPTH}, with all their words, and are saved that way once you edit.`
      : null,
  };
}

function parseOrNull(state: JsonNode): EditorState | null {
  try {
    return parse(state);
  } catch {
    return null;
  }
}
