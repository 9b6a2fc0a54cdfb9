import { useCallback, useRef, useState, type DragEvent } from 'react';

const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');

/** A drop on an editable text is the editor's: it puts images where they are dropped. */
const onEditableText = (e: DragEvent) =>
  e.target instanceof Element && e.target.closest('[contenteditable="true"]') !== null;

/**
 * Props that make an element take files dropped on it (anywhere inside but an editable text,
 * which takes its own),
 * and whether files are being dragged over it, for a visual cue. A drop of files is always
 * taken, never left to the browser, which would open the file in place of the app.
 */
export function useFileDrop(onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  // dragenter and dragleave fire for every child crossed; only the outermost pair counts.
  const depth = useRef(0);
  const onDragEnter = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth.current++;
    setDragging(true);
  }, []);
  const onDragLeave = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }, []);
  const onDragOver = useCallback((e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (e: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (onEditableText(e)) return;
      onFiles([...e.dataTransfer.files]);
    },
    [onFiles],
  );
  return { dragging, dropProps: { onDragEnter, onDragLeave, onDragOver, onDrop } };
}
