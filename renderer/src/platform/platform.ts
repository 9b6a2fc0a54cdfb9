/**
 * The one interface through which the renderer reaches its host: the Electron shell (through the
 * preload's typed bridge) or a plain browser. Screens never ask which one they are on, only what
 * it can do.
 */
export interface Platform {
  readonly kind: 'electron' | 'web';
  /** Saves bytes under a suggested file name: a save dialog on the desktop, a download on the web. Resolves false if the user cancelled. */
  saveFile(suggestedName: string, bytes: Uint8Array, mimeType: string): Promise<boolean>;
  /** Flushes pending work before the window closes; the desktop shell waits for it. */
  onBeforeClose(flush: () => Promise<void>): () => void;
}
