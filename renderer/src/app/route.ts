import { useSyncExternalStore } from 'react';

/** Where the participant is; it lives in the URL hash so a reload and Back both work. */
export type Route =
  { name: 'library' } | { name: 'draft'; draftId: string; sectionId: string | null };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'draft' && parts[1]) {
    return {
      name: 'draft',
      draftId: parts[1],
      sectionId: parts[2] === 'section' ? (parts[3] ?? null) : null,
    };
  }
  return { name: 'library' };
}

export function draftHref(draftId: string, sectionId?: string | null): string {
  const base = `#/draft/${encodeURIComponent(draftId)}`;
  return sectionId ? `${base}/section/${encodeURIComponent(sectionId)}` : base;
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
