import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useEffect, useRef, useState } from 'react';
import type { ImageWidth } from '../../../../shared/export/image-json';
import { useBlobUrl } from '../../app/evidence/use-blob-url';
import { OPEN_IMAGE_DETAILS_COMMAND } from '../commands';
import { useImageHost } from './image-host';

/** How far below the fold an image starts loading, so scrolling meets it ready. */
const LOAD_AHEAD = '800px';

/** True once the element has come near the viewport (and from then on). */
function useNearViewport(ref: React.RefObject<HTMLElement | null>): boolean {
  // Without an observer (an old or headless engine) every image loads, as a plain page would.
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: LOAD_AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, near]);
  return near;
}

/**
 * An image in the text. Its bytes are read from the evidence only once it comes near the screen
 * (a draft with many photos opens as fast as one without), shown from a blob: URL that is revoked
 * when the image leaves the text or the section closes.
 */
export function ImageView({
  nodeKey,
  evidenceId,
  altText,
  caption,
  width,
}: {
  nodeKey: string;
  evidenceId: string;
  altText: string;
  caption: string;
  width: ImageWidth;
}) {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const host = useImageHost();
  const frame = useRef<HTMLSpanElement>(null);
  const near = useNearViewport(frame);
  const [missing, setMissing] = useState(false);
  const url = useBlobUrl(
    near && host
      ? () =>
          host.load(evidenceId).then((blob) => {
            setMissing(blob === undefined);
            return blob;
          })
      : null,
    `${evidenceId}/${near}`,
  );

  return (
    <span
      ref={frame}
      className="aed-image__frame"
      style={width === null ? undefined : { width: `${width}px` }}
    >
      {url ? (
        <img src={url} alt={altText} loading="lazy" decoding="async" draggable={false} />
      ) : (
        <span className="aed-image__placeholder">
          {missing
            ? `This image is no longer in the draft’s evidence${altText ? `: ${altText}` : '.'}`
            : altText || 'Image'}
        </span>
      )}
      {caption ? <span className="aed-image__caption">{caption}</span> : null}
      {editable ? (
        <button
          type="button"
          className="aed-image__edit"
          onClick={() => editor.dispatchCommand(OPEN_IMAGE_DETAILS_COMMAND, nodeKey)}
        >
          Edit image
        </button>
      ) : null}
    </span>
  );
}
