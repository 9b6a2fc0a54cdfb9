import { useEffect } from 'react';
import type { DraftSession } from '../session/draft-session';

/**
 * Word counts for the navigation and the total: read from storage when the draft opens and
 * whenever `version` changes (after a rewrite, or as the other window saves while read-only);
 * the open section reports its live count meanwhile. Not a live query: that would reread every
 * section, editor states and all, on each autosave.
 */
export function useStoredWordCounts(session: DraftSession, version: number): void {
  useEffect(() => session.readStoredCounts(), [session, version]);
}
