import { isShownImage } from '../../../../shared/evidence-file';
import type { ExportPicture } from '../../../../shared/export/document-model';
import type { EvidenceItem } from '../../../../shared/model';

/** A photo's long edge in the file: sharp on a printed page, a fraction of a phone's bytes. */
export const EXPORT_LONG_EDGE_PX = 2_000;
const JPEG_QUALITY = 0.85;
/** A picture this small and no larger than the long edge goes in as it is (screenshots). */
const KEEP_BYTES = 1024 * 1024;

/**
 * The pictures for an export, by evidence id: each image item's bytes read from storage and,
 * when large, downscaled to EXPORT_LONG_EDGE_PX and re-encoded as JPEG, so twenty phone photos
 * make a file that can be emailed. The stored originals are never touched. One at a time, each
 * decoded bitmap closed before the next, so memory holds one photo, not twenty. An image that
 * cannot be read or decoded is left out (the document says so in its warnings).
 */
export async function preparePictures(
  items: readonly EvidenceItem[],
  bytesOf: (item: EvidenceItem) => Promise<Blob | undefined>,
): Promise<Map<string, ExportPicture>> {
  const pictures = new Map<string, ExportPicture>();
  const bySha = new Map<string, ExportPicture>();
  for (const item of items) {
    if (!isShownImage(item.mimeType)) continue;
    const done = bySha.get(item.sha256);
    if (done) {
      pictures.set(item.id, done);
      continue;
    }
    try {
      const blob = await bytesOf(item);
      if (!blob) continue;
      const picture = await preparePicture(blob, item.mimeType);
      pictures.set(item.id, picture);
      bySha.set(item.sha256, picture);
    } catch {
      // Undecodable (a damaged file): named in the appendix without its picture.
    }
  }
  return pictures;
}

async function preparePicture(blob: Blob, mimeType: string): Promise<ExportPicture> {
  const bitmap = await createImageBitmap(blob);
  try {
    const { width, height } = bitmap;
    const long = Math.max(width, height);
    const type = mimeType === 'image/png' ? 'png' : mimeType === 'image/gif' ? 'gif' : 'jpg';
    // WebP is not a format Word reads: it is always re-encoded.
    if (mimeType !== 'image/webp' && long <= EXPORT_LONG_EDGE_PX && blob.size <= KEEP_BYTES) {
      return { bytes: new Uint8Array(await blob.arrayBuffer()), type, width, height };
    }
    const scale = Math.min(1, EXPORT_LONG_EDGE_PX / long);
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const canvas = new OffscreenCanvas(w, h);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    // JPEG has no transparency: a screenshot's clear background prints white, not black.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, w, h);
    context.drawImage(bitmap, 0, 0, w, h);
    const out = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
    return { bytes: new Uint8Array(await out.arrayBuffer()), type: 'jpg', width: w, height: h };
  } finally {
    bitmap.close();
  }
}
