import { useSyncExternalStore } from 'react';
import { parsePrintHash, type PrintParams } from './print/print-route';

/** Where the participant is; it lives in the URL hash so a reload and Back both work. */
export type Route =
  /** `brokenLink`: the address could not be read (e.g. a cut-off `%E0%A4%A`), so the library shows instead. */
  | { name: 'library'; brokenLink?: true }
  | {
      name: 'draft';
      draftId: string;
      sectionId: string | null;
      view: 'section' | 'changes';
      /** An evidence item to bring into view in the section's Evidence list. */
      itemId?: string;
    }
  | { name: 'print'; params: PrintParams };

export function parseRoute(hash: string): Route {
  const print = parsePrintHash(hash);
  if (print) return { name: 'print', params: print };
  let parts: string[];
  try {
    parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    // A malformed %-escape (a link cut short when pasted, or typed by hand) names nothing.
    return { name: 'library', brokenLink: true };
  }
  if (parts[0] === 'draft' && parts[1]) {
    const sectionId = parts[2] === 'section' ? (parts[3] ?? null) : null;
    const itemId = sectionId !== null && parts[4] === 'item' ? parts[5] : undefined;
    return {
      name: 'draft',
      draftId: parts[1],
      sectionId,
      view: parts[2] === 'changes' ? 'changes' : 'section',
      ...(itemId ? { itemId } : {}),
    };
  }
  return { name: 'library' };
}

export function draftHref(draftId: string, sectionId?: string | null): string {
  const base = `#/draft/${encodeURIComponent(draftId)}`;
  return sectionId ? `${base}/section/${encodeURIComponent(sectionId)}` : base;
}

/** An evidence item, shown in the Evidence list of the section that holds it. */
export function evidenceHref(draftId: string, sectionId: string, evidenceId: string): string {
  return `${draftHref(draftId, sectionId)}/item/${encodeURIComponent(evidenceId)}`;
}

/** The changes since the last submission (or since `snapshotId`). */
export function changesHref(draftId: string): string {
  return `#/draft/${encodeURIComponent(draftId)}/changes`;
}

export const LIBRARY_HREF = '#/';

/** Replaces the current entry (no new Back step), e.g. when a draft URL is completed with its section. */
export function replaceRoute(href: string): void {
  history.replaceState(history.state, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function navigate(href: string): void {
  location.hash = href.slice(1);
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => location.hash);
}
