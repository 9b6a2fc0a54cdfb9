import { expect, test } from '@playwright/test';
import { crashTrials } from './crash-harness';

const trials = Number(process.env.CRASH_TRIALS ?? 20);

// The browsers here are started and killed by the test itself: there is nothing to trace, and
// tracing a browser that was SIGKILLed fails at teardown.
test.use({ trace: 'off' });

test(`SIGKILL while typing, ${trials} times: everything typed 1 s before each kill survives, and nothing else`, async ({
  baseURL,
}) => {
  test.setTimeout(30_000 + trials * 20_000);
  // CRASH_SEED replays a trial: each prints its seed, and a failure names it.
  const seed = process.env.CRASH_SEED ? Number(process.env.CRASH_SEED) : undefined;
  const report = await crashTrials(baseURL!, trials, seed);
  console.log(
    `crash trials: ${report.trials}, lost anything: ${report.lost.length}, garbled: ${report.garbled.length} (seeds ${report.seed}–${report.seed + trials - 1})`,
  );
  expect(report.lost).toEqual([]);
  expect(report.garbled).toEqual([]);
});
