import type { Platform, UnsavedWork } from '../../platform/platform';

/** Where the page's leave events come from (the browser's document and window; tests pass theirs). */
export interface PageEvents {
  document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

function browserPage(): PageEvents | undefined {
  return typeof document === 'undefined' ? undefined : { document, window };
}

/**
 * The one place that learns the page is going away: hidden (another tab, minimised, or being
 * unloaded) and closing (the desktop's close handshake waits for `closing`; on the web, page
 * hide), with what would then be lost. Returns the function that stops listening.
 */
export function onPageLeave(
  handlers: {
    /** Hidden or unloading: write what is pending now. */
    hidden: () => void;
    /** The window closes: what must be done first (the desktop shell waits for it). */
    closing: () => Promise<void>;
    /** What closing now would leave unstored because saving fails (see Platform.onBeforeClose). */
    unsaved?: () => UnsavedWork | null;
  },
  platform: Pick<Platform, 'onBeforeClose'>,
  page: PageEvents | undefined = browserPage(),
): () => void {
  const onVisibility = () => {
    if (page?.document.visibilityState === 'hidden') handlers.hidden();
  };
  // Page hide as well: on the desktop a reload unloads the page without closing the window.
  const onPageHide = () => handlers.hidden();
  page?.document.addEventListener('visibilitychange', onVisibility);
  page?.window.addEventListener('pagehide', onPageHide);
  const stopClose = platform.onBeforeClose(handlers.closing, handlers.unsaved);
  return () => {
    page?.document.removeEventListener('visibilitychange', onVisibility);
    page?.window.removeEventListener('pagehide', onPageHide);
    stopClose();
  };
}
