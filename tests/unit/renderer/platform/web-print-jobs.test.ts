// The web build's print jobs in the browser's storage: found again on reload, never piling up.
import { describe, expect, it } from 'vitest';
import {
  PRINT_JOB_KEEP_MS,
  PRINT_JOBS_KEPT,
  readPrintJob,
  storePrintJob,
} from '../../../../renderer/src/platform/web-print-jobs';
import type { PrintJob } from '../../../../shared/export/print-job';

/** localStorage's interface over a Map, full beyond `capacity` characters as a browser's is. */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  constructor(private readonly capacity = Infinity) {}
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const others = [...this.items].filter(([k]) => k !== key);
    const used = others.reduce((sum, [k, v]) => sum + k.length + v.length, 0);
    if (used + key.length + value.length > this.capacity) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

const job = (fileName: string): PrintJob =>
  ({ draftId: 'd1', fileName, document: { note: 'x'.repeat(1000) } }) as unknown as PrintJob;

function store(storage: Storage, name: string, at: number): string {
  return storePrintJob(storage, job(name), { now: () => at });
}

describe('print jobs in the browser’s storage', () => {
  it('are found by export id, as often as the print tab loads', () => {
    const storage = new MemoryStorage();
    const id = store(storage, 'a.pdf', 1000);
    expect(readPrintJob(storage, id)).toEqual(job('a.pdf'));
    expect(readPrintJob(storage, id)).toEqual(job('a.pdf'));
    expect(readPrintJob(storage, 'other')).toBeNull();
  });

  it('keep only the newest few, and nothing older than a day', () => {
    const storage = new MemoryStorage();
    storage.setItem('aed-draft-setting', 'kept');
    const old = store(storage, 'old.pdf', 0);
    const ids = Array.from({ length: PRINT_JOBS_KEPT + 1 }, (_, i) =>
      store(storage, `${i}.pdf`, PRINT_JOB_KEEP_MS - 10 + i),
    );
    // The newest five; the oldest of the six went when the sixth came.
    expect(ids.map((id) => readPrintJob(storage, id) !== null)).toEqual([
      false,
      ...Array<boolean>(PRINT_JOBS_KEPT).fill(true),
    ]);
    expect(readPrintJob(storage, old)).toBeNull();
    // A day after the last of them, the next export clears them all.
    const latest = store(storage, 'next.pdf', PRINT_JOB_KEEP_MS * 3);
    expect(ids.every((id) => readPrintJob(storage, id) === null)).toBe(true);
    expect(readPrintJob(storage, latest)).toEqual(job('next.pdf'));
    expect(storage.getItem('aed-draft-setting')).toBe('kept');
    expect(storage.length).toBe(2);
  });

  it('clear out an unreadable entry', () => {
    const storage = new MemoryStorage();
    storage.setItem('aed-print-job:broken', '{not json');
    expect(readPrintJob(storage, 'broken')).toBeNull();
    store(storage, 'a.pdf', 1000);
    expect(storage.getItem('aed-print-job:broken')).toBeNull();
  });

  it('make room by letting older jobs go, and say so when there is still none', () => {
    const storage = new MemoryStorage(2500);
    const first = store(storage, 'first.pdf', 1000);
    const second = store(storage, 'second.pdf', 2000);
    const third = store(storage, 'third.pdf', 3000);
    expect(readPrintJob(storage, third)).toEqual(job('third.pdf'));
    expect([first, second].map((id) => readPrintJob(storage, id))).toEqual([null, null]);
    const tiny = new MemoryStorage(500);
    expect(() => store(tiny, 'big.pdf', 1000)).toThrow(/no room .* Word document/);
    expect(tiny.length).toBe(0);
  });
});
