import { useEffect } from 'react';
import { draftHref, replaceRoute } from '../route';
import { useServices } from '../services';

/**
 * Completes the URL (e.g. #/draft/<id> → its last section) without adding a Back step, and
 * remembers the section for reopening the draft.
 */
export function useCompleteRoute(draftId: string, sectionId: string, routeMatches: boolean): void {
  const { drafts } = useServices();
  useEffect(() => {
    if (!routeMatches) replaceRoute(draftHref(draftId, sectionId));
    drafts.setLastSection(draftId, sectionId).catch(() => {
      // Only a convenience for reopening; a failure here must not disturb writing.
    });
  }, [drafts, draftId, sectionId, routeMatches]);
}
