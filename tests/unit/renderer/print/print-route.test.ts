import { describe, expect, it } from 'vitest';
import {
  parseIsoDate,
  parsePrintHash,
  printHref,
  type PrintParams,
} from '../../../../renderer/src/app/print/print-route';
import { parseRoute } from '../../../../renderer/src/app/route';
import { printJobHash } from '../../../../shared/export/print-job';

const FULL: PrintParams = {
  draftId: '5f0c2b1e-7d1a-4c55-9f0e-2a1b3c4d5e6f',
  exportId: null,
  snapshotId: 'snap-1',
  label: 'Interim 1',
  date: '2026-03-14',
  changesSince: 'snap-0',
  includeGuidance: false,
  includeWordCounts: true,
  omitEmptySections: false,
  autoprint: true,
};

describe('print route', () => {
  it('writes a readable hash', () => {
    expect(printHref(FULL)).toBe(
      '#/print/5f0c2b1e-7d1a-4c55-9f0e-2a1b3c4d5e6f?snapshot=snap-1&label=Interim%201&date=2026-03-14&since=snap-0&guidance=0&counts=1&omitEmpty=0&autoprint=1',
    );
  });

  it('round-trips every parameter', () => {
    expect(parsePrintHash(printHref(FULL))).toEqual(FULL);
    const minimal: PrintParams = {
      draftId: 'd1',
      exportId: null,
      snapshotId: null,
      label: null,
      date: null,
      changesSince: null,
      includeGuidance: true,
      includeWordCounts: false,
      omitEmptySections: true,
      autoprint: false,
    };
    expect(parsePrintHash(printHref(minimal))).toEqual(minimal);
  });

  it('round-trips ids and labels that need escaping', () => {
    const params: PrintParams = {
      ...FULL,
      draftId: 'a/b?c#d e&f',
      snapshotId: 'x&y=z',
      label: 'Interim 2 — “final” & 100% + ½',
    };
    const hash = printHref(params);
    expect(hash).not.toMatch(/\s/);
    expect(hash.indexOf('#', 1)).toBe(-1);
    expect(parsePrintHash(hash)).toEqual(params);
  });

  it('defaults what printHref is not told to false or null', () => {
    expect(parsePrintHash(printHref({ draftId: 'd1' }))).toEqual({
      draftId: 'd1',
      exportId: null,
      snapshotId: null,
      label: null,
      date: null,
      changesSince: null,
      includeGuidance: false,
      includeWordCounts: false,
      omitEmptySections: false,
      autoprint: false,
    });
    expect(printHref({ draftId: 'd1' })).not.toContain('autoprint');
  });

  it('asks for the Coverage table only when it is wanted', () => {
    const hash = printHref({ ...FULL, includeCoverage: true });
    expect(hash).toContain('&coverage=1');
    expect(parsePrintHash(hash)).toEqual({ ...FULL, includeCoverage: true });
    expect(printHref({ ...FULL, includeCoverage: false })).toBe(printHref(FULL));
  });

  it('names a handed-over print job by its export id alone, as main and the web build write it', () => {
    const hash = printHref({ draftId: 'd1', exportId: 'job-1', label: 'ignored' });
    expect(hash).toBe(printJobHash('d1', 'job-1'));
    expect(hash).toBe('#/print/d1?export=job-1');
    expect(parsePrintHash(`${hash}&autoprint=1`)).toMatchObject({
      draftId: 'd1',
      exportId: 'job-1',
      autoprint: true,
    });
    expect(printHref({ draftId: 'd1', exportId: 'job-1', autoprint: true })).toBe(
      `${hash}&autoprint=1`,
    );
  });

  it('reads a hash without a query, or with a trailing slash', () => {
    expect(parsePrintHash('#/print/d1')).toMatchObject({ draftId: 'd1', autoprint: false });
    expect(parsePrintHash('#/print/d1/?autoprint=1')).toMatchObject({
      draftId: 'd1',
      autoprint: true,
    });
  });

  it.each(['#/', '#/draft/d1', '#/print/', '#/print/%E0%A4%A', '#/printer/d1', '#/print/a/b', ''])(
    'is not a print route: %s',
    (hash) => {
      expect(parsePrintHash(hash)).toBeNull();
    },
  );

  it('drops a date that is not a real calendar date', () => {
    expect(parsePrintHash('#/print/d1?date=2026-02-30')?.date).toBeNull();
    expect(parsePrintHash('#/print/d1?date=14/03/2026')?.date).toBeNull();
    expect(printHref({ draftId: 'd1', date: 'tomorrow' })).not.toContain('date=');
    expect(parseIsoDate('2026-03-14')).toEqual(new Date(2026, 2, 14));
    expect(parseIsoDate('2026-13-01')).toBeNull();
  });

  it('is a route of the app', () => {
    expect(parseRoute(printHref(FULL))).toEqual({ name: 'print', params: FULL });
    expect(parseRoute('#/draft/d1')).toMatchObject({ name: 'draft', draftId: 'd1' });
    expect(parseRoute('#/')).toEqual({ name: 'library' });
  });
});
