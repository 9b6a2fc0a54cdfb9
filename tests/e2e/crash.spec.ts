import { expect, test } from '@playwright/test';
import { crashTrials } from './crash-harness';

const trials = Number(process.env.CRASH_TRIALS ?? 20);

// The browsers here are started and killed by the test itself: there is nothing to trace, and
// tracing a browser that was SIGKILLed fails at teardown.
test.use({ trace: 'off' });

test(`SIGKILL while typing, ${trials} times: everything typed 1 s before each kill survives`, async ({
  baseURL,
}) => {
  test.setTimeout(30_000 + trials * 20_000);
  const report = await crashTrials(baseURL!, trials);
  console.log(
    `crash trials: ${report.trials}, lost anything: ${report.lost.length} (seed ${report.seed})`,
  );
  expect(report.lost).toEqual([]);
});
