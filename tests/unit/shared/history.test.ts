import { describe, expect, it } from 'vitest';
import { snapshotsToThin, type ThinnableSnapshot } from '../../../shared/history';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const now = Date.UTC(2026, 10, 23, 12, 0);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const snap = (
  id: string,
  ageMs: number,
  kind: ThinnableSnapshot['kind'] = 'auto',
): ThinnableSnapshot => ({
  id,
  kind,
  createdAt: now - ageMs,
});

describe('snapshotsToThin', () => {
  it('keeps every automatic snapshot from the last 48 hours', () => {
    const recent = Array.from({ length: 30 }, (_, i) => snap(`r${i}`, i * HOUR));
    expect(snapshotsToThin(recent, now, dayOf)).toEqual([]);
  });

  it('keeps the newest of each day between 48 hours and 90 days, and none older', () => {
    const list = [
      snap('d3-late', 3 * DAY - 2 * HOUR),
      snap('d3-early', 3 * DAY + 6 * HOUR),
      snap('d10', 10 * DAY),
      snap('d89', 89 * DAY),
      snap('d91', 91 * DAY),
      snap('d200', 200 * DAY),
    ];
    const doomed = snapshotsToThin(list, now, dayOf);
    expect(doomed.sort()).toEqual(['d200', 'd3-early', 'd91'].sort());
  });

  it('never thins named versions, submissions or restore points', () => {
    const list = [
      snap('m', 300 * DAY, 'manual'),
      snap('s', 300 * DAY, 'submission'),
      snap('b', 300 * DAY, 'before-restore'),
      snap('a1', 5 * DAY),
      snap('a2', 5 * DAY + HOUR),
    ];
    expect(snapshotsToThin(list, now, dayOf)).toEqual(['a2']);
  });
});
