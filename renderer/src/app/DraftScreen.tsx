import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, memo, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { SectionRecord } from '../../../shared/model';
import type { SnapshotRecord } from '../storage/snapshot-types';
import type { Template } from '../../../shared/template';
import { getTemplate } from '../../../shared/templates';
import { useAnnouncer } from './announcer';
import { ExportDialog, type ExportRequest } from './export/ExportDialog';
import { SubmissionsPanel } from './export/SubmissionsPanel';
import { formatWords } from './format';
import { BackupReminder } from './backup/BackupReminder';
import { useAutoBackups } from './backup/use-auto-backups';
import { useAutoSnapshots } from './history/use-auto-snapshots';
import { LIBRARY_HREF, draftHref, replaceRoute } from './route';
import { SaveStatusView } from './SaveStatusView';
import { SectionView } from './SectionView';
import { useServices } from './services';
import { useDraftLock } from './use-draft-lock';
import { useSaveQueue } from './use-save-queue';
import { LiveWords, useLiveWords } from './live-words';

// Loaded when first shown: opening a draft parses only what writing needs.
const ChangesView = lazy(() =>
  import('./export/ChangesView').then((m) => ({ default: m.ChangesView })),
);
const HistoryDialog = lazy(() =>
  import('./history/HistoryDialog').then((m) => ({ default: m.HistoryDialog })),
);

export function DraftScreen({
  draftId,
  sectionId,
  view,
}: {
  draftId: string;
  sectionId: string | null;
  view: 'section' | 'changes';
}) {
  const { drafts } = useServices();
  const draft = useLiveQuery(
    async () => (await drafts.getDraft(draftId)) ?? null,
    [drafts, draftId],
  );

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
      trashed={draft.deletedAt !== null}
      template={template}
      sectionId={current.id}
      view={view}
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
  template,
  sectionId,
  view,
  routeMatches,
}: {
  draftId: string;
  createdAt: number;
  updatedAt: number;
  title: string;
  trashed: boolean;
  template: Template;
  sectionId: string;
  view: 'section' | 'changes';
  routeMatches: boolean;
}) {
  const services = useServices();
  const { drafts, snapshots } = services;
  const announce = useAnnouncer();
  const submissions = useLiveQuery(() => snapshots.listSubmissions(draftId), [snapshots, draftId]);
  // null: closed; otherwise the submission being exported again, if any.
  const [exportTarget, setExportTarget] = useState<{ submission: SnapshotRecord | null } | null>(
    null,
  );
  const [progress, setProgress] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const queue = useSaveQueue();
  const lock = useDraftLock(draftId, async () => {
    await queue.flush();
    return queue.getStatus().state === 'saved';
  });
  const readOnly = lock.state !== 'held';
  useAutoSnapshots(draftId, queue, !readOnly);
  useAutoBackups(draftId, queue, !readOnly, (message) => announce.error(message));
  const [historyOpen, setHistoryOpen] = useState(false);
  // Bumped when a restore rewrites the stored sections, so the open section reloads from storage.
  const [generation, setGeneration] = useState(0);
  const [undoRestore, setUndoRestore] = useState<SnapshotRecord | null>(null);

  async function backUp() {
    try {
      // Pending edits go into the file too: this is how work is rescued when storage fails.
      const { saveBackup } = await import('./backup/backup-actions');
      const saved = await saveBackup(services, [draftId], queue);
      if (saved) setDone('Backed up.');
    } catch (e) {
      announce.error(
        `The backup could not be made: ${e instanceof Error ? e.message : String(e)} Your draft is unchanged; try again, or export it as a Word document.`,
      );
    }
  }

  async function restore(snapshot: SnapshotRecord, sectionId?: string) {
    try {
      // What is on screen is stored (and so captured by the restore point) before anything moves.
      await queue.flush();
      const before = await snapshots.restore(snapshot.id, sectionId);
      setGeneration((g) => g + 1);
      setUndoRestore(before);
    } catch (e) {
      announce.error(
        `The restore failed: ${e instanceof Error ? e.message : String(e)} Your draft has not changed.`,
      );
    }
  }
  // Word counts for the navigation and the total: read from storage when the draft opens (and
  // after a restore, or as the other window saves while read-only), then the open section
  // reports its live count. Not a live query: that would reread every section, editor states
  // and all, on each autosave.
  const [words] = useState(() => new LiveWords());
  const countsVersion = readOnly ? updatedAt : generation;
  useEffect(() => {
    let active = true;
    // Once the open section has had its turn: these counts are for the margins.
    const read = () =>
      void drafts.getSections(draftId).then((sections) => {
        if (active) words.reset(new Map(sections.map((s) => [s.sectionId, s.wordCount])));
      });
    const idle = requestIdleCallback(read, { timeout: 1000 });
    return () => {
      active = false;
      cancelIdleCallback(idle);
    };
  }, [drafts, draftId, words, countsVersion]);
  // Stable for the memoised children; always calls the latest backUp.
  const backUpLatest = useRef<() => void>(() => undefined);
  useEffect(() => {
    backUpLatest.current = () => void backUp();
  });
  const backUpRef = useCallback(() => backUpLatest.current(), []);

  async function startExport(request: ExportRequest, submission: SnapshotRecord | null) {
    setExportTarget(null);
    if (progress) return; // one export at a time
    setDone(null);
    setProgress('Starting the export…');
    try {
      // The Word writer is loaded on first export, not with the editor: opening a draft stays fast.
      const { runExport } = await import('./export/run-export');
      const outcome = await runExport({
        services,
        queue,
        template,
        draftId,
        request,
        ...(submission ? { submissionId: submission.id } : {}),
        onProgress: setProgress,
      });
      if (outcome.saved) setDone(`Exported “${outcome.fileName}”.`);
    } catch (e) {
      announce.error(
        `The export failed: ${e instanceof Error ? e.message : String(e)} Your draft has not changed.`,
      );
    } finally {
      setProgress(null);
    }
  }

  useEffect(() => {
    // Complete the URL (e.g. #/draft/<id> → its last section) without adding a Back step.
    if (!routeMatches) replaceRoute(draftHref(draftId, sectionId));
    drafts.setLastSection(draftId, sectionId).catch(() => {
      // Only a convenience for reopening; a failure here must not disturb writing.
    });
  }, [drafts, draftId, sectionId, routeMatches]);

  useEffect(() => {
    document.title = `${title} — AED Writer`;
  }, [title]);

  const index = template.sections.findIndex((s) => s.id === sectionId);
  const section = template.sections[index]!;
  const previous = template.sections[index - 1];
  const next = template.sections[index + 1];

  return (
    <div className="draft-layout">
      <header className="draft-header">
        <a href={LIBRARY_HREF} className="back-link">
          All drafts
        </a>
        <p className="draft-name" title={title}>
          {title}
        </p>
        <TotalWords words={words} />
        <SaveStatusView queue={queue} onBackUp={backUpRef} />
        <p className="export-progress" aria-live="polite">
          {progress ?? done ?? ''}
        </p>
        <button type="button" onClick={() => setHistoryOpen(true)}>
          History
        </button>
        <button type="button" onClick={backUpRef}>
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
        <SectionsNav draftId={draftId} template={template} sectionId={sectionId} words={words} />
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
          onBackUp={backUpRef}
        />
        {undoRestore ? (
          <div className="notice" aria-live="polite">
            <p>
              Restored. The version you replaced was kept as “{undoRestore.label}”.{' '}
              <button
                type="button"
                onClick={() => {
                  const target = undoRestore;
                  setUndoRestore(null);
                  void restore(target).then(() => setUndoRestore(null));
                }}
              >
                Undo restore
              </button>{' '}
              <button type="button" onClick={() => setUndoRestore(null)}>
                Dismiss
              </button>
            </p>
          </div>
        ) : null}
        {lock.state === 'elsewhere' ? (
          <div className="notice" role="status">
            <p>
              This draft is open in another window or tab, so it is read-only here: that way neither
              copy can overwrite the other. It shows the other window&apos;s changes as they are
              saved.
            </p>
            {lock.takeOverStalled ? (
              <p>
                The other window has not handed the draft over: it is still saving (or its storage
                is failing). Try again in a moment, or close the other window.
              </p>
            ) : null}
            <button type="button" onClick={lock.takeOver}>
              Edit here instead
            </button>
          </div>
        ) : null}
        {trashed ? (
          <p className="notice">
            This draft is in the trash. Restore it from the library to keep it.
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
          <SectionLoader
            // Read-only, it reloads whenever the other window saves; once this window holds the
            // draft it loads once and owns the text.
            key={`${draftId}/${section.id}/${readOnly ? `ro-${updatedAt}` : `rw-${generation}`}`}
            readOnly={readOnly}
            draftId={draftId}
            number={index + 1}
            template={template}
            sectionId={section.id}
            queue={queue}
            words={words}
          />
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
            onSaveVersion={async (name) => {
              await queue.flush();
              await snapshots.takeSnapshot(draftId, 'manual', name);
            }}
            onRestore={restore}
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
        onExport={(request) => void startExport(request, exportTarget?.submission ?? null)}
      />
    </div>
  );
}

/**
 * Reads a section only after the queue has written everything pending, so returning to a
 * section that is still being saved never shows (and then re-saves) its older text.
 */
// Memoised: the draft screen re-renders on each save (the draft's updatedAt changes); the open
// section, and its editor, must not.
const SectionLoader = memo(function SectionLoader(
  props: Omit<Parameters<typeof SectionView>[0], 'record'> & { draftId: string; sectionId: string },
) {
  const { drafts } = useServices();
  const [record, setRecord] = useState<SectionRecord | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const { queue, draftId, sectionId } = props;

  useEffect(() => {
    let active = true;
    queue
      .flush()
      .then(() => drafts.getSection(draftId, sectionId))
      // Rendered at once, effects and all: the editor's plugins register and the stored text goes
      // in within this task, so the first frame shows the section, not an empty editor.
      .then((r) => active && flushSync(() => setRecord(r ?? null)))
      .catch((e: unknown) => active && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      active = false;
    };
  }, [queue, drafts, draftId, sectionId]);

  if (error) {
    return (
      <p role="alert" className="alert">
        This section could not be opened: {error}. Reload the window to try again; nothing saved has
        been lost.
      </p>
    );
  }
  if (record === undefined) return <p className="muted loading">Opening the section…</p>;
  return <SectionView {...props} record={record} />;
});

const SectionsNav = memo(function SectionsNav({
  draftId,
  template,
  sectionId,
  words,
}: {
  draftId: string;
  template: Template;
  sectionId: string;
  words: LiveWords;
}) {
  useLiveWords(words);
  return (
    <nav aria-label="Sections" className="sections-nav">
      <ol>
        {template.sections.map((s, i) => (
          <li key={s.id} className={s.id === sectionId ? 'current' : undefined}>
            <span className="section-number" aria-hidden="true">
              {i + 1}
            </span>
            <a
              href={draftHref(draftId, s.id)}
              aria-current={s.id === sectionId ? 'page' : undefined}
            >
              {s.title}
            </a>
            {s.richText ? <span className="nav-words">{formatWords(words.get(s.id))}</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
});

function TotalWords({ words }: { words: LiveWords }) {
  useLiveWords(words);
  return <p className="total-words">{formatWords(words.total())} in all</p>;
}
