import { describe, expect, it } from 'vitest';
import { COPY_INTERVAL_MS, isCopyDue } from '../../../shared/copy-throttle';

describe('the 10-minute rule for automatic copies', () => {
  it('is due when none was made, and again 10 minutes after the last, not before', () => {
    const t = 1_700_000_000_000;
    expect(COPY_INTERVAL_MS).toBe(10 * 60 * 1000);
    expect(isCopyDue(null, t)).toBe(true);
    expect(isCopyDue(t, t + COPY_INTERVAL_MS - 1)).toBe(false);
    expect(isCopyDue(t, t + COPY_INTERVAL_MS)).toBe(true);
  });
});
