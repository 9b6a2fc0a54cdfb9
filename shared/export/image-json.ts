/**
 * The image node of the stored Lexical JSON (`{ type: 'image', version: 1, evidenceId, altText,
 * caption, width }`), read as plain JSON: the export, the readiness check and the editor agree
 * on its fields here.
 */
import { RECORD_ID_PATTERN, type SectionRecord } from '../model';
import type { PlacedImage } from '../readiness';

/** CSS pixels, or null for the text's full width. */
export type ImageWidth = number | null;

/** The widths offered in the editor (null: the text's width). */
export const IMAGE_WIDTHS: ReadonlyArray<{ label: string; width: ImageWidth }> = [
  { label: 'Full width', width: null },
  { label: 'Medium', width: 400 },
  { label: 'Small', width: 200 },
];

/** The widest an image is drawn in the text, in CSS pixels (a page's text is about 600). */
export const MAX_IMAGE_WIDTH_PX = 2_000;

/** On an <img> this app writes when an image is copied out as HTML: the item it shows. */
export const EVIDENCE_ID_ATTRIBUTE = 'data-aed-evidence-id';

/** An evidence item's id as records' ids are (a UUID; tests use short ones): nothing path-like. */
export function isEvidenceId(value: unknown): value is string {
  return typeof value === 'string' && RECORD_ID_PATTERN.test(value);
}

/** A stored width as the editor and exports use it: whole pixels within bounds, else full. */
export function imageWidth(value: unknown): ImageWidth {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 16) return null;
  return Math.min(Math.round(value), MAX_IMAGE_WIDTH_PX);
}

/** An image node as stored, its fields checked. */
export interface StoredImage {
  evidenceId: string;
  altText: string;
  caption: string;
  width: ImageWidth;
}

/** The image a JSON node is, or null when it is not one (or names no evidence item). */
export function storedImage(node: Record<string, unknown>): StoredImage | null {
  if (node.type !== 'image' || !isEvidenceId(node.evidenceId)) return null;
  return {
    evidenceId: node.evidenceId,
    altText: typeof node.altText === 'string' ? node.altText.trim() : '',
    caption: typeof node.caption === 'string' ? node.caption.trim() : '',
    width: imageWidth(node.width),
  };
}

const isNode = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The images in one stored editor state, in reading order; none when it cannot be read. */
export function imagesInEditorState(json: string | null | undefined): StoredImage[] {
  if (!json) return [];
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return [];
  }
  const root = isNode(data) ? data.root : undefined;
  if (!isNode(root)) return [];
  const found: StoredImage[] = [];
  // A loop, not recursion: stored JSON can be nested deeper than the stack.
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isNode(node)) continue;
    const image = storedImage(node);
    if (image) found.push(image);
    if (Array.isArray(node.children)) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]);
    }
  }
  return found;
}

/** Every image placed in the sections' text, section by section in the order given. */
export function placedImages(sections: readonly SectionRecord[]): PlacedImage[] {
  return sections.flatMap((section) =>
    imagesInEditorState(section.editorState).map((image) => ({
      sectionId: section.sectionId,
      evidenceId: image.evidenceId,
      altText: image.altText,
    })),
  );
}
