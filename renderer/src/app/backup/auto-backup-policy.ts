import { isCopyDue } from '../../../../shared/copy-throttle';
import type { Platform } from '../../platform/platform';
import type { Repositories } from '../../storage/open-storage';
import type { UnsavedChange } from '../../storage/section-patch';
import type { DraftSessionEventSource } from '../session/session-events';

/**
 * The desktop app's automatic backups: a copy of the open draft in the backups folder, written
 * by main atomically, at most every 10 minutes while it changes (shared/copy-throttle.ts) and
 * when the window closes. A failure is reported once, without interrupting writing (the draft
 * itself is still saved). Each backup holds what is on screen, including what storage has not
 * taken yet (`unsaved`): the one on close is the rescue copy when saving fails.
 */
export class AutoBackupPolicy {
  private last: number | null = null;
  private changed = false;
  private reported = false;
  private active = false;

  constructor(
    private readonly draftId: string,
    private readonly deps: Pick<Repositories, 'backups'> & {
      platform: Platform;
      /** What the session has not stored yet. */
      unsaved?: () => readonly UnsavedChange[];
    },
    private readonly warn: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Backs up as the session's changes are stored, while this window edits the draft. */
  start(events: DraftSessionEventSource): () => void {
    if (!this.deps.platform.autoBackups) return () => undefined;
    this.active = true;
    const stop = events.on('committed', () => {
      this.changed = true;
      if (isCopyDue(this.last, this.now())) void this.backUp();
    });
    return () => {
      this.active = false;
      stop();
    };
  }

  /** The draft changed without a write of this window (a rewrite): back it up when due. */
  markChanged(): void {
    this.changed = true;
  }

  /** On quit, after the autosave has flushed: the shell waits for this (bounded). */
  async beforeClose(): Promise<void> {
    if (!this.active) return;
    if (this.unsaved().length > 0) this.changed = true;
    await this.backUp();
  }

  private unsaved(): readonly UnsavedChange[] {
    try {
      return this.deps.unsaved?.() ?? [];
    } catch {
      return []; // an editor that cannot describe its state: back up what is stored
    }
  }

  private async backUp(): Promise<void> {
    if (!this.changed) return;
    this.changed = false;
    this.last = this.now();
    try {
      // Loaded on the first backup, not with the editor: opening a draft stays fast.
      const { backupBytes } = await import('./backup-actions');
      const { bytes, drafts } = await backupBytes(this.deps, [this.draftId], this.unsaved());
      await this.deps.platform.writeAutoBackup(this.draftId, drafts[0]!.title, bytes);
      this.reported = false;
    } catch (e) {
      this.changed = true; // try again next time
      if (!this.reported) {
        this.reported = true;
        this.warn(
          `The automatic backup could not be written: ${e instanceof Error ? e.message : String(e)} Your draft itself is saved. Use Back up to save a copy elsewhere.`,
        );
      }
    }
  }
}
