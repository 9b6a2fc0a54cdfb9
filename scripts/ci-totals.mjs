// Totals for CI, read from the suites' own JSON reports (never from their log):
//   node scripts/ci-totals.mjs <exit status of npm test> [reports folder]
// Prints what each suite reported, then as its last line exactly "N passed, N failed, N skipped".
// A stage that broke before a suite could report (typecheck, lint, a build) counts as one
// failure, and so does a suite that wrote no report. In CI (CI=true) a skipped test that needs
// a real reader (python-docx, LibreOffice, pdftotext) counts as failed: .ci/run installs them,
// so a skip there means the check silently did not happen. Exits 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPORTS_DIR = 'test-reports';
const READER = /python-docx|LibreOffice|soffice|pdftotext|poppler/i;

/**
 * vitest's JSON report (the Jest format): one entry per test, and per file that failed to run.
 * @param {any} report
 */
export function vitestTests(report) {
  const tests = [];
  for (const file of report.testResults ?? []) {
    const results = file.assertionResults ?? [];
    for (const t of results) {
      const status =
        t.status === 'passed' ? 'passed' : t.status === 'failed' ? 'failed' : 'skipped';
      tests.push({ name: `${file.name} > ${t.fullName ?? t.title}`, status });
    }
    // A file that could not load or whose hooks threw has no failed test of its own.
    if (file.status === 'failed' && !results.some((t) => t.status === 'failed')) {
      tests.push({ name: `${file.name} (${firstLine(file.message)})`, status: 'failed' });
    }
  }
  return tests;
}

/**
 * Playwright's JSON report: specs nested in suites; errors outside any test (a web server that
 * would not start, a file that would not load) count as failures too.
 * @param {any} report
 */
export function playwrightTests(report) {
  const tests = [];
  const walk = (suite, path) => {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const status =
          t.status === 'expected' || t.status === 'flaky'
            ? 'passed'
            : t.status === 'skipped'
              ? 'skipped'
              : 'failed';
        tests.push({ name: [...here, spec.title].join(' > '), status });
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const error of report.errors ?? []) {
    tests.push({ name: `error outside any test (${firstLine(error.message)})`, status: 'failed' });
  }
  return tests;
}

// Terminal colours in runner messages.
// eslint-disable-next-line no-control-regex -- the escape character is what is matched
const ANSI = /\u001b\[[0-9;]*m/g;

function firstLine(text) {
  return String(text ?? 'no message')
    .replace(ANSI, '')
    .split('\n')[0];
}

/**
 * @param {{ status: number; ci: boolean; unit?: unknown; e2e?: unknown }} input
 *   reports as parsed: undefined when the suite wrote none, null when it could not be read
 * @returns {{ passed: number; failed: number; skipped: number; lines: string[] }}
 */
export function totals({ status, ci, unit, e2e }) {
  const lines = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const unreadable = (name) => [
    { name: `${name}: its report could not be read`, status: 'failed' },
  ];
  const suites = [
    {
      name: 'unit (vitest)',
      tests:
        unit === undefined ? undefined : unit === null ? unreadable('unit') : vitestTests(unit),
    },
    {
      name: 'e2e (Playwright)',
      tests:
        e2e === undefined ? undefined : e2e === null ? unreadable('e2e') : playwrightTests(e2e),
    },
  ];
  for (const { name, tests } of suites) {
    if (tests === undefined) continue;
    // In CI a skipped real-reader test is a failure (see the top of this file).
    const judged = tests.map((t) =>
      t.status === 'skipped' && ci && READER.test(t.name)
        ? { ...t, status: 'failed', why: ' — a real-reader test was skipped in CI' }
        : t,
    );
    const count = (s) => judged.filter((t) => t.status === s).length;
    lines.push(
      `${name}: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`,
    );
    for (const t of judged) {
      if (t.status !== 'passed') lines.push(`  ${t.status}: ${t.name}${t.why ?? ''}`);
    }
    passed += count('passed');
    failed += count('failed');
    skipped += count('skipped');
  }

  // What did not report, and why, as one failure for each stage that broke.
  const [unitRan, e2eRan] = suites.map((s) => s.tests !== undefined);
  const suiteFailed = failed > 0;
  if (!unitRan) {
    lines.push(
      status === 0
        ? 'unit (vitest): wrote no report although npm test passed'
        : 'typecheck or lint broke before the unit tests (see the log above)',
    );
    failed++;
  } else if (!e2eRan && !(status !== 0 && suiteFailed)) {
    lines.push(
      status === 0
        ? 'e2e (Playwright): wrote no report although npm test passed'
        : 'a build broke before the e2e tests (see the log above)',
    );
    failed++;
  } else if (status !== 0 && !suiteFailed) {
    lines.push(`npm test exited with ${status} though every test reported passing`);
    failed++;
  }
  return { passed, failed, skipped, lines };
}

function readReport(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [statusArg = '0', dir = REPORTS_DIR] = process.argv.slice(2);
  const result = totals({
    status: Number(statusArg),
    ci: Boolean(process.env.CI),
    unit: readReport(join(dir, 'unit.json')),
    e2e: readReport(join(dir, 'e2e.json')),
  });
  for (const line of result.lines) console.log(line);
  console.log(`${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
  process.exitCode = result.failed > 0 ? 1 : 0;
}
