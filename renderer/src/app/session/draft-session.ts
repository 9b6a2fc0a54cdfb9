import type { SectionPatch, SectionRecord } from '../../../../shared/model';
import type { Platform } from '../../platform/platform';
import type { Repositories } from '../../storage/open-storage';
import { describeSaveError } from '../../storage/save-error';
import { SaveQueue, type PatchProducer, type SaveQueueOptions } from '../../storage/save-queue';
import { mergeSectionPatch, type UnsavedChange } from '../../storage/section-patch';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import { AutoBackupPolicy } from '../backup/auto-backup-policy';
import { AutoSnapshotPolicy } from '../history/auto-snapshot-policy';
import { DraftLock, type DraftLockStatus, type Locks } from './draft-lock';
import { applyRewrite, type DraftRewrite } from './draft-rewrite';
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
 * One open draft: its save queue, its window lock, its live word counts and its policies
 * (automatic versions and backups). It tells its screen what happens through typed events
 * (`changed`, `committed`, `failed`, `rewritten`, `lock`, `warning`) and is the one place that
 * flushes when the page is hidden or the window closes. No React: hooks subscribe to it.
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

  constructor(
    readonly draftId: string,
    private readonly services: DraftSessionServices,
    private readonly options: DraftSessionOptions = {},
  ) {
    this.now = options.now ?? Date.now;
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
      services,
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
      { hidden: () => void this.flush(), closing: () => this.beforeClose() },
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
      if (!this.isOpen) this.lock.close();
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
   * Reads a section once everything pending is written (returning to a section still being
   * saved must not show, and then re-save, its older text), with a writer bound to what it read.
   */
  async loadSection(
    sectionId: string,
  ): Promise<{ record: SectionRecord | null; writer: SectionWriter }> {
    await this.flush();
    const writer = this.writer(sectionId);
    const record = await this.services.drafts.getSection(this.draftId, sectionId);
    return { record: record ?? null, writer };
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
    try {
      await this.services.drafts.saveSection(draftId, sectionId, patch);
    } catch (error) {
      this.events.emit('failed', { sectionId, error: describeSaveError(error) });
      throw error;
    }
    this.events.emit('committed', { sectionId, at: this.now() });
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
    await this.flush();
    await this.keepStrays();
    await this.autoBackups.beforeClose();
  }

  private lockChanged(status: DraftLockStatus): void {
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
    this.events.emit('lock', status);
  }
}
