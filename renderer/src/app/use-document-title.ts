import { useEffect } from 'react';

/** The window's title while the caller is shown (the taskbar, the browser's tab, a PDF's name). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
