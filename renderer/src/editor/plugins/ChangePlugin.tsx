import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { EditorState } from 'lexical';
import { $getRoot, HISTORY_MERGE_TAG } from 'lexical';
import { useEffect, useRef } from 'react';
import { countWords } from '../../../../shared/word-count';
import { WRITER_CHANGE_TAG } from '../editor-config';

export interface SectionSnapshot {
  /** The serialized Lexical editor state, for storage. */
  editorState: string;
  /** Plain text of the section (search, diffs, export checks). */
  text: string;
  wordCount: number;
}

/** Produces the snapshot on demand; calling it again returns the same object. */
export type SnapshotProducer = () => SectionSnapshot;

/** How often, at most, the live word count is recomputed while someone types. */
export const WORD_COUNT_INTERVAL_MS = 250;

function $countWords(): number {
  return countWords($getRoot().getTextContent());
}

function snapshotProducer(state: EditorState): SnapshotProducer {
  let snapshot: SectionSnapshot | undefined;
  return () => {
    snapshot ??= state.read(() => {
      const text = $getRoot().getTextContent();
      return { editorState: JSON.stringify(state.toJSON()), text, wordCount: countWords(text) };
    });
    return snapshot;
  };
}

interface ChangePluginProps {
  onChange: (snapshot: SnapshotProducer) => void;
  onWordCount?: ((count: number) => void) | undefined;
}

/**
 * Reports content changes without slowing typing: no React state, no serializing per
 * keystroke (the caller pulls a snapshot when it saves), selection-only updates ignored, and a
 * word count at most every WORD_COUNT_INTERVAL_MS, computed when the browser is idle.
 */
export function ChangePlugin({ onChange, onWordCount }: ChangePluginProps): null {
  const [editor] = useLexicalComposerContext();
  // The latest callbacks, read when an update arrives, so a parent re-rendering with new
  // closures doesn't re-register the listener.
  const onChangeRef = useRef(onChange);
  const onWordCountRef = useRef(onWordCount);
  useEffect(() => {
    onChangeRef.current = onChange;
    onWordCountRef.current = onWordCount;
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: number | undefined;
    let latest = editor.getEditorState();

    const emitCount = (): void => {
      idle = undefined;
      onWordCountRef.current?.(latest.read($countWords));
    };
    const scheduleCount = (): void => {
      timer = undefined;
      if (typeof requestIdleCallback === 'function') {
        idle = requestIdleCallback(emitCount, { timeout: WORD_COUNT_INTERVAL_MS });
      } else {
        emitCount();
      }
    };

    emitCount();
    const unregister = editor.registerUpdateListener(
      ({ editorState, dirtyElements, dirtyLeaves, tags }) => {
        // Selection moves and focus changes dirty nothing.
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (editorState === latest) return;
        latest = editorState;
        if (tags.has(HISTORY_MERGE_TAG) && !tags.has(WRITER_CHANGE_TAG)) {
          // Loading the stored state and re-rendering it into the page are tagged so (as in
          // Lexical's OnChangePlugin): not the writer's change, though the count may be new.
          emitCount();
          return;
        }
        onChangeRef.current(snapshotProducer(editorState));
        if (onWordCountRef.current !== undefined && timer === undefined && idle === undefined) {
          timer = setTimeout(scheduleCount, WORD_COUNT_INTERVAL_MS);
        }
      },
    );
    return () => {
      unregister();
      if (timer !== undefined) clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [editor]);

  return null;
}
