import { lazy, Suspense, useEffect, useState } from 'react';
import { EVIDENCE_ACCEPT } from '../../../shared/evidence-file';
import type { DraftRecord } from '../../../shared/model';
import type { Template } from '../../../shared/template';
import { getTemplate } from '../../../shared/templates';
import { useLiveQuery } from '../storage/live-query';
import type { SnapshotRecord } from '../storage/snapshot-types';
import { BackupReminder } from './backup/BackupReminder';
import { LockNotice } from './draft/LockNotice';
import { RewriteNoticeView } from './draft/RewriteNoticeView';
import { SectionBoundary } from './draft/SectionFailed';
import { SectionLoader } from './draft/SectionLoader';
import { SectionsNav, TotalWords } from './draft/SectionsNav';
import { useBackUp } from './draft/use-back-up';
import { useCompleteRoute } from './draft/use-complete-route';
import { useCrashAvoidance } from './draft/use-crash-avoidance';
import { useContentVersion, useDraftSession, useLockStatus } from './draft/use-draft-session';
import { useExportAction } from './draft/use-export-action';
import { useRestore } from './draft/use-restore';
import { useSessionWarnings } from './draft/use-session-warnings';
import { useStoredWordCounts } from './draft/use-stored-word-counts';
import { ExportDialog } from './export/ExportDialog';
import { SubmissionsPanel } from './export/SubmissionsPanel';
import { LIBRARY_HREF, draftHref } from './route';
import { SaveStatusView } from './SaveStatusView';
import { useServices } from './services';
import { EvidenceStatus } from './evidence/EvidenceStatus';
import { useAddEvidence } from './evidence/use-add-evidence';
import { useFileDrop } from './evidence/use-file-drop';
import { useImageHost } from './evidence/use-image-host';
import { ImageHostContext } from '../editor/images/image-host';
import { pickFiles } from './pick-file';
import { useDocumentTitle } from './use-document-title';

// Loaded when first shown: opening a draft parses only what writing needs.
const ChangesView = lazy(() =>
  import('./export/ChangesView').then((m) => ({ default: m.ChangesView })),
);
const HistoryDialog = lazy(() =>
  import('./history/HistoryDialog').then((m) => ({ default: m.HistoryDialog })),
);
const ReadinessDialog = lazy(() =>
  import('./readiness/ReadinessDialog').then((m) => ({ default: m.ReadinessDialog })),
);
const CoverageDialog = lazy(() =>
  import('./coverage/CoverageDialog').then((m) => ({ default: m.CoverageDialog })),
);

export function DraftScreen({
  draftId,
  sectionId,
  view,
  itemId,
}: {
  draftId: string;
  sectionId: string | null;
  view: 'section' | 'changes';
  /** An evidence item to bring into view (the route's `/item/<id>`). */
  itemId?: string | undefined;
}) {
  const { drafts } = useServices();
  const found = useLiveQuery(
    async () => (await drafts.getDraft(draftId)) ?? null,
    [drafts, draftId],
  );
  // A draft deleted for ever in another window while open here stays on screen, with what was
  // typed in it, so it can still be backed up (its writes now fail, and say so).
  const [shown, setShown] = useState<DraftRecord | null>(null);
  if (found && found !== shown) setShown(found);
  const gone = found === null && shown?.id === draftId ? shown : null;
  const draft = gone ?? found;

  if (draft === undefined) return <p className="muted loading">Opening the draft…</p>;
  if (draft === null) {
    return (
      <main className="missing">
        <h1>Draft not found</h1>
        <p>This draft is not in your library: it may have been deleted.</p>
        <a href={LIBRARY_HREF}>All drafts</a>
      </main>
    );
  }
  let template: Template;
  try {
    template = getTemplate(draft.templateId);
  } catch (e) {
    return (
      <main className="missing">
        <h1>{draft.title}</h1>
        <p role="alert">
          {e instanceof Error ? e.message : String(e)} Update AED Writer to open it.
        </p>
        <a href={LIBRARY_HREF}>All drafts</a>
      </main>
    );
  }
  const current =
    template.sections.find((s) => s.id === sectionId) ??
    template.sections.find((s) => s.id === draft.lastSectionId) ??
    template.sections[0]!;
  return (
    <OpenDraft
      draftId={draft.id}
      createdAt={draft.createdAt}
      updatedAt={draft.updatedAt}
      title={draft.title}
      trashed={!gone && draft.deletedAt !== null}
      gone={gone}
      template={template}
      sectionId={current.id}
      view={view}
      itemId={current.id === sectionId ? itemId : undefined}
      routeMatches={view === 'changes' || current.id === sectionId}
    />
  );
}

function OpenDraft({
  draftId,
  createdAt,
  updatedAt,
  title,
  trashed,
  gone,
  template,
  sectionId: requestedId,
  view,
  itemId,
  routeMatches,
}: {
  draftId: string;
  createdAt: number;
  updatedAt: number;
  title: string;
  trashed: boolean;
  /** The draft as last seen, when it has since been deleted for ever elsewhere. */
  gone: DraftRecord | null;
  template: Template;
  sectionId: string;
  view: 'section' | 'changes';
  itemId: string | undefined;
  routeMatches: boolean;
}) {
  const { snapshots } = useServices();
  const {
    shownId: sectionId,
    passedOver,
    dismiss,
  } = useCrashAvoidance(draftId, template, requestedId);
  const session = useDraftSession(draftId);
  const lock = useLockStatus(session);
  const contentVersion = useContentVersion(session);
  const readOnly = lock.state !== 'held';
  const submissions = useLiveQuery(() => snapshots.listSubmissions(draftId), [snapshots, draftId]);
  // null: closed; otherwise the submission being exported again, if any.
  const [exportTarget, setExportTarget] = useState<{ submission: SnapshotRecord | null } | null>(
    null,
  );
  const [historyOpen, setHistoryOpen] = useState(false);
  const [coverageOpen, setCoverageOpen] = useState(false);
  const [readinessOpen, setReadinessOpen] = useState(false);
  const [readinessUsed, setReadinessUsed] = useState(false);
  const checkReadiness = () => {
    // What is on screen is stored first; the check reads storage.
    void session.flush();
    setReadinessUsed(true);
    setReadinessOpen(true);
  };
  // Loaded on first use, then kept, so closing it hands focus back to the button (the dialog's
  // own close does that; unmounting it would drop focus on the page).
  const [coverageUsed, setCoverageUsed] = useState(false);
  // The last finished action, shown beside the export progress.
  const [done, setDone] = useState<string | null>(null);
  const backUp = useBackUp(session, setDone);
  const { progress, startExport } = useExportAction(session, template, setDone);
  const rewrites = useRestore(session);
  const evidence = useAddEvidence(draftId, readOnly);
  const { dragging, dropProps } = useFileDrop((files) => void evidence.add(files));
  const imageHost = useImageHost(evidence, readOnly);
  // Read-only, the counts follow the other window's saves; editing, they follow rewrites.
  useStoredWordCounts(session, readOnly ? updatedAt : contentVersion);
  useSessionWarnings(session);
  // Restored from the trash (here or in another window): what could not be saved goes now.
  useEffect(() => {
    if (gone) session.draftGone(gone);
    else if (!trashed) void session.flush();
  }, [session, trashed, gone]);
  useCompleteRoute(draftId, sectionId, routeMatches && sectionId === requestedId);
  useDocumentTitle(`${title} — AED Writer`);

  const index = template.sections.findIndex((s) => s.id === sectionId);
  const section = template.sections[index]!;
  const previous = template.sections[index - 1];
  const next = template.sections[index + 1];

  return (
    <div className={`draft-layout${dragging ? ' dropping' : ''}`} {...dropProps}>
      <header className="draft-header">
        <a href={LIBRARY_HREF} className="back-link">
          All drafts
        </a>
        <p className="draft-name" title={title}>
          {title}
        </p>
        <TotalWords words={session.words} />
        <SaveStatusView queue={session.queue} onBackUp={backUp} />
        <p className="export-progress" aria-live="polite">
          {progress ?? done ?? ''}
        </p>
        <button
          type="button"
          disabled={readOnly || evidence.busy}
          onClick={() =>
            void pickFiles(EVIDENCE_ACCEPT, { multiple: true }).then((files) => evidence.add(files))
          }
        >
          Add evidence
        </button>
        <button
          type="button"
          onClick={() => {
            // What is on screen (a domain just ticked) is stored first; the table reads storage.
            void session.flush();
            setCoverageUsed(true);
            setCoverageOpen(true);
          }}
        >
          Coverage
        </button>
        <button type="button" onClick={checkReadiness}>
          Check readiness
        </button>
        <button type="button" onClick={() => setHistoryOpen(true)}>
          History
        </button>
        <button type="button" onClick={backUp}>
          Back up
        </button>
        <button
          type="button"
          className="primary"
          disabled={progress !== null}
          onClick={() => setExportTarget({ submission: null })}
        >
          Export
        </button>
      </header>
      <aside className="sidebar">
        <SectionsNav
          draftId={draftId}
          template={template}
          sectionId={sectionId}
          words={session.words}
        />
        <SubmissionsPanel
          draftId={draftId}
          submissions={submissions ?? []}
          busy={progress !== null}
          onExportAgain={(submission) => setExportTarget({ submission })}
        />
      </aside>

      <main className="section-main">
        <BackupReminder
          draftId={draftId}
          createdAt={createdAt}
          updatedAt={updatedAt}
          onBackUp={backUp}
        />
        <RewriteNoticeView
          notice={rewrites.notice}
          onUndo={rewrites.undo}
          onDismiss={rewrites.dismiss}
        />
        <LockNotice status={lock} onTakeOver={() => session.takeOver()} />
        <EvidenceStatus message={evidence.message} onDismiss={evidence.dismiss} />
        {passedOver ? (
          <p className="notice">
            “{passedOver.title}” could not be shown last time, so the draft opened here instead.{' '}
            <a href={draftHref(draftId, passedOver.id)}>Open “{passedOver.title}”</a>{' '}
            <button type="button" onClick={dismiss}>
              Dismiss
            </button>
          </p>
        ) : null}
        {trashed ? (
          <p className="notice">
            This draft is in the trash. Restore it from the library to keep it.
          </p>
        ) : null}
        {gone ? (
          <p className="notice">
            This draft was deleted for ever in another window. What is on this screen is kept only
            here: back it up to keep it.
          </p>
        ) : null}
        {view === 'changes' ? (
          <Suspense fallback={<p className="muted loading">Comparing…</p>}>
            <ChangesView draftId={draftId} template={template} submissions={submissions ?? []} />
          </Suspense>
        ) : lock.state === 'acquiring' ? (
          // A moment (the lock answers in milliseconds): loading the section read-only first
          // would parse and render a long section twice.
          <p className="muted loading">Opening the section…</p>
        ) : (
          <ImageHostContext.Provider value={imageHost}>
            <SectionBoundary
              // Read-only, it reloads whenever the other window saves; once this window holds the
              // draft it loads once and owns the text, until the draft is rewritten.
              key={`${draftId}/${section.id}/${readOnly ? `ro-${updatedAt}` : `rw-${contentVersion}`}`}
              draftId={draftId}
              sectionId={section.id}
              title={section.title}
            >
              <SectionLoader
                readOnly={readOnly}
                session={session}
                number={index + 1}
                template={template}
                sectionId={section.id}
                words={session.words}
                focusItemId={sectionId === requestedId ? itemId : undefined}
              />
            </SectionBoundary>
          </ImageHostContext.Provider>
        )}
        <nav className="pager" aria-label="Previous and next section">
          {previous ? (
            <a href={draftHref(draftId, previous.id)} rel="prev">
              ← Previous section
            </a>
          ) : (
            <span />
          )}
          {next ? (
            <a href={draftHref(draftId, next.id)} rel="next">
              Next section →
            </a>
          ) : null}
        </nav>
      </main>
      {historyOpen ? (
        <Suspense fallback={null}>
          <HistoryDialog
            open={historyOpen}
            draftId={draftId}
            template={template}
            canRestore={!readOnly}
            onClose={() => setHistoryOpen(false)}
            onSaveVersion={(name) => session.saveVersion(name)}
            onRestore={rewrites.restore}
          />
        </Suspense>
      ) : null}
      {readinessUsed ? (
        <Suspense fallback={null}>
          <ReadinessDialog
            open={readinessOpen}
            draftId={draftId}
            template={template}
            onClose={() => setReadinessOpen(false)}
          />
        </Suspense>
      ) : null}
      {coverageUsed ? (
        <Suspense fallback={null}>
          <CoverageDialog
            open={coverageOpen}
            draftId={draftId}
            template={template}
            onClose={() => setCoverageOpen(false)}
          />
        </Suspense>
      ) : null}
      <ExportDialog
        open={exportTarget !== null}
        template={template}
        usedLabels={(submissions ?? []).map((s) => s.label)}
        canSummariseChanges={(submissions ?? []).length > 0 && !exportTarget?.submission}
        {...(exportTarget?.submission ? { fixedLabel: exportTarget.submission.label } : {})}
        onClose={() => setExportTarget(null)}
        onCheckReadiness={() => {
          setExportTarget(null);
          checkReadiness();
        }}
        onExport={(request) => {
          const submission = exportTarget?.submission ?? null;
          setExportTarget(null);
          void startExport(request, submission);
        }}
      />
    </div>
  );
}
