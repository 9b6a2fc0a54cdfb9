/**
 * How long automatic snapshots are kept: every one from the last 48 hours, then the newest of each
 * day for 90 days, then none. Versions the participant named, submissions, and the snapshots that
 * make a restore undoable are never thinned away.
 */
export const KEEP_ALL_MS = 48 * 60 * 60 * 1000;
export const KEEP_DAILY_MS = 90 * 24 * 60 * 60 * 1000;

export interface ThinnableSnapshot {
  id: string;
  kind: 'auto' | 'manual' | 'submission' | 'before-restore';
  createdAt: number;
}

/** The ids of automatic snapshots to delete now. `dayOf` groups times into calendar days. */
export function snapshotsToThin(
  snapshots: readonly ThinnableSnapshot[],
  now: number,
  dayOf: (ms: number) => string = (ms) => new Date(ms).toDateString(),
): string[] {
  const doomed: string[] = [];
  const keptDays = new Set<string>();
  // Newest first, so the snapshot kept for a day is that day's last.
  const autos = snapshots
    .filter((s) => s.kind === 'auto')
    .sort((a, b) => b.createdAt - a.createdAt);
  for (const s of autos) {
    const age = now - s.createdAt;
    if (age <= KEEP_ALL_MS) continue;
    const day = dayOf(s.createdAt);
    if (age > KEEP_DAILY_MS || keptDays.has(day)) doomed.push(s.id);
    else keptDays.add(day);
  }
  return doomed;
}
