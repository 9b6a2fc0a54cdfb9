/**
 * The one rule for copies kept while a draft is being written — automatic versions in History
 * and the desktop's automatic backups: at most one every 10 minutes of editing.
 */
export const COPY_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Whether another copy is due at `now` (ms since the epoch) when the last was made at `last`
 * (null: none yet, so one is due).
 */
export function isCopyDue(last: number | null, now: number): boolean {
  return last === null || now - last >= COPY_INTERVAL_MS;
}
