/**
 * When the print view is ready to print, and how it says so. The desktop's hidden print window
 * and the tests wait for `<html data-print-ready="true">` (or "error") rather than guessing
 * with a delay; the web build calls the browser's print at the same moment.
 */

export type PrintReadyState = 'true' | 'error';

/** The attribute's name in `dataset` (`data-print-ready` in HTML). */
export const PRINT_READY_KEY = 'printReady';

export interface RenderedEnvironment {
  /** Resolves once the fonts the page uses are loaded (`document.fonts.ready`). */
  fontsReady(): Promise<unknown>;
  /** Resolves after the next frame is painted. */
  nextFrame(): Promise<void>;
}

// A hidden window or a background tab may never run animation frames; a timer stands in, so
// readiness is late there rather than never.
const FRAME_FALLBACK_MS = 250;

export const browserEnvironment: RenderedEnvironment = {
  // Every browser the app runs in has both; a DOM without them (jsdom) just waits less.
  fontsReady: () => ('fonts' in document ? document.fonts.ready : Promise.resolve()),
  nextFrame: () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FRAME_FALLBACK_MS);
      if (typeof requestAnimationFrame !== 'function') return;
      requestAnimationFrame(() => {
        clearTimeout(timer);
        resolve();
      });
    }),
};

/**
 * Resolves once what React committed is laid out with its real fonts: fonts loaded, then two
 * frames (the first lays out and paints with them, the second proves that paint happened).
 */
export async function whenRendered(env: RenderedEnvironment = browserEnvironment): Promise<void> {
  await env.fontsReady();
  await env.nextFrame();
  await env.nextFrame();
}

export function setPrintReady(state: PrintReadyState | null, root: HTMLElement): void {
  if (state === null) delete root.dataset[PRINT_READY_KEY];
  else root.dataset[PRINT_READY_KEY] = state;
}

/**
 * Opens the browser's print dialog. `window.print` is looked up now, not when the module loads,
 * so a test (or an extension) that replaces it is the one called.
 */
export function requestPrint(win: Pick<Window, 'print'> = window): void {
  win.print();
}
