// Reads `npm test` output and prints one line "N passed, N failed" over all suites, for CI.
import { readFileSync } from 'node:fs';

const [file, statusArg] = process.argv.slice(2);
// eslint-disable-next-line no-control-regex
const text = readFileSync(file, 'utf8').replace(/\u001b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
for (const line of text.split('\n')) {
  // vitest: "      Tests  12 passed | 1 failed (13)" (either part may be missing)
  const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
  if (vitest) {
    passed += Number(/(\d+) passed/.exec(vitest[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(vitest[1])?.[1] ?? 0);
    continue;
  }
  // Playwright's list reporter: "  12 passed (30.1s)", "  1 failed"
  const pw = /^\s+(\d+) (passed|failed|flaky)( \(.*\))?\s*$/.exec(line);
  if (pw) {
    if (pw[2] === 'passed') passed += Number(pw[1]);
    else failed += Number(pw[1]);
  }
}
const status = Number(statusArg ?? 0);
// A stage that fails before any suite reports (typecheck, lint, build) is still a failure.
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
