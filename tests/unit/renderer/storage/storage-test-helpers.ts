import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { AedDatabase } from '../../../../renderer/src/storage/db';

/** A database of its own for each test, on fake-indexeddb, so tests never see each other's data. */
export function openTestDatabase(): AedDatabase {
  return new AedDatabase(`aed-test-${crypto.randomUUID()}`, { indexedDB, IDBKeyRange });
}

/** A clock the test moves by hand, so "newest first" does not depend on the machine's speed. */
export function testClock(start = 1_700_000_000_000): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}

/**
 * Timers driven by hand for tests that also run Dexie, which schedules its own work with the real
 * setTimeout; faking the global timers there would stall the database.
 */
export class ManualTimers {
  private time = 0;
  private nextHandle = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  readonly setTimeout = (callback: () => void, ms: number): unknown => {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + ms, callback });
    return handle;
  };

  readonly clearTimeout = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  /** Moves time on, running each timer that falls due in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= until && (!due || entry[1].at < due[1].at)) due = entry;
      }
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = until;
  }

  get pendingCount(): number {
    return this.timers.size;
  }
}
