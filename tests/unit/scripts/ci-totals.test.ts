// CI's totals from the suites' JSON reports (shapes as vitest and Playwright write them).
import { describe, expect, it } from 'vitest';
import { totals } from '../../../scripts/ci-totals.mjs';

const unit = (...tests: Array<[string, string]>) => ({
  testResults: [
    {
      name: '/repo/tests/unit/a.test.ts',
      status: tests.some(([, s]) => s === 'failed') ? 'failed' : 'passed',
      message: '',
      assertionResults: tests.map(([fullName, status]) => ({ fullName, title: fullName, status })),
    },
  ],
});

const e2e = (...tests: Array<[string, string]>) => ({
  suites: [
    {
      title: 'export.spec.ts',
      specs: tests.map(([title, status]) => ({ title, tests: [{ status }] })),
      suites: [],
    },
  ],
  errors: [],
});

describe('ci-totals', () => {
  it('adds up both suites', () => {
    const result = totals({
      status: 0,
      ci: true,
      unit: unit(['a', 'passed'], ['b', 'passed'], ['c', 'skipped'], ['d', 'todo']),
      e2e: e2e(['e', 'expected'], ['f', 'expected']),
    });
    expect([result.passed, result.failed, result.skipped]).toEqual([4, 0, 2]);
  });

  it('counts failed tests, files that failed to load and errors outside tests', () => {
    const broken = unit(['a', 'passed']);
    broken.testResults.push({
      name: '/repo/tests/unit/b.test.ts',
      status: 'failed',
      message: 'Error: Cannot find module\n  at …',
      assertionResults: [],
    });
    const result = totals({
      status: 1,
      ci: false,
      unit: broken,
      e2e: { ...e2e(['e', 'unexpected']), errors: [{ message: 'webServer exited early' }] },
    });
    expect([result.passed, result.failed, result.skipped]).toEqual([1, 3, 0]);
    expect(result.lines.join('\n')).toContain('b.test.ts (Error: Cannot find module)');
  });

  it('in CI, a skipped real-reader test is a failure; outside CI a skip', () => {
    const reports = {
      status: 0,
      unit: unit(['renderDocx: read by python-docx > finds the tables', 'skipped']),
      e2e: e2e(['ok', 'expected']),
    };
    expect(totals({ ...reports, ci: true }).failed).toBe(1);
    expect(totals({ ...reports, ci: false })).toMatchObject({ failed: 0, skipped: 1 });
  });

  it('counts a stage that broke before the suites as one failure', () => {
    // typecheck or lint: no report at all.
    expect(totals({ status: 2, ci: true })).toMatchObject({ passed: 0, failed: 1 });
    // the build after the unit tests: no e2e report.
    expect(totals({ status: 1, ci: true, unit: unit(['a', 'passed']) })).toMatchObject({
      passed: 1,
      failed: 1,
    });
    // a unit failure stops npm test: no second failure for the e2e tests it never ran.
    expect(totals({ status: 1, ci: true, unit: unit(['a', 'failed']) }).failed).toBe(1);
    // an exit status that no report explains.
    expect(
      totals({ status: 1, ci: true, unit: unit(['a', 'passed']), e2e: e2e(['b', 'expected']) })
        .failed,
    ).toBe(1);
  });

  it('never passes a run whose report is missing or unreadable', () => {
    expect(totals({ status: 0, ci: true, unit: unit(['a', 'passed']) }).failed).toBe(1);
    expect(totals({ status: 0, ci: true, unit: null, e2e: e2e() }).failed).toBe(1);
  });
});
