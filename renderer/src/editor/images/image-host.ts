import { createContext, useContext } from 'react';

/** An evidence item an image in the text can show. */
export interface ImageEvidence {
  id: string;
  fileName: string;
  /** False for a kind the browser cannot show (HEIC): kept as evidence, never placed. */
  shown: boolean;
}

/**
 * What the editor needs of the draft's evidence to hold images: their bytes, and adding files.
 * The editor knows nothing of storage; the draft screen provides this. Without one (no draft),
 * images show as their alt text and files pasted or dropped are left to the browser.
 */
export interface ImageHost {
  /** The bytes of an evidence item, or undefined when it is no longer stored. */
  load: (evidenceId: string) => Promise<Blob | undefined>;
  /**
   * Adds files to the draft's evidence, as `Add evidence` does (same limits, same messages);
   * resolves the item holding each file's content, in the order given (an item already there
   * for a file the draft held), or null when nothing was added (refused; the alert says why).
   */
  add: (files: readonly File[]) => Promise<ImageEvidence[] | null>;
  /** False while the draft is read-only here. */
  canAdd: boolean;
}

export const ImageHostContext = createContext<ImageHost | null>(null);

export function useImageHost(): ImageHost | null {
  return useContext(ImageHostContext);
}
