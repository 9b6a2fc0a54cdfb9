import { expect, test } from '@playwright/test';
import { leaveTrials, summarise, type LeaveKind } from './page-leave-harness';

// `npm run soak` runs 50 of each; `npm test` a few.
const trials = Number(process.env.LEAVE_TRIALS ?? 2);
const DELAYS_MS = [0, 20, 50, 100] as const;

// The browsers here are started and closed by the test itself: there is nothing to trace.
test.use({ trace: 'off' });

const KINDS: { kind: LeaveKind; what: string; perTrialMs: number }[] = [
  { kind: 'reload', what: 'a reload', perTrialMs: 4_000 },
  { kind: 'close', what: 'closing the tab', perTrialMs: 4_000 },
  { kind: 'quit', what: 'quitting the browser', perTrialMs: 8_000 },
];

for (const { kind, what, perTrialMs } of KINDS) {
  test(`${what} at ${DELAYS_MS.join(', ')} ms after the last keystroke keeps every word (${trials} of each)`, async ({
    baseURL,
  }) => {
    test.setTimeout(30_000 + trials * DELAYS_MS.length * perTrialMs);
    const report = await leaveTrials(baseURL!, kind, DELAYS_MS, trials);
    console.log(`${what}: ${summarise(report)}`);
    expect(report.problems).toEqual([]);
  });
}
