/**
 * The close handshake: before the window closes, the renderer gets `app:before-close`, flushes
 * its unsaved work to storage and answers `app:ready-to-close`; the window closes on the answer
 * or after a bounded wait, whichever comes first, so a hung renderer cannot keep it open.
 * When the answer says something typed could not be stored (saving fails), main asks first:
 * "Back up and quit" (the renderer's backup, with what is on screen, saved where the user
 * chooses), "Quit without saving" or "Cancel" (the window stays open).
 * No Electron import: the window and its webContents are described by the little they must do.
 */
import { randomUUID } from 'node:crypto';
import type { CloseRequest, FileFilter, UnsavedAtClose } from '../../shared/ipc';
import { saveFile, type ChooseSaveDestination, type FileWriteOps } from './file-save';

/** How long main waits for the renderer's answer before closing anyway. */
export const CLOSE_FLUSH_TIMEOUT_MS = 3000;

/** The part of a BrowserWindow the handshake uses. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

/** The part of its webContents the handshake uses. */
export interface FlushTarget {
  isDestroyed(): boolean;
  isCrashed(): boolean;
  send(channel: 'app:before-close', payload: CloseRequest): void;
}

export interface CloseGuard {
  /**
   * The renderer's answer; true if it matched the pending request. The window then closes, or,
   * with `unsaved`, asks first.
   */
  acknowledge(requestId: string, unsaved?: UnsavedAtClose): boolean;
}

/** The buttons of the question about unsaved work, in order (the answer is an index). */
export const UNSAVED_BUTTONS = ['Back up and quit', 'Quit without saving', 'Cancel'] as const;

/** A message box, as `dialog.showMessageBox` takes it. */
export interface CloseQuestion {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

/** What main does when the renderer answers that something typed is not stored. */
export interface UnsavedAtCloseActions {
  /** Asks the question (on the window); resolves the index of the button chosen. */
  ask(question: CloseQuestion): Promise<{ response: number }>;
  /** Saves the backup where the user chooses; false when they cancel; rejects with a sentence. */
  saveBackup(backup: NonNullable<UnsavedAtClose['backup']>): Promise<boolean>;
  /** The user chose to keep the window: a quit under way stops. */
  cancelled?(): void;
}

export interface CloseGuardOptions {
  timeoutMs?: number;
  createRequestId?: () => string;
  /** Without it, the window closes on any answer. */
  unsaved?: UnsavedAtCloseActions;
  /**
   * Writes the window's `localStorage` to disk (`session.flushStorageData`), done as the window
   * closes: the renderer's edit journal holds what storage refused, and Chromium otherwise writes
   * it only seconds later, which an app waiting on a slow backup at quit may not live to do.
   */
  flushStorage?: () => void;
}

const BACKUP_FILTERS: FileFilter[] = [{ name: 'AED Writer backup', extensions: ['aedx'] }];

/** Saves the rescue backup as `file:save` saves files: where `choose` says, written atomically. */
export async function saveRescueBackup(
  backup: NonNullable<UnsavedAtClose['backup']>,
  choose: ChooseSaveDestination,
  ops?: FileWriteOps,
): Promise<boolean> {
  const result = await saveFile(
    {
      suggestedName: backup.fileName,
      bytes: backup.bytes,
      mimeType: 'application/zip',
      filters: BACKUP_FILTERS,
    },
    choose,
    ops,
  );
  if (!result.ok) throw new Error(result.error);
  return result.saved;
}

function question(unsaved: UnsavedAtClose, problem: string | null): CloseQuestion {
  const rescue = unsaved.backup
    ? '“Back up and quit” saves a backup file with everything on screen, where you choose.'
    : 'A backup could not be made: choose Cancel, then use Back up in the window, or copy your text elsewhere.';
  return {
    type: 'warning',
    title: 'Not saved',
    message: 'Some of what you typed is not saved yet.',
    detail: [problem, unsaved.reason, rescue].filter((p) => p !== null).join('\n\n'),
    buttons: [...UNSAVED_BUTTONS],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  };
}

/** Holds `win`'s first close until `target` has flushed (or the wait runs out). */
export function guardWindowClose(
  win: ClosableWindow,
  target: FlushTarget,
  {
    timeoutMs = CLOSE_FLUSH_TIMEOUT_MS,
    createRequestId = randomUUID,
    unsaved: actions,
    flushStorage,
  }: CloseGuardOptions = {},
): CloseGuard {
  let state: 'open' | 'flushing' | 'asking' | 'closing' = 'open';
  let pendingId: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const closeNow = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pendingId = undefined;
    state = 'closing';
    try {
      flushStorage?.();
    } catch (error) {
      console.error('Could not write the window storage to disk:', error);
    }
    if (!win.isDestroyed()) win.close();
  };

  const keepOpen = (): void => {
    state = 'open';
    actions?.cancelled?.();
  };

  /** Asks until the user decides; a failed or cancelled backup asks again, saying why. */
  const askAboutUnsaved = async (ask: UnsavedAtCloseActions, unsaved: UnsavedAtClose) => {
    let problem: string | null = null;
    for (;;) {
      let choice: number;
      try {
        choice = (await ask.ask(question(unsaved, problem))).response;
      } catch {
        choice = 2; // no way to ask: the words on screen matter more than closing
      }
      if (win.isDestroyed()) return;
      if (choice === 1) return closeNow();
      if (choice !== 0 || !unsaved.backup) return keepOpen();
      try {
        if (await ask.saveBackup(unsaved.backup)) return closeNow();
        problem = 'The backup was not saved.';
      } catch (error) {
        problem = `The backup could not be saved: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
  };

  win.on('close', (event) => {
    if (state === 'closing') return;
    event.preventDefault();
    if (state === 'flushing' || state === 'asking') return;
    // A dead renderer has nothing to flush and would never answer.
    if (target.isDestroyed() || target.isCrashed()) {
      closeNow();
      return;
    }
    state = 'flushing';
    pendingId = createRequestId();
    timer = setTimeout(closeNow, timeoutMs);
    try {
      target.send('app:before-close', { requestId: pendingId });
    } catch {
      closeNow();
    }
  });

  win.on('closed', () => {
    if (timer !== undefined) clearTimeout(timer);
  });

  return {
    acknowledge(requestId, unsaved) {
      if (state !== 'flushing' || requestId !== pendingId) return false;
      if (!unsaved || !actions) {
        closeNow();
        return true;
      }
      // No timeout while the user decides: the renderer answered, and is alive.
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pendingId = undefined;
      state = 'asking';
      void askAboutUnsaved(actions, unsaved);
      return true;
    },
  };
}
