import type {
  DOMConversionMap,
  DOMConversionOutput,
  DOMExportOutput,
  LexicalNode,
  LexicalUpdateJSON,
  NodeKey,
  SerializedLexicalNode,
  Spread,
} from 'lexical';
import { $applyNodeReplacement, DecoratorNode } from 'lexical';
import type { JSX } from 'react';
import { MAX_CAPTION_CHARS } from '../../../../shared/content-limits';
import {
  EVIDENCE_ID_ATTRIBUTE,
  imageWidth,
  isEvidenceId,
  type ImageWidth,
} from '../../../../shared/export/image-json';
import { ImageView } from '../images/ImageView';

/** An image in the text, as stored: the evidence item it shows and what is said about it. */
export type SerializedImageNode = Spread<
  {
    evidenceId: string;
    /** What the image shows, for a reader who cannot see it; '' until given. */
    altText: string;
    /** Printed below the image; '' for none. */
    caption: string;
    /** CSS pixels, or null for the text's full width. */
    width: ImageWidth;
  },
  SerializedLexicalNode
>;

/**
 * An image placed in the text: an inline decorator that points at one of the draft's evidence
 * items (never at bytes of its own), so the text stays small and the picture is stored once.
 */
export class ImageNode extends DecoratorNode<JSX.Element> {
  __evidenceId: string;
  __altText: string;
  __caption: string;
  __width: ImageWidth;

  static override getType(): string {
    return 'image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(
      node.__evidenceId,
      node.__altText,
      node.__caption,
      node.__width,
      node.__key,
    );
  }

  constructor(
    evidenceId = '',
    altText = '',
    caption = '',
    width: ImageWidth = null,
    key?: NodeKey,
  ) {
    super(key);
    this.__evidenceId = evidenceId;
    this.__altText = altText.slice(0, MAX_CAPTION_CHARS);
    this.__caption = caption.slice(0, MAX_CAPTION_CHARS);
    this.__width = width;
  }

  static override importJSON(json: SerializedImageNode): ImageNode {
    return $createImageNode('').updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedImageNode>): this {
    const node = super.updateFromJSON(json).getWritable();
    node.__evidenceId = typeof json.evidenceId === 'string' ? json.evidenceId : '';
    node.__altText =
      typeof json.altText === 'string' ? json.altText.slice(0, MAX_CAPTION_CHARS) : '';
    node.__caption =
      typeof json.caption === 'string' ? json.caption.slice(0, MAX_CAPTION_CHARS) : '';
    node.__width = imageWidth(json.width);
    return node;
  }

  override exportJSON(): SerializedImageNode {
    return {
      ...super.exportJSON(),
      type: 'image',
      version: 1,
      evidenceId: this.__evidenceId,
      altText: this.__altText,
      caption: this.__caption,
      width: this.__width,
    };
  }

  /**
   * Only an image this app wrote (copied out as HTML and back) is read: it names its evidence
   * item. Images with bytes (data: URIs) are made evidence by the paste handler first, which
   * then names them the same way; remote images never get here (the sanitizer drops them).
   */
  static override importDOM(): DOMConversionMap | null {
    return {
      img: (element: HTMLElement) =>
        isEvidenceId(element.getAttribute(EVIDENCE_ID_ATTRIBUTE))
          ? { conversion: $convertImage, priority: 1 }
          : null,
    };
  }

  /**
   * An <img> with its alt text and the item it shows, and no src: a blob: URL means nothing
   * outside this window. Pasted back here it is the same image; another app gets the words.
   */
  override exportDOM(): DOMExportOutput {
    const img = document.createElement('img');
    img.setAttribute('alt', this.__altText);
    img.setAttribute(EVIDENCE_ID_ATTRIBUTE, this.__evidenceId);
    if (this.__caption !== '') img.setAttribute('title', this.__caption);
    if (this.__width !== null) img.setAttribute('width', String(this.__width));
    return { element: img };
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'aed-image';
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override getTextContent(): string {
    // The words count and copy as plain text: none of its own (alt text is not the writer's
    // prose), but a line of its own keeps text either side apart.
    return '';
  }

  getEvidenceId(): string {
    return this.getLatest().__evidenceId;
  }

  getAltText(): string {
    return this.getLatest().__altText;
  }

  getCaption(): string {
    return this.getLatest().__caption;
  }

  getWidth(): ImageWidth {
    return this.getLatest().__width;
  }

  /** Changes what is said about the image (each one its own undo step, unless merged). */
  setDetails(details: { altText: string; caption: string; width: ImageWidth }): this {
    const node = this.getWritable();
    node.__altText = details.altText.slice(0, MAX_CAPTION_CHARS);
    node.__caption = details.caption.slice(0, MAX_CAPTION_CHARS);
    node.__width = imageWidth(details.width);
    return node;
  }

  override decorate(): JSX.Element {
    return (
      <ImageView
        nodeKey={this.getKey()}
        evidenceId={this.__evidenceId}
        altText={this.__altText}
        caption={this.__caption}
        width={this.__width}
      />
    );
  }
}

function $convertImage(element: HTMLElement): DOMConversionOutput {
  const width = Number(element.getAttribute('width'));
  return {
    node: $createImageNode(
      element.getAttribute(EVIDENCE_ID_ATTRIBUTE) ?? '',
      element.getAttribute('alt') ?? '',
      element.getAttribute('title') ?? '',
      imageWidth(Number.isFinite(width) && width > 0 ? width : null),
    ),
  };
}

export function $createImageNode(
  evidenceId: string,
  altText = '',
  caption = '',
  width: ImageWidth = null,
): ImageNode {
  return $applyNodeReplacement(new ImageNode(evidenceId, altText, caption, width));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
