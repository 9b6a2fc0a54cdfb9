import type { SectionPatch } from '../../../shared/model';
import { describeSaveError, isRetryable, type SaveError } from './save-error';
import { mergeSectionPatch, type UnsavedChange } from './section-patch';

/**
 * The autosave engine, free of React and of the editor. The editor calls `markDirty` on every
 * change; the queue writes within `maxWaitMs` even while typing goes on, and at once on `flush`
 * (blur, section change, page hide, window close). A failed write keeps its patch and is retried
 * with backoff, so nothing typed is dropped while the disk is full or the database is closed.
 * A write that cannot succeed by itself (the draft is in the trash or deleted: see
 * save-error.ts) is not retried on a timer; the next change or flush tries again.
 */

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface SaveStatus {
  /**
   * 'saved': nothing waiting. 'pending': changes waiting for the debounce. 'saving': a write is
   * in flight. 'error': a write failed and is being retried (or, when it cannot succeed by
   * itself, waits for the next change or flush); it stays until a write succeeds.
   */
  readonly state: SaveState;
  readonly error: SaveError | null;
  /** When a write last succeeded (ms since epoch), or null if none has yet. */
  readonly lastSavedAt: number | null;
}

/** Writes one section's patch; what it resolves is not used. */
export type SaveFunction = (
  draftId: string,
  sectionId: string,
  patch: SectionPatch,
) => Promise<unknown>;
export type PatchProducer = () => SectionPatch;
export type SaveStatusListener = (status: SaveStatus) => void;

export interface SaveQueueOptions {
  save: SaveFunction;
  /** Quiet time after the last change before writing. */
  debounceMs?: number;
  /** The longest a change waits while changes keep coming. */
  maxWaitMs?: number;
  /** Waits before successive retries of a failed write; the last repeats. */
  retryDelaysMs?: readonly number[];
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  now?: () => number;
}

export const DEFAULT_SOURCE = 'default';

/** A pending change: a producer (replaced by later ones of the same source) or a literal patch. */
type Part = { source: string; produce: PatchProducer } | { source: null; patch: SectionPatch };

interface Entry {
  draftId: string;
  sectionId: string;
  /** In arrival order; merged in this order, so later keys win. */
  parts: Part[];
}

const entryKey = (draftId: string, sectionId: string) => `${draftId}\u0000${sectionId}`;

export class SaveQueue {
  private readonly save: SaveFunction;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly now: () => number;

  private pending = new Map<string, Entry>();
  /** The batch being written now, until its writes settle. */
  private writing: Entry[] = [];
  private debounceTimer: unknown = null;
  private maxWaitTimer: unknown = null;
  private retryTimer: unknown = null;
  private retryAttempt = 0;
  /** The running write loop; flushes join it rather than starting a second one. */
  private loop: Promise<boolean> | null = null;
  private inFlight = false;
  private error: SaveError | null = null;
  private lastSavedAt: number | null = null;
  private status: SaveStatus = { state: 'saved', error: null, lastSavedAt: null };
  private readonly listeners = new Set<SaveStatusListener>();
  private disposing = false;
  private disposed = false;

  constructor(options: SaveQueueOptions) {
    this.save = options.save;
    this.debounceMs = options.debounceMs ?? 300;
    this.maxWaitMs = Math.max(options.maxWaitMs ?? 1000, 0);
    this.retryDelaysMs =
      options.retryDelaysMs && options.retryDelaysMs.length > 0
        ? options.retryDelaysMs
        : [500, 1000, 2000, 5000];
    // Looked up per call, so fake timers installed after construction still apply.
    this.setTimer = options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
    this.clearTimer =
      options.clearTimeout ??
      ((handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>));
    this.now = options.now ?? Date.now;
  }

  /**
   * Records that a section changed. Cheap enough for every keystroke: a producer is only called
   * when the write happens, so the editor serializes once per save. A later producer of the same
   * `source` replaces the earlier (it describes the newer state); producers of other sources and
   * literal patches (e.g. `{ fields: { 'full-name': 'Jo' } }`) are all kept and merged, later
   * keys winning, with `fields`, `criteria` and `criteriaDetail` merged entry by entry.
   */
  markDirty(
    draftId: string,
    sectionId: string,
    change: PatchProducer | SectionPatch,
    source: string = DEFAULT_SOURCE,
  ): void {
    if (this.disposed)
      throw new Error('This save queue has been disposed; the change was not kept.');
    const key = entryKey(draftId, sectionId);
    let entry = this.pending.get(key);
    if (!entry) {
      entry = { draftId, sectionId, parts: [] };
      this.pending.set(key, entry);
    }
    if (typeof change === 'function') {
      entry.parts = entry.parts.filter((p) => p.source !== source);
      entry.parts.push({ source, produce: change });
    } else {
      const last = entry.parts.at(-1);
      if (last && last.source === null)
        last.patch = mergeSectionPatch(last.patch, structuredClone(change));
      // A copy, so a caller reusing its object cannot change what is queued.
      else entry.parts.push({ source: null, patch: structuredClone(change) });
    }
    this.armTimers();
    this.emit();
  }

  /**
   * Writes everything pending now, waiting for a write already in flight and then writing what
   * arrived meanwhile. Never rejects: resolves true when everything is stored, false when a
   * write failed (the status is then 'error', with a retry scheduled if one can succeed).
   */
  async flush(): Promise<boolean> {
    this.cancelRetry();
    for (;;) {
      this.loop ??= this.startLoop();
      const ok = await this.loop;
      if (!ok) return false;
      if (this.pending.size === 0) return true;
      if (this.disposed) return false;
    }
  }

  /** Whether changes to this section arrived that no write has taken yet. */
  hasPending(draftId: string, sectionId: string): boolean {
    return this.pending.has(entryKey(draftId, sectionId));
  }

  /** Resolves once no write is in flight, without starting one (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  /** Drops pending changes of a draft (or one section) that no longer exists, e.g. deleted forever. */
  discard(draftId: string, sectionId?: string): void {
    for (const [key, entry] of this.pending) {
      if (entry.draftId === draftId && (sectionId === undefined || entry.sectionId === sectionId)) {
        this.pending.delete(key);
      }
    }
    if (this.pending.size === 0) {
      this.clearWriteTimers();
      this.cancelRetry();
      this.error = null;
    }
    this.emit();
  }

  /**
   * What is waiting to be written, as patches, without writing it: a backup made while storage
   * is failing includes the text that is still only on screen.
   */
  unsaved(): UnsavedChange[] {
    const merged = new Map<string, UnsavedChange>();
    // A write in flight may yet fail, so it counts as unsaved; newer pending changes go over it.
    for (const entry of [...this.writing, ...this.pending.values()]) {
      const key = entryKey(entry.draftId, entry.sectionId);
      const earlier = merged.get(key)?.patch ?? {};
      const patch = entry.parts.reduce<SectionPatch>(
        (acc, part) => mergeSectionPatch(acc, part.source === null ? part.patch : part.produce()),
        earlier,
      );
      merged.set(key, { draftId: entry.draftId, sectionId: entry.sectionId, patch });
    }
    return [...merged.values()];
  }

  /**
   * Takes everything not yet stored out of the queue, once any write in flight has settled, so
   * none of it will be written. For a rewrite of the draft from outside the editor: what was
   * typed goes into the rewrite's restore point instead of over the new content. The caller
   * must stop new changes arriving first (they would be written as usual).
   */
  async takeUnsaved(): Promise<UnsavedChange[]> {
    while (this.loop) await this.loop;
    const taken = this.unsaved();
    this.pending.clear();
    this.clearWriteTimers();
    this.cancelRetry();
    this.retryAttempt = 0;
    this.error = null;
    this.emit();
    return taken;
  }

  /** The current status; the same object until something changes (fit for useSyncExternalStore). */
  getStatus(): SaveStatus {
    return this.status;
  }

  subscribe(listener: SaveStatusListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Makes one last attempt to write what is pending, then stops timers and retries. The final
   * status is still reported to listeners before they are dropped.
   */
  async dispose(): Promise<void> {
    if (this.disposing) return;
    this.disposing = true;
    await this.flush();
    this.disposed = true;
    this.clearWriteTimers();
    this.cancelRetry();
    this.listeners.clear();
  }

  private startLoop(): Promise<boolean> {
    const loop: Promise<boolean> = this.drain().finally(() => {
      if (this.loop === loop) this.loop = null;
    });
    return loop;
  }

  /** Writes batches until nothing is pending; false when a write failed (a retry is then set). */
  private async drain(): Promise<boolean> {
    while (this.pending.size > 0) {
      this.clearWriteTimers();
      const batch = [...this.pending.values()];
      this.pending.clear();
      this.writing = batch;
      this.inFlight = true;
      this.emit();
      const failed: Entry[] = [];
      let failure: { error: unknown } | null = null;
      for (const entry of batch) {
        let patch: SectionPatch;
        try {
          patch = entry.parts.reduce<SectionPatch>(
            (merged, part) =>
              mergeSectionPatch(merged, part.source === null ? part.patch : part.produce()),
            {},
          );
        } catch (error) {
          // The producer could not describe the state; keep it and ask again on retry.
          failed.push(entry);
          failure ??= { error };
          continue;
        }
        if (Object.keys(patch).length === 0) continue;
        try {
          await this.save(entry.draftId, entry.sectionId, patch);
          this.lastSavedAt = this.now();
        } catch (error) {
          // Keep the patch as it was read, so the text survives even if its producer goes away.
          failed.push({ ...entry, parts: [{ source: null, patch }] });
          failure ??= { error };
        }
      }
      this.writing = [];
      if (failure) {
        this.inFlight = false;
        this.restore(failed);
        this.error = describeSaveError(failure.error);
        if (isRetryable(this.error)) this.scheduleRetry();
        else this.clearWriteTimers();
        this.emit();
        return false;
      }
      // Stays 'saving' straight into the next batch rather than flickering through 'pending'.
      if (this.pending.size === 0) this.inFlight = false;
      this.error = null;
      this.retryAttempt = 0;
      this.emit();
    }
    return true;
  }

  /** Puts failed entries back ahead of newer changes to the same sections. */
  private restore(failed: Entry[]): void {
    const next = new Map<string, Entry>();
    for (const entry of failed) {
      const key = entryKey(entry.draftId, entry.sectionId);
      const newer = this.pending.get(key);
      if (!newer) {
        next.set(key, entry);
        continue;
      }
      // A newer producer of the same source supersedes the failed one.
      const kept = entry.parts.filter(
        (p) => p.source === null || !newer.parts.some((q) => q.source === p.source),
      );
      next.set(key, { ...newer, parts: [...kept, ...newer.parts] });
    }
    for (const [key, entry] of this.pending) if (!next.has(key)) next.set(key, entry);
    this.pending = next;
  }

  private armTimers(): void {
    // While a retry is scheduled, it carries the new changes too; writing sooner would only
    // hammer a full disk.
    if (this.retryTimer !== null || this.disposing) return;
    if (this.debounceTimer !== null) this.clearTimer(this.debounceTimer);
    this.debounceTimer = this.setTimer(
      () => this.onTimer(),
      Math.min(this.debounceMs, this.maxWaitMs),
    );
    this.maxWaitTimer ??= this.setTimer(() => this.onTimer(), this.maxWaitMs);
  }

  private onTimer(): void {
    this.clearWriteTimers();
    void this.flush();
  }

  private clearWriteTimers(): void {
    if (this.debounceTimer !== null) this.clearTimer(this.debounceTimer);
    if (this.maxWaitTimer !== null) this.clearTimer(this.maxWaitTimer);
    this.debounceTimer = null;
    this.maxWaitTimer = null;
  }

  private scheduleRetry(): void {
    this.clearWriteTimers();
    this.cancelRetry();
    if (this.disposing) return;
    const delays = this.retryDelaysMs;
    const delay = delays[Math.min(this.retryAttempt, delays.length - 1)]!;
    this.retryAttempt++;
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = null;
      void this.flush();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    this.retryTimer = null;
  }

  private emit(): void {
    const state: SaveState = this.error
      ? 'error'
      : this.inFlight
        ? 'saving'
        : this.pending.size > 0
          ? 'pending'
          : 'saved';
    const previous = this.status;
    if (
      previous.state === state &&
      previous.error === this.error &&
      previous.lastSavedAt === this.lastSavedAt
    ) {
      return;
    }
    this.status = { state, error: this.error, lastSavedAt: this.lastSavedAt };
    for (const listener of [...this.listeners]) {
      try {
        listener(this.status);
      } catch (error) {
        // A broken listener must not stop saving; rethrow outside the queue so it is still seen.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
