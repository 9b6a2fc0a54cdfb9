import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import type { BaseSelection, LexicalEditor } from 'lexical';
import {
  $createParagraphNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  HISTORY_MERGE_TAG,
  mergeRegister,
} from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import { OPEN_IMAGE_DETAILS_COMMAND } from '../commands';
import { WRITER_CHANGE_TAG } from '../editor-config';
import { $createImageNode, $isImageNode } from '../nodes/ImageNode';
import { ImageDetailsDialog, type ImageDetails } from './ImageDetailsDialog';
import { useImageHost, type ImageEvidence } from './image-host';

interface Asking {
  key: string;
  details: ImageDetails;
  /** Asked as the image went in: what is said joins the insertion's undo step. */
  merge: boolean;
}

/**
 * Puts images for evidence items at `selection` (as it was when the files arrived, if its nodes
 * are still there; else at the caret, else at the end) and resolves their node keys. Items that
 * cannot be shown (HEIC) stay evidence only.
 */
export function placeImages(
  editor: LexicalEditor,
  items: readonly ImageEvidence[],
  selection: BaseSelection | null,
): Promise<string[]> {
  const shown = items.filter((item) => item.shown);
  if (shown.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const keys: string[] = [];
    editor.update(
      () => {
        const images = shown.map((item) => $createImageNode(item.id));
        keys.push(...images.map((image) => image.getKey()));
        const stillThere =
          selection !== null &&
          $isRangeSelection(selection) &&
          selection.anchor.getNode().isAttached() &&
          selection.focus.getNode().isAttached();
        if (stillThere) $setSelection(selection.clone());
        if ($getSelection() === null) {
          const paragraph = $createParagraphNode();
          $getRoot().append(paragraph);
          paragraph.select();
        }
        $insertNodes(images);
      },
      { onUpdate: () => resolve(keys) },
    );
  });
}

/**
 * Images in the text: a file pasted or dropped into the editor joins the draft's evidence (as
 * `Add evidence` adds it) and goes in at the caret or the drop point; then its alt text is asked
 * for. `Edit image` on an image asks again.
 */
export function ImagePlugin() {
  const [editor] = useLexicalComposerContext();
  const host = useImageHost();
  const [queue, setQueue] = useState<Asking[]>([]);

  const ask = useCallback(
    (keys: readonly string[], merge: boolean) => {
      const asked = editor.getEditorState().read(() =>
        keys.flatMap((key): Asking[] => {
          const node = $getNodeByKey(key);
          if (!$isImageNode(node)) return [];
          const details = {
            altText: node.getAltText(),
            caption: node.getCaption(),
            width: node.getWidth(),
          };
          return [{ key, details, merge }];
        }),
      );
      setQueue((q) => [...q, ...asked]);
    },
    [editor],
  );

  useEffect(() => {
    if (!host) return;
    return mergeRegister(
      editor.registerCommand(
        DRAG_DROP_PASTE,
        (files) => {
          if (!editor.isEditable() || !host.canAdd) return false;
          // Rich text has put the selection at the drop point (or it is the caret, for a paste).
          const selection = $getSelection()?.clone() ?? null;
          void host.add(files).then(async (items) => {
            if (items === null) return;
            ask(await placeImages(editor, items, selection), true);
          });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        OPEN_IMAGE_DETAILS_COMMAND,
        (key) => {
          ask([key], false);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, host, ask]);

  const current = queue[0] ?? null;
  // Closing the dialog fires its close event too: only the first call for an image moves on.
  const done = (key: string | undefined) =>
    setQueue((q) => (q[0] !== undefined && q[0].key === key ? q.slice(1) : q));
  return (
    <ImageDetailsDialog
      formKey={current?.key ?? ''}
      details={current?.details ?? null}
      onClose={() => done(current?.key)}
      onSave={(details) => {
        if (current) {
          editor.update(
            () => {
              const node = $getNodeByKey(current.key);
              if ($isImageNode(node)) node.setDetails(details);
            },
            current.merge ? { tag: [HISTORY_MERGE_TAG, WRITER_CHANGE_TAG] } : undefined,
          );
        }
        done(current?.key);
      }}
    />
  );
}
