import { useLiveQuery } from '../storage/live-query';
import { useEffect, useRef, useState } from 'react';
import type { DraftRecord } from '../../../shared/model';
import { getTemplate } from '../../../shared/templates';
import type { DraftSearchResult } from '../storage/drafts-repository';
import { ConfirmDialog } from './ConfirmDialog';
import { formatDateTime } from './format';
import { NewDraftDialog } from './NewDraftDialog';
import { RenameDialog } from './RenameDialog';
import { draftHref, navigate } from './route';
import { useServices } from './services';
import { useAnnouncer } from './announcer';
import { useDocumentTitle } from './use-document-title';
import { pickFile } from './pick-file';

function templateName(templateId: string): string {
  try {
    return getTemplate(templateId).name;
  } catch {
    return 'Unknown template';
  }
}

export function LibraryScreen() {
  const services = useServices();
  const { drafts } = services;
  const announce = useAnnouncer();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<DraftRecord | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [undo, setUndo] = useState<DraftRecord | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const [replacing, setReplacing] = useState<{ draft: DraftRecord; bytes: Uint8Array } | null>(
    null,
  );
  const undoTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const results = useLiveQuery(() => drafts.searchDrafts(query), [drafts, query]);
  const trash = useLiveQuery(() => drafts.listTrash(), [drafts]);

  useDocumentTitle('Drafts — AED Writer');
  useEffect(
    () => () => {
      if (undoTimer.current) clearTimeout(undoTimer.current);
    },
    [],
  );

  async function create(title: string, templateId: string) {
    const draft = await drafts.createDraft({ title, templateId });
    setCreating(false);
    navigate(draftHref(draft.id));
  }

  async function run(action: () => Promise<unknown>, what: string) {
    try {
      await action();
    } catch (e) {
      announce.error(
        e instanceof Error && e.name === 'BackupImportError'
          ? `${e.message} Nothing was imported or changed.`
          : `${what} failed: ${e instanceof Error ? e.message : String(e)}. Nothing was changed; try again.`,
      );
    }
  }

  async function importFile() {
    const file = await pickFile('.aedx');
    if (!file) return;
    await run(async () => {
      const { importBackup } = await import('./backup/backup-actions');
      const added = await importBackup(services, file.bytes);
      setImported(`Imported ${added.map((d) => `“${d.title}”`).join(', ')} from ${file.name}.`);
    }, 'Importing the backup');
  }

  async function chooseReplacement(draft: DraftRecord) {
    const file = await pickFile('.aedx');
    if (file) setReplacing({ draft, bytes: file.bytes });
  }

  function trashDraft(draft: DraftRecord) {
    void run(async () => {
      await drafts.trashDraft(draft.id);
      setUndo(draft);
      if (undoTimer.current) clearTimeout(undoTimer.current);
      undoTimer.current = setTimeout(() => setUndo(null), 15_000);
    }, 'Moving the draft to the trash');
  }

  const searching = query.trim() !== '';
  const empty = results !== undefined && results.length === 0 && !searching;

  return (
    <main className="library">
      <header className="library-header">
        <h1>Drafts</h1>
        <div className="library-actions">
          <button type="button" onClick={() => void importFile()}>
            Import backup
          </button>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New draft
          </button>
        </div>
      </header>
      {imported ? (
        <p className="notice" aria-live="polite">
          {imported}
        </p>
      ) : null}

      <div className="library-tools">
        <input
          type="search"
          aria-label="Search drafts"
          placeholder="Search titles and text"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>

      {undo ? (
        <div className="toast" role="status">
          “{undo.title}” was moved to the trash.{' '}
          <button
            type="button"
            onClick={() => {
              void run(() => drafts.restoreDraft(undo.id), 'Restoring the draft');
              setUndo(null);
            }}
          >
            Undo
          </button>
        </div>
      ) : null}

      {empty ? (
        <section className="empty-library">
          <p>
            You have no drafts yet. A draft is one Accreditation Evidence Document: start one for
            this year&apos;s initiative, or a practice one to try things out.
          </p>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New draft
          </button>
        </section>
      ) : (
        <DraftList
          results={results}
          searching={searching}
          onRename={setRenaming}
          onDuplicate={(d) => void run(() => drafts.duplicateDraft(d.id), 'Duplicating the draft')}
          onTrash={trashDraft}
          onReplace={(d) => void chooseReplacement(d)}
        />
      )}

      {trash && trash.length > 0 ? (
        <details className="trash">
          <summary>Trash ({trash.length})</summary>
          <ul className="trash-list">
            {trash.map((d) => (
              <li key={d.id}>
                <span className="draft-title">{d.title}</span>{' '}
                <span className="muted">moved to the trash {formatDateTime(d.deletedAt ?? 0)}</span>
                <button
                  type="button"
                  aria-label={`Restore ${d.title}`}
                  onClick={() => void run(() => drafts.restoreDraft(d.id), 'Restoring the draft')}
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="danger" onClick={() => setConfirmEmpty(true)}>
            Empty trash
          </button>
        </details>
      ) : null}

      <NewDraftDialog open={creating} onClose={() => setCreating(false)} onCreate={create} />
      <RenameDialog
        current={renaming?.title ?? null}
        onClose={() => setRenaming(null)}
        onRename={async (title) => {
          const target = renaming;
          setRenaming(null);
          if (target) await run(() => drafts.renameDraft(target.id, title), 'Renaming the draft');
        }}
      />
      <ConfirmDialog
        open={replacing !== null}
        title="Replace from backup?"
        confirmLabel="Replace"
        onCancel={() => setReplacing(null)}
        onConfirm={() => {
          const target = replacing;
          setReplacing(null);
          if (target) {
            void run(async () => {
              const { replaceFromBackup } = await import('./backup/backup-actions');
              await replaceFromBackup(services, target.draft.id, target.bytes);
            }, 'Replacing the draft from the backup');
          }
        }}
      >
        The text of “{replacing?.draft.title}” will be replaced by the backup’s. A restore point is
        kept first: History can bring the current text back.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmEmpty}
        title="Empty trash?"
        confirmLabel={`Delete ${trash?.length ?? 0} ${trash?.length === 1 ? 'draft' : 'drafts'} for ever`}
        onCancel={() => setConfirmEmpty(false)}
        onConfirm={() => {
          setConfirmEmpty(false);
          void run(() => drafts.emptyTrash(), 'Emptying the trash');
        }}
      >
        The drafts in the trash, and everything written in them, will be deleted for ever. This
        cannot be undone.
      </ConfirmDialog>
    </main>
  );
}

function DraftList({
  results,
  searching,
  onRename,
  onDuplicate,
  onTrash,
  onReplace,
}: {
  results: DraftSearchResult[] | undefined;
  searching: boolean;
  onRename: (d: DraftRecord) => void;
  onDuplicate: (d: DraftRecord) => void;
  onTrash: (d: DraftRecord) => void;
  onReplace: (d: DraftRecord) => void;
}) {
  if (results === undefined) return <p className="muted">Loading your drafts…</p>;
  if (results.length === 0) return <p className="muted">No draft matches your search.</p>;
  return (
    <ul className="draft-list" aria-label={searching ? 'Search results' : 'Your drafts'}>
      {results.map(({ draft, matches }) => {
        const firstMatch = matches[0];
        return (
          <li key={draft.id} className="draft-card">
            <a className="draft-link" href={draftHref(draft.id, firstMatch?.sectionId)}>
              <span className="draft-title">{draft.title}</span>
            </a>
            <p className="muted draft-meta">
              {templateName(draft.templateId)} · last edited {formatDateTime(draft.updatedAt)}
            </p>
            {firstMatch ? (
              <p className="snippet">
                …{firstMatch.snippet.before}
                <mark>{firstMatch.snippet.match}</mark>
                {firstMatch.snippet.after}…
              </p>
            ) : null}
            <div className="draft-actions">
              <button
                type="button"
                aria-label={`Rename ${draft.title}`}
                onClick={() => onRename(draft)}
              >
                Rename
              </button>
              <button
                type="button"
                aria-label={`Duplicate ${draft.title}`}
                onClick={() => onDuplicate(draft)}
              >
                Duplicate
              </button>
              <button
                type="button"
                aria-label={`Move to trash: ${draft.title}`}
                onClick={() => onTrash(draft)}
              >
                Move to trash
              </button>
              <button
                type="button"
                aria-label={`Replace from backup: ${draft.title}`}
                onClick={() => onReplace(draft)}
              >
                Replace from backup
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
