import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

/** Changes closer together than this are one undo step (Lexical's HistoryPlugin default). */
export const UNDO_MERGE_MS = 1000;

/**
 * How many undo steps an open section keeps. Each step holds a whole editor state, a few hundred
 * KB for a 10,000-word section, so an unbounded history grows the page's memory for as long as
 * the section stays open (about 5 MB per 10 minutes of writing). Word keeps 100 by default.
 */
export const MAX_UNDO_STEPS = 100;

/** Undo and redo, as Lexical's HistoryPlugin, with the oldest steps let go past MAX_UNDO_STEPS. */
export function BoundedHistoryPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      registerHistory(
        editor,
        createEmptyHistoryState(),
        UNDO_MERGE_MS,
        undefined,
        undefined,
        MAX_UNDO_STEPS,
      ),
    [editor],
  );
  return null;
}
