/**
 * The web build's hand-over of a print job to the print tab it opens: kept in `localStorage`
 * under the export id, because the tab is a page of its own (a reload must still find the
 * document, and `sessionStorage` is not shared with a tab reliably) and the document is too big
 * for its address. Jobs are kept for a day and only the newest few, so they do not pile up; each
 * new one clears out the old ones. No zod here (it stays out of the start-up bundle): the print
 * view checks what it reads with shared/export/document-schema.ts.
 */
import type { PrintJob } from '../../../shared/export/print-job';

const KEY_PREFIX = 'aed-print-job:';
/** Long enough to reload a print tab or print it again later in the day. */
export const PRINT_JOB_KEEP_MS = 24 * 60 * 60 * 1000;
/** Print tabs open at once, at most, that can still be reloaded. */
export const PRINT_JOBS_KEPT = 5;

interface StoredJob {
  savedAt: number;
  job: PrintJob;
}

export interface PrintJobStoreOptions {
  now?: () => number;
  newId?: () => string;
}

/**
 * Keeps `job` for the print tab about to open and resolves its export id. Throws a sentence for
 * an alert when the browser's storage cannot take it even after clearing older jobs.
 */
export function storePrintJob(
  storage: Storage,
  job: PrintJob,
  { now = Date.now, newId = () => crypto.randomUUID() }: PrintJobStoreOptions = {},
): string {
  const savedAt = now();
  removeStale(storage, savedAt, PRINT_JOBS_KEPT - 1);
  const exportId = newId();
  const value = JSON.stringify({ savedAt, job } satisfies StoredJob);
  try {
    storage.setItem(KEY_PREFIX + exportId, value);
  } catch {
    // Most likely the storage is full: older print jobs are the first thing to let go.
    removeStale(storage, savedAt, 0);
    try {
      storage.setItem(KEY_PREFIX + exportId, value);
    } catch {
      throw new Error(
        'The browser has no room to pass the document to its print page. Export it as a Word document instead, or free some space and try again.',
      );
    }
  }
  return exportId;
}

/** The job stored under `exportId`, unchecked; null when there is none. */
export function readPrintJob(storage: Storage, exportId: string): unknown {
  const value = storage.getItem(KEY_PREFIX + exportId);
  if (value === null) return null;
  try {
    const stored = JSON.parse(value) as Partial<StoredJob> | null;
    return stored?.job ?? null;
  } catch {
    return null;
  }
}

/**
 * Removes every print job: the edit journal (app/session/edit-journal.ts) needs the room more,
 * since a print tab can be opened again from its draft and typed words cannot.
 */
export function dropPrintJobs(storage: Storage): void {
  try {
    removeStale(storage, Date.now(), 0);
  } catch {
    // Storage that cannot even be listed has nothing to give back.
  }
}

/** Removes jobs older than a day, and all but the newest `keep` of the others. */
function removeStale(storage: Storage, now: number, keep: number): void {
  const jobs: Array<{ key: string; savedAt: number }> = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key === null || !key.startsWith(KEY_PREFIX)) continue;
    jobs.push({ key, savedAt: savedAtOf(storage.getItem(key)) });
  }
  jobs.sort((a, b) => b.savedAt - a.savedAt);
  jobs.forEach((entry, i) => {
    if (i >= keep || now - entry.savedAt > PRINT_JOB_KEEP_MS) storage.removeItem(entry.key);
  });
}

function savedAtOf(value: string | null): number {
  try {
    const savedAt = (JSON.parse(value ?? 'null') as Partial<StoredJob> | null)?.savedAt;
    // Unreadable entries sort last and count as stale.
    return typeof savedAt === 'number' ? savedAt : -Infinity;
  } catch {
    return -Infinity;
  }
}
