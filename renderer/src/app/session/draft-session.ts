import {
  emptySection,
  type DraftRecord,
  type SectionPatch,
  type SectionRecord,
} from '../../../../shared/model';
import type { Platform, UnsavedWork } from '../../platform/platform';
import type { BackupsRepository } from '../../storage/backups-repository';
import type { Repositories } from '../../storage/open-storage';
import { describeSaveError } from '../../storage/save-error';
import { SaveQueue, type PatchProducer, type SaveQueueOptions } from '../../storage/save-queue';
import {
  applySectionPatch,
  mergeSectionPatch,
  withUnsaved,
  type UnsavedChange,
} from '../../storage/section-patch';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import { AutoBackupPolicy } from '../backup/auto-backup-policy';
import { AutoSnapshotPolicy } from '../history/auto-snapshot-policy';
import { DraftLock, type DraftLockState, type DraftLockStatus, type Locks } from './draft-lock';
import { applyRewrite, type DraftRewrite } from './draft-rewrite';
import { EditJournal, JOURNAL_VERSION } from './edit-journal';
import { LiveWords } from './live-words';
import { onPageLeave, type PageEvents } from './page-leave';
import type { DraftSessionEvents } from './session-events';
import { TypedEvents } from './typed-events';

export type DraftSessionServices = Repositories & { platform: Platform };

export interface DraftSessionOptions {
  /** The Web Locks API (default `navigator.locks`; tests pass their own). */
  locks?: Locks | undefined;
  /** Where page hide comes from (default the browser's document and window). */
  page?: PageEvents | undefined;
  /** The save queue's timings and timers (tests drive them by hand). */
  queue?: Omit<SaveQueueOptions, 'save'>;
  now?: () => number;
  /** Where the edit journal is kept (default the browser's `localStorage`; tests pass theirs). */
  journal?: Storage | null;
}

/** How an open section writes: bound to the content it was loaded with. */
export interface SectionWriter {
  /** Records a change of the section (see SaveQueue.markDirty). */
  markDirty(change: PatchProducer | SectionPatch, source?: string): void;
  /** Writes what is pending now (focus left a control). */
  flush(): void;
}

const NOT_HERE = 'This draft is being edited in another window, so it cannot be changed here.';

/**
 * Each change is journalled in its own task: then even a browser that quits at once, with no page
 * events, keeps the keystroke. Only when the last journal write was large (SYNC_JOURNAL_CHARS or
 * more: a very long section) and took SYNC_JOURNAL_MS or more does the next one go to the next
 * task, so typing never waits for it. Both, not the time alone: on a busy computer any write can
 * take that long, and a task of its own may then wait behind further keystrokes (the browser
 * runs input first) until the window is gone.
 */
const SYNC_JOURNAL_MS = 2;
const SYNC_JOURNAL_CHARS = 100_000;

/**
 * One open draft: its save queue, its window lock, its live word counts and its policies
 * (automatic versions and backups). It tells its screen what happens through typed events
 * (`changed`, `committed`, `failed`, `rewritten`, `lock`, `warning`) and is the one place that
 * flushes when the page is hidden or the window closes. No React: hooks subscribe to it.
 *
 * Nothing typed waits for IndexedDB to be safe: each change is written to the edit journal
 * (edit-journal.ts) at once (or in the next task, where that is costly), and everything unsaved
 * when the page is hidden or closes; an entry goes when its write commits. When this window comes to hold the draft, it
 * replays what a window that went (a reload, a closed tab, a quit) left in the journal, unless the
 * stored section is newer, before any section opens. Saves go over the section as this window
 * last read or wrote it, so their write starts with no read in front of it.
 *
 * Rewrites from outside the editor (`rewrite`: restore, replace from backup — asked here or by
 * another window through the lock) never race the editor: from the moment one starts, changes
 * from sections loaded before it are strays; what was queued is taken out of the queue; both go
 * into the rewrite's restore point, never over the new content; then open sections reload.
 */
export class DraftSession {
  readonly queue: SaveQueue;
  readonly words = new LiveWords();
  private readonly events = new TypedEvents<DraftSessionEvents>();
  private readonly lock: DraftLock<DraftRewrite>;
  private readonly autoSnapshots: AutoSnapshotPolicy;
  private readonly autoBackups: AutoBackupPolicy;
  private readonly now: () => number;
  /** What writes are bound to: a section loaded before a rewrite writes into its restore point. */
  private generation = 0;
  /** How many rewrites have been shown: open sections are keyed by it. */
  private version = 0;
  private rewriting: Promise<unknown> = Promise.resolve();
  private rewritesRunning = 0;
  /** Changes from sections loaded before a rewrite, by generation and section. */
  private readonly strays = new Map<string, { generation: number; change: UnsavedChange }>();
  /** The restore point of the rewrite that ended each generation. */
  private readonly restorePoints = new Map<number, SnapshotRecord>();
  private strayWrites: Promise<void> = Promise.resolve();
  private isOpen = false;
  private stopListening: (() => void) | null = null;
  private stopPolicies: (() => void) | null = null;
  private readonly journal: EditJournal;
  /** Sections as last read or written while this window held the draft (see saveSection). */
  private readonly bases = new Map<string, SectionRecord>();
  /** Sections changed since their journal entry was written. */
  private readonly journalDue = new Set<string>();
  private journalTimer: unknown = null;
  /** How long the last journal write took (ms), and how much it wrote (characters of text). */
  private journalCostMs = 0;
  private journalChars = 0;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  /** The lock state last seen, so each time the draft comes to be held is noticed once. */
  private lockState: DraftLockState | null = null;
  /** The journal's replay for the current hold of the lock; sections open after it. */
  private replayed: Promise<void> = Promise.resolve();
  /** The draft as last seen, once it was deleted for ever elsewhere (see `draftGone`). */
  private gone: DraftRecord | null = null;

  constructor(
    readonly draftId: string,
    private readonly services: DraftSessionServices,
    private readonly options: DraftSessionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.journal = new EditJournal('journal' in options ? (options.journal ?? null) : undefined);
    this.setTimer =
      options.queue?.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
    this.clearTimer =
      options.queue?.clearTimeout ??
      ((handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>));
    // The promise is "anything typed 1 s ago is on disk", even if the computer dies now: writes
    // start at most 750 ms after a change, leaving time for the durable (strict) commit.
    this.queue = new SaveQueue({
      debounceMs: 300,
      maxWaitMs: 750,
      now: this.now,
      ...options.queue,
      save: (draftId, sectionId, patch) => this.save(draftId, sectionId, patch),
    });
    this.lock = new DraftLock<DraftRewrite>(draftId, {
      flush: () => this.flush(),
      rewrite: async (rewrite) => {
        await this.rewrite(rewrite);
      },
      onChange: (status) => this.lockChanged(status),
      ...('locks' in options ? { locks: options.locks } : {}),
    });
    this.autoSnapshots = new AutoSnapshotPolicy(draftId, services, this.now);
    this.autoBackups = new AutoBackupPolicy(
      draftId,
      { ...this.forBackup(), platform: services.platform, unsaved: () => this.unsaved() },
      (message) => this.events.emit('warning', { message }),
      this.now,
    );
  }

  readonly on = <K extends keyof DraftSessionEvents>(
    type: K,
    listener: (event: DraftSessionEvents[K]) => void,
  ): (() => void) => this.events.on(type, listener);

  /** Takes (or waits for) the draft's lock and starts listening. Again after `close`. */
  open(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.stopListening = onPageLeave(
      {
        hidden: () => {
          // First the journal, done when the call returns; then the write, started at once.
          this.writeJournal(true);
          void this.flush();
        },
        closing: () => this.beforeClose(),
        unsaved: () => this.unsavedWork(),
      },
      this.services.platform,
      this.options.page,
    );
    this.lock.open();
    this.lockChanged(this.lock.getStatus());
  }

  /**
   * Stops listening, writes what is pending, then lets go of the lock (unless opened again
   * meanwhile, as React's strict mode does: then the lock is kept, with no flicker).
   */
  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.stopListening?.();
    this.stopListening = null;
    this.stopPolicies?.();
    this.stopPolicies = null;
    try {
      await this.flush();
      await this.keepStrays();
    } finally {
      if (!this.isOpen) {
        // Deleted for ever: its entries could never be replayed, and the words go with the screen.
        if (this.gone) this.journal.removeDraft(this.draftId);
        this.lock.close();
        this.lockState = null;
      }
    }
  }

  get lockStatus(): DraftLockStatus {
    return this.lock.getStatus();
  }

  /** Asks the window that edits the draft to hand it over. */
  takeOver(): void {
    this.lock.takeOver();
  }

  /** Changes with each rewrite shown: open sections are keyed by it, so they reload. */
  get contentVersion(): number {
    return this.version;
  }

  /** A writer for a section loaded now. */
  writer(sectionId: string): SectionWriter {
    const generation = this.generation;
    return {
      markDirty: (change, source) => this.edit(generation, sectionId, change, source),
      flush: () => void this.flush(),
    };
  }

  /**
   * Reads a section once the journal is replayed and everything pending is written (returning to
   * a section still being saved must not show, and then re-save, its older text), with a writer
   * bound to what it read. What could not be written (storage failing, the draft in the trash)
   * is shown over the stored section: the words stay on screen until they are stored.
   */
  async loadSection(
    sectionId: string,
  ): Promise<{ record: SectionRecord | null; writer: SectionWriter }> {
    await this.replayed;
    await this.flush();
    const writer = this.writer(sectionId);
    let stored: SectionRecord | undefined;
    try {
      stored = await this.services.drafts.getSection(this.draftId, sectionId);
      if (this.lock.getStatus().state === 'held' && stored) this.bases.set(sectionId, stored);
    } catch (error) {
      // Storage unreadable: a section this window has read or written still opens, as it was.
      stored = this.bases.get(sectionId);
      if (!stored) throw error;
    }
    // Deleted for ever elsewhere: what this window read of it is all there is.
    if (!stored && this.gone) stored = this.bases.get(sectionId);
    const unsaved = this.queue.unsaved().find((c) => c.sectionId === sectionId)?.patch;
    if (!unsaved) return { record: stored ?? null, writer };
    const under = stored ?? emptySection(this.draftId, sectionId, 0);
    return { record: applySectionPatch(under, unsaved, under.updatedAt), writer };
  }

  /**
   * Writes everything pending; resolves true when all of it is stored. Started at once (not a
   * tick later) unless a rewrite is under way: a page being hidden may be frozen very soon.
   */
  async flush(): Promise<boolean> {
    if (this.rewritesRunning > 0) await this.rewriting;
    return this.queue.flush();
  }

  /** What is typed but not stored yet (a backup made while storage fails includes it). */
  unsaved(): UnsavedChange[] {
    return this.queue.unsaved();
  }

  /**
   * The draft was deleted for ever (in another window) while open here, `last` being how it was
   * last seen: its writes fail from now on (without retries); its sections open as this window
   * last read or wrote them, and backups are made from what this window still has. Leaving the
   * draft (`close`) lets its journal go.
   */
  draftGone(last: DraftRecord): void {
    this.gone = last;
  }

  /**
   * Reads drafts for a backup as the backups repository does, with `unsaved` over them. Once this
   * draft was deleted for ever elsewhere, it is made from what this window has: the draft as last
   * seen, each section as it last read or wrote it, and what is on screen.
   */
  private readonly readForBackup: BackupsRepository['readDrafts'] = async (
    draftIds,
    unsaved = [],
  ) => {
    try {
      return await this.services.backups.readDrafts(draftIds, unsaved);
    } catch (error) {
      const gone = this.gone;
      if (!gone || draftIds.length !== 1 || draftIds[0] !== this.draftId) throw error;
      const sections = withUnsaved(this.draftId, [...this.bases.values()], unsaved, this.now());
      return [{ draft: gone, sections, snapshots: [] }];
    }
  };

  /** The backups repository with `readForBackup` in it: what every backup of this draft reads. */
  forBackup(): Pick<Repositories, 'backups'> {
    return { backups: { ...this.services.backups, readDrafts: this.readForBackup } };
  }

  /** Keeps the draft as it is now as a version named by the participant. */
  async saveVersion(name: string): Promise<void> {
    await this.flush();
    await this.services.snapshots.takeSnapshot(this.draftId, 'manual', name);
  }

  /**
   * Rewrites the draft (see the class comment); only while this window holds it. Resolves the
   * restore point; rejects, with nothing changed and nothing typed lost, if the rewrite fails.
   */
  rewrite(rewrite: DraftRewrite): Promise<SnapshotRecord> {
    if (this.lock.getStatus().state !== 'held') return Promise.reject(new Error(NOT_HERE));
    this.rewritesRunning++;
    const run = this.rewriting
      .then(() => this.rewriteNow(rewrite))
      .finally(() => {
        this.rewritesRunning--;
      });
    this.rewriting = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads the stored word counts into `words` when the browser is idle (once the open section
   * has had its turn: these counts are for the margins). Returns the function that cancels.
   */
  readStoredCounts(): () => void {
    let active = true;
    const read = () =>
      void this.services.drafts.getSections(this.draftId).then(
        (sections) => {
          if (active) this.words.reset(new Map(sections.map((s) => [s.sectionId, s.wordCount])));
        },
        () => undefined, // counts in the margins only; the open section shows its own
      );
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(read, { timeout: 1000 });
      return () => {
        active = false;
        cancelIdleCallback(idle);
      };
    }
    const timer = setTimeout(read, 0);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }

  private async save(draftId: string, sectionId: string, patch: SectionPatch): Promise<void> {
    let written: SectionRecord;
    try {
      written = await this.services.drafts.saveSection(
        draftId,
        sectionId,
        patch,
        this.bases.get(sectionId),
      );
    } catch (error) {
      // The queue keeps the patch; the journal keeps it too, in case the page goes meanwhile.
      this.journalSoon(sectionId);
      this.events.emit('failed', { sectionId, error: describeSaveError(error) });
      throw error;
    }
    if (this.lock.getStatus().state === 'held') this.bases.set(sectionId, written);
    if (!this.queue.hasPending(draftId, sectionId)) {
      this.journalDue.delete(sectionId);
      this.journal.remove(draftId, sectionId);
    }
    this.events.emit('committed', { sectionId, at: this.now() });
  }

  /** Journals a change: at once unless that is costly (see SYNC_JOURNAL_MS), else in the next task. */
  private journalChange(sectionId: string): void {
    const costly = this.journalChars >= SYNC_JOURNAL_CHARS && this.journalCostMs >= SYNC_JOURNAL_MS;
    if (costly) return this.journalSoon(sectionId);
    this.journalDue.add(sectionId);
    this.writeJournal(false);
  }

  /** Writes the journal entries of the sections changed since, in the next task. */
  private journalSoon(sectionId: string): void {
    this.journalDue.add(sectionId);
    if (this.journalTimer !== null) return;
    this.journalTimer = this.setTimer(() => {
      this.journalTimer = null;
      this.writeJournal(false);
    }, 0);
  }

  /**
   * Writes the journal now: of the sections changed since the last time, or (`all`) of every
   * section with unsaved changes. A section whose changes are all stored loses its entry.
   */
  private writeJournal(all: boolean): void {
    if (this.journalTimer !== null) this.clearTimer(this.journalTimer);
    this.journalTimer = null;
    const started = performance.now();
    let unsaved: UnsavedChange[];
    try {
      unsaved = this.queue.unsaved();
    } catch (error) {
      // An editor that cannot describe its state: the queue asks it again when it writes.
      console.warn('The edit journal could not be written:', error);
      return;
    }
    const patches = new Map(unsaved.map((c) => [c.sectionId, c.patch]));
    const sections = all ? new Set([...this.journalDue, ...patches.keys()]) : this.journalDue;
    const at = this.now();
    let chars = 0;
    for (const sectionId of sections) {
      const patch = patches.get(sectionId);
      if (patch === undefined) {
        this.journal.remove(this.draftId, sectionId);
        continue;
      }
      const base = this.bases.get(sectionId)?.updatedAt ?? null;
      chars += (patch.editorState?.length ?? 0) + (patch.text?.length ?? 0);
      this.journal.write({
        version: JOURNAL_VERSION,
        draftId: this.draftId,
        sectionId,
        at,
        base,
        patch,
      });
    }
    this.journalDue.clear();
    this.journalCostMs = performance.now() - started;
    this.journalChars = chars;
  }

  /**
   * Puts what a window that went left in the journal back into the queue, section by section,
   * unless the stored section was written after the entry (another window saved later, or the
   * entry's own write landed): newer stored text always wins. Entries stay until written.
   */
  private async replayJournal(): Promise<void> {
    const entries = this.journal.entries(this.draftId);
    for (const entry of entries) {
      let stored: SectionRecord | undefined;
      try {
        stored = await this.services.drafts.getSection(this.draftId, entry.sectionId);
      } catch {
        continue; // unreadable now: the entry waits for the next open
      }
      if (stored && stored.updatedAt > entry.at) {
        this.journal.remove(this.draftId, entry.sectionId);
        continue;
      }
      if (this.lock.getStatus().state !== 'held') return; // handed over meanwhile
      if (stored) this.bases.set(entry.sectionId, stored);
      this.queue.markDirty(this.draftId, entry.sectionId, entry.patch);
      this.events.emit('changed', { sectionId: entry.sectionId });
    }
    if (entries.length > 0) await this.queue.flush();
  }

  /** What closing now would leave unstored, because saving fails; null when nothing. */
  private unsavedWork(): UnsavedWork | null {
    const status = this.queue.getStatus();
    if (status.state !== 'error' || !status.error) return null;
    return {
      reason: status.error.message,
      backup: async () => {
        const { backupBytes, backupFileName } = await import('../backup/backup-actions');
        const { bytes, drafts } = await backupBytes(
          this.forBackup(),
          [this.draftId],
          this.unsaved(),
        );
        return { fileName: backupFileName(drafts, new Date(this.now())), bytes };
      },
    };
  }

  private edit(
    generation: number,
    sectionId: string,
    change: PatchProducer | SectionPatch,
    source?: string,
  ): void {
    if (generation !== this.generation) {
      this.keepStray(generation, sectionId, typeof change === 'function' ? change() : change);
      return;
    }
    this.queue.markDirty(this.draftId, sectionId, change, source);
    this.journalChange(sectionId);
    this.events.emit('changed', { sectionId });
  }

  private async rewriteNow(rewrite: DraftRewrite): Promise<SnapshotRecord> {
    const previous = this.generation;
    // From here, sections loaded before are strays: nothing they send is written to the draft.
    this.generation = previous + 1;
    let unsaved: UnsavedChange[] = [];
    let point: SnapshotRecord;
    try {
      unsaved = await this.queue.takeUnsaved();
      point = await applyRewrite(this.services, this.draftId, rewrite, unsaved);
    } catch (error) {
      // Nothing was rewritten: what was typed goes back to be saved, and the open sections
      // stay current.
      this.generation = previous;
      for (const c of unsaved) this.queue.markDirty(c.draftId, c.sectionId, c.patch);
      for (const [key, stray] of this.strays) {
        if (stray.generation !== previous) continue;
        this.strays.delete(key);
        this.queue.markDirty(this.draftId, stray.change.sectionId, stray.change.patch);
      }
      throw error;
    }
    this.restorePoints.set(previous, point);
    // The rewrite stored new sections, and what was typed is in its restore point instead.
    this.bases.clear();
    for (const change of unsaved) this.journal.remove(this.draftId, change.sectionId);
    this.version++;
    this.autoBackups.markChanged();
    this.events.emit('rewritten', { kind: rewrite.kind, restorePoint: point });
    void this.keepStrays();
    return point;
  }

  private keepStray(generation: number, sectionId: string, patch: SectionPatch): void {
    const key = `${generation}\u0000${sectionId}`;
    const earlier = this.strays.get(key)?.change.patch ?? {};
    this.strays.set(key, {
      generation,
      change: { draftId: this.draftId, sectionId, patch: mergeSectionPatch(earlier, patch) },
    });
    // Until its rewrite has committed, there is no restore point yet: rewriteNow keeps it then.
    if (this.restorePoints.has(generation)) void this.keepStrays();
  }

  /** Writes strays into their restore points, one after another, in the order they came. */
  private keepStrays(): Promise<void> {
    this.strayWrites = this.strayWrites.then(async () => {
      const byPoint = new Map<SnapshotRecord, UnsavedChange[]>();
      for (const [key, stray] of this.strays) {
        const point = this.restorePoints.get(stray.generation);
        if (!point) continue;
        this.strays.delete(key);
        byPoint.set(point, [...(byPoint.get(point) ?? []), stray.change]);
      }
      for (const [point, changes] of byPoint) {
        try {
          await this.services.snapshots.amendRestorePoint(point.id, changes);
        } catch (error) {
          for (const change of changes) this.putStrayBack(point, change);
          this.events.emit('warning', {
            message: `What you typed as the draft was being replaced could not be added to “${point.label}” yet: ${error instanceof Error ? error.message : String(error)} AED Writer will try again.`,
          });
        }
      }
    });
    return this.strayWrites;
  }

  private putStrayBack(point: SnapshotRecord, change: UnsavedChange): void {
    const generation = [...this.restorePoints].find(([, p]) => p === point)![0];
    const key = `${generation}\u0000${change.sectionId}`;
    const newer = this.strays.get(key)?.change.patch ?? {};
    this.strays.set(key, {
      generation,
      change: { ...change, patch: mergeSectionPatch(change.patch, newer) },
    });
  }

  private async beforeClose(): Promise<void> {
    this.writeJournal(true);
    await this.flush();
    await this.keepStrays();
    await this.autoBackups.beforeClose();
  }

  private lockChanged(status: DraftLockStatus): void {
    const cameToHold = status.state === 'held' && this.lockState !== 'held';
    // What this window read may since have been written by another: saves read it again.
    if (status.state !== this.lockState) this.bases.clear();
    this.lockState = status.state;
    if (status.state === 'held' && this.isOpen && !this.stopPolicies) {
      const stopSnapshots = this.autoSnapshots.start(this.events);
      const stopBackups = this.autoBackups.start(this.events);
      this.stopPolicies = () => {
        stopSnapshots();
        stopBackups();
      };
    } else if (status.state !== 'held') {
      this.stopPolicies?.();
      this.stopPolicies = null;
    }
    if (cameToHold) this.replayed = this.replayJournal().catch(() => undefined);
    this.events.emit('lock', status);
  }
}
