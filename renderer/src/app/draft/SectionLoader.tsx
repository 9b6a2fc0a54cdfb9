import { memo, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SectionRecord } from '../../../../shared/model';
import type { DraftSession, SectionWriter } from '../session/draft-session';
import { SectionView } from '../SectionView';

type Loaded = { record: SectionRecord | null; writer: SectionWriter };

/**
 * Reads a section only after the session has written everything pending, so returning to a
 * section that is still being saved never shows (and then re-saves) its older text.
 */
// Memoised: the draft screen re-renders on each save (the draft's updatedAt changes); the open
// section, and its editor, must not.
export const SectionLoader = memo(function SectionLoader(
  props: Omit<Parameters<typeof SectionView>[0], 'record' | 'writer'> & { session: DraftSession },
) {
  const { session, sectionId, ...view } = props;
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    session
      .loadSection(sectionId)
      // Rendered at once, effects and all: the editor's plugins register and the stored text goes
      // in within this task, so the first frame shows the section, not an empty editor.
      .then((l) => active && flushSync(() => setLoaded(l)))
      .catch((e: unknown) => active && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      active = false;
    };
  }, [session, sectionId]);

  if (error) {
    return (
      <p role="alert" className="alert">
        This section could not be opened: {error}. Reload the window to try again; nothing saved has
        been lost.
      </p>
    );
  }
  if (loaded === undefined) return <p className="muted loading">Opening the section…</p>;
  return (
    <SectionView {...view} sectionId={sectionId} record={loaded.record} writer={loaded.writer} />
  );
});
