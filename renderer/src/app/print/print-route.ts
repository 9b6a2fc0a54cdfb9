/**
 * The print view's address. An export opens it as `#/print/<draftId>?export=<id>&autoprint=1`:
 * the export's document was built already and handed over under that id (shared/export/
 * print-job.ts), so the address carries nothing else. Opened by hand (or by the tests and the
 * benchmark) it can instead say what to build from storage:
 * `#/print/<draftId>?snapshot=…&label=…&date=…&since=…&guidance=0&counts=1&omitEmpty=0&coverage=1`
 * (`coverage` only when the Coverage table is asked for).
 */
import {
  PRINT_HASH_PREFIX,
  PRINT_JOB_PARAM,
  printJobHash,
} from '../../../../shared/export/print-job';

/** What the print view prints, and whether it asks the browser to print once it is ready. */
export interface PrintParams {
  draftId: string;
  /** Print the export handed over under this id; the other parameters are then not read. */
  exportId: string | null;
  /** Print the frozen copy held in this snapshot (a past submission) instead of the live draft. */
  snapshotId: string | null;
  /** The submission's label ("Interim 1", "Final"); null when the export is not a submission. */
  label: string | null;
  /** The submission's date as an ISO calendar date ("2026-03-14"); null: the snapshot's, or today. */
  date: string | null;
  /** Append a summary of what changed since this earlier submission (a snapshot id). */
  changesSince: string | null;
  includeGuidance: boolean;
  includeWordCounts: boolean;
  omitEmptySections: boolean;
  /** Add the Coverage table; absent is off. */
  includeCoverage?: boolean;
  /** Add the response-to-feedback table; absent is off. */
  includeFeedbackResponses?: boolean;
  /** Call `window.print()` once rendered (the web build's PDF export). */
  autoprint: boolean;
}

/** What `printHref` needs: the draft, and anything that differs from the defaults. */
export type PrintHrefInput = Pick<PrintParams, 'draftId'> & Partial<Omit<PrintParams, 'draftId'>>;

// The query's names: short, because they show in the tab's address bar.
const Q = {
  exportId: PRINT_JOB_PARAM,
  snapshot: 'snapshot',
  label: 'label',
  date: 'date',
  changesSince: 'since',
  guidance: 'guidance',
  counts: 'counts',
  omitEmpty: 'omitEmpty',
  coverage: 'coverage',
  responses: 'responses',
  autoprint: 'autoprint',
} as const;

/**
 * The print view's hash for these parameters; `parsePrintHash` reads it back unchanged. With an
 * export id it is printJobHash's address (plus autoprint): the job says everything else.
 */
export function printHref(input: PrintHrefInput): string {
  const query = new URLSearchParams();
  if (input.exportId) {
    const hash = printJobHash(input.draftId, input.exportId);
    return input.autoprint ? `${hash}&${Q.autoprint}=1` : hash;
  }
  if (input.snapshotId) query.set(Q.snapshot, input.snapshotId);
  if (input.label) query.set(Q.label, input.label);
  if (input.date && isIsoDate(input.date)) query.set(Q.date, input.date);
  if (input.changesSince) query.set(Q.changesSince, input.changesSince);
  query.set(Q.guidance, flag(input.includeGuidance));
  query.set(Q.counts, flag(input.includeWordCounts));
  query.set(Q.omitEmpty, flag(input.omitEmptySections));
  if (input.includeCoverage) query.set(Q.coverage, '1');
  if (input.includeFeedbackResponses) query.set(Q.responses, '1');
  if (input.autoprint) query.set(Q.autoprint, '1');
  // URLSearchParams writes a space as "+"; %20 reads the same and survives every parser.
  return `${PRINT_HASH_PREFIX}${encodeURIComponent(input.draftId)}?${query.toString().replace(/\+/g, '%20')}`;
}

/** The print parameters in a location hash, or null when the hash is not a print route. */
export function parsePrintHash(hash: string): PrintParams | null {
  const match = /^#?\/print\/([^/?]+)\/?(?:\?(.*))?$/s.exec(hash);
  if (!match) return null;
  let draftId: string;
  try {
    draftId = decodeURIComponent(match[1]!);
  } catch {
    // A malformed %-escape: no draft has that id.
    return null;
  }
  if (draftId.trim() === '') return null;
  const query = new URLSearchParams(match[2] ?? '');
  const text = (name: string) => {
    const value = query.get(name)?.trim();
    return value ? value : null;
  };
  const date = text(Q.date);
  return {
    draftId,
    exportId: text(Q.exportId),
    snapshotId: text(Q.snapshot),
    label: text(Q.label),
    date: date && isIsoDate(date) ? date : null,
    changesSince: text(Q.changesSince),
    includeGuidance: query.get(Q.guidance) === '1',
    includeWordCounts: query.get(Q.counts) === '1',
    omitEmptySections: query.get(Q.omitEmpty) === '1',
    ...(query.get(Q.coverage) === '1' ? { includeCoverage: true } : {}),
    ...(query.get(Q.responses) === '1' ? { includeFeedbackResponses: true } : {}),
    autoprint: query.get(Q.autoprint) === '1',
  };
}

/** A date "YYYY-MM-DD" as local midnight of that day, or null when it is no real date. */
export function parseIsoDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(year, month - 1, day);
  // Date rolls 2026-02-30 over into March; a date that rolled over was not a date.
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? date
    : null;
}

function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

function flag(value: boolean | undefined): '0' | '1' {
  return value ? '1' : '0';
}
