import { useEffect, type ReactNode } from 'react';
import { ErrorBoundary } from '../StartupError';
import { clearCrashedSection, recordCrashedSection } from './crashed-sections';

/**
 * Keeps a section that fails to show (a bug, content the editor chokes on) from taking the draft
 * screen with it: the section says so in its place, the draft's other sections, History and
 * backups stay a click away, and the section is remembered so the draft does not reopen into it.
 */
export function SectionBoundary({
  draftId,
  sectionId,
  title,
  children,
}: {
  draftId: string;
  sectionId: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <ErrorBoundary
      onError={() => recordCrashedSection(draftId, sectionId)}
      fallback={(error, retry) => (
        <div role="alert" className="alert">
          <p>
            “{title}” could not be shown: AED Writer hit a problem with it. Everything marked
            “Saved” is safe in storage. Open another section from the list, restore an earlier
            version from History, or try again.
          </p>
          <p className="muted">
            Details for support: {error instanceof Error ? error.message : String(error)}
          </p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
    >
      <ForgetCrash draftId={draftId} sectionId={sectionId}>
        {children}
      </ForgetCrash>
    </ErrorBoundary>
  );
}

/** Once the section mounts, it is no longer one to keep away from (a crash records it again). */
function ForgetCrash({
  draftId,
  sectionId,
  children,
}: {
  draftId: string;
  sectionId: string;
  children: ReactNode;
}) {
  useEffect(() => clearCrashedSection(draftId, sectionId), [draftId, sectionId]);
  return children;
}
