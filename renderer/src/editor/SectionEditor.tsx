import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { EDITOR_NAMESPACE } from './editor-config';
import { EditorComposer, type EditorComposerProps } from './EditorComposer';
import { isAllowedLinkUrl } from '../../../shared/link-url';
import { ImagePlugin } from './images/ImagePlugin';
import { MARKDOWN_TRANSFORMERS } from './markdown-transformers';
import { nodes } from './nodes';
import {
  HtmlPastePlugin,
  LinkSafetyPlugin,
  LinkShortcutPlugin,
  ListDepthPlugin,
  TabFocusPlugin,
} from './plugins/BehaviourPlugins';
import type { SnapshotProducer } from './plugins/ChangePlugin';
import { BoundedHistoryPlugin } from './plugins/BoundedHistoryPlugin';
import { ChangePlugin } from './plugins/ChangePlugin';
import { StoredStatePlugin } from './plugins/StoredStatePlugin';
import { openStoredState } from './stored-state';
import { theme } from './theme';
import { Toolbar } from './toolbar/Toolbar';
import './section-editor.css';

export type { SectionSnapshot, SnapshotProducer } from './plugins/ChangePlugin';

export interface SectionEditorProps {
  /** The id of the section's heading: the editor's accessible name is the section title. */
  labelledBy: string;
  /** Optional id(s) of text describing the editor (word guide, "required"). */
  describedBy?: string;
  /**
   * Serialized Lexical editor state from storage, or null for an empty section. Read once on
   * mount: remount (key the editor by section id) to load another section. A state the editor
   * cannot fully show (an unknown node type, damaged JSON) opens read-only with an alert, as far
   * as it can be shown, and is never reported as a change, so nothing is saved over it.
   */
  initialState: string | null;
  placeholder?: string;
  /**
   * Called on every content change (not on selection moves) with a lazy snapshot producer:
   * call it when saving; it serializes once and then returns the same snapshot.
   */
  onChange: (snapshot: SnapshotProducer) => void;
  /** The live word count: once on mount, then at most every 250 ms while typing goes on. */
  onWordCount?: (count: number) => void;
  /** Focus left the text (a good moment to save at once). */
  onBlur?: () => void;
  /** Shown but not editable (e.g. the draft is being edited in another window). Read on mount. */
  readOnly?: boolean;
}

const ignoreChange = (): void => undefined;

function onError(error: Error): void {
  // Lexical has already rolled the failed update back; throwing here would only turn a lost
  // keystroke into an uncaught exception in an event handler. Keep it visible in the console.
  console.error(error);
}

export function SectionEditor({
  labelledBy,
  describedBy,
  initialState,
  placeholder,
  onChange,
  onWordCount,
  onBlur,
  readOnly = false,
}: SectionEditorProps) {
  const contentId = `${useId()}-section-editor`;
  const [opened] = useState(() => openStoredState(initialState));
  const locked = readOnly || opened.problem !== null;
  const [config] = useState<EditorComposerProps['config']>(() => ({
    namespace: EDITOR_NAMESPACE,
    nodes,
    theme,
    onError,
    editable: !locked,
  }));

  const onBlurRef = useRef(onBlur);
  useEffect(() => {
    onBlurRef.current = onBlur;
  });
  const handleBlur = useCallback(() => onBlurRef.current?.(), []);

  const placeholderProps =
    placeholder !== undefined && placeholder !== ''
      ? {
          'aria-placeholder': placeholder,
          placeholder: <div className="aed-editor__placeholder">{placeholder}</div>,
        }
      : { placeholder: null };

  return (
    // A stored state is loaded by StoredStatePlugin once the plugins have registered; without one
    // the editor starts with an empty paragraph.
    <EditorComposer config={config} startEmpty={opened.state === null}>
      <div className="aed-editor">
        {opened.problem !== null ? (
          <div role="alert" className="alert">
            <p>
              This section can’t be edited in this version of AED Writer: {opened.problem}. So that
              nothing is lost, it is shown read-only, as far as it can be, and nothing here will be
              saved over it; exports still include what they can read of it.
            </p>
            <p>
              Update AED Writer to edit it, or restore an earlier version of the draft from History.
            </p>
          </div>
        ) : opened.notice !== null ? (
          <p className="notice">{opened.notice}</p>
        ) : null}
        {locked ? null : <Toolbar editorId={contentId} />}
        <div className="aed-editor__surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                id={contentId}
                className="aed-editor__content"
                ariaLabelledBy={labelledBy}
                ariaDescribedBy={describedBy}
                ariaMultiline
                onBlur={handleBlur}
                {...placeholderProps}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <BoundedHistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isAllowedLinkUrl} />
        {/* Tab moves focus out of a table (UI-CONTRACT); arrow keys move between cells. */}
        <TablePlugin hasTabHandler={false} hasCellMerge hasCellBackgroundColor={false} />
        <MarkdownShortcutPlugin transformers={MARKDOWN_TRANSFORMERS} />
        <TabFocusPlugin />
        <HtmlPastePlugin />
        <LinkSafetyPlugin />
        <LinkShortcutPlugin />
        <ListDepthPlugin />
        <ImagePlugin />
        {/* Effects run in this order: the stored state goes in after the plugins above have
            registered, and before ChangePlugin starts listening (so loading is not a change). */}
        {opened.state === null ? null : <StoredStatePlugin state={opened.state} />}
        <ChangePlugin
          onChange={opened.problem === null ? onChange : ignoreChange}
          onWordCount={onWordCount}
        />
      </div>
    </EditorComposer>
  );
}
