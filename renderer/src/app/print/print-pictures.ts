import { createContext, useContext } from 'react';
import type { ExportDocument } from '../../../../shared/export/document-model';

/** The print view's pictures: a blob: URL by evidence id (absent: shown as its alt text). */
export const PrintPicturesContext = createContext<ReadonlyMap<string, string>>(new Map());

export function usePrintPicture(evidenceId: string): string | undefined {
  return useContext(PrintPicturesContext).get(evidenceId);
}

/** Every evidence id whose picture the document shows: in the text and in the appendix. */
export function pictureIds(doc: ExportDocument): string[] {
  const ids = new Set<string>();
  const visit = (blocks: ExportDocument['sections'][number]['blocks']) => {
    for (const block of blocks) {
      if (block.kind === 'image') ids.add(block.evidenceId);
      if (block.kind === 'table') {
        for (const row of block.rows) for (const cell of row.cells) visit(cell.blocks);
      }
    }
  };
  for (const section of doc.sections) visit(section.blocks);
  for (const entry of doc.evidence) if (entry.picture) ids.add(entry.id);
  return [...ids];
}

/**
 * Loads the pictures as blob: URLs, each decoded before it resolves, so the page is ready to
 * print once this is (a picture still loading would print blank). The caller revokes them.
 */
export async function loadPrintPictures(
  ids: readonly string[],
  load: (evidenceId: string) => Promise<Blob | undefined>,
): Promise<Map<string, string>> {
  const urls = new Map<string, string>();
  for (const id of ids) {
    const blob = await load(id).catch(() => undefined);
    if (!blob) continue;
    const url = URL.createObjectURL(blob);
    const probe = new Image();
    probe.src = url;
    const decoded = await probe.decode().then(
      () => true,
      () => false,
    );
    if (decoded) urls.set(id, url);
    else URL.revokeObjectURL(url);
  }
  return urls;
}
