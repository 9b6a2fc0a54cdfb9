import { describe, expect, it, vi } from 'vitest';
import {
  loadPrintDocument,
  PrintLoadError,
  type PrintSources,
} from '../../../../renderer/src/app/print/print-data';
import type { PrintParams } from '../../../../renderer/src/app/print/print-route';
import type { SnapshotRecord } from '../../../../renderer/src/storage/snapshot-types';
import { exportFixture, PEOPLE } from '../../../fixtures/export/aed-fixture';

const fixture = exportFixture();
const NOW = new Date(2026, 2, 20, 9, 0);

const params = (overrides: Partial<PrintParams> = {}): PrintParams => ({
  draftId: fixture.draft.id,
  snapshotId: null,
  label: null,
  date: null,
  changesSince: null,
  includeGuidance: false,
  includeWordCounts: false,
  omitEmptySections: false,
  autoprint: false,
  ...overrides,
});

function snapshot(overrides: Partial<SnapshotRecord> = {}): SnapshotRecord {
  return {
    id: 'snap-1',
    draftId: fixture.draft.id,
    createdAt: new Date(2026, 1, 2, 15, 30).getTime(),
    kind: 'submission',
    label: 'Interim 1',
    wordCount: 0,
    draft: { ...fixture.draft, title: 'As submitted' },
    sections: fixture.sections.filter((s) => s.sectionId !== 'reflection'),
    ...overrides,
  };
}

function sources(snapshots: SnapshotRecord[] = []) {
  return {
    getDraft: vi.fn((id: string) =>
      Promise.resolve(id === fixture.draft.id ? fixture.draft : undefined),
    ),
    getSections: vi.fn(() => Promise.resolve(fixture.sections)),
    getSnapshot: vi.fn((id: string) => Promise.resolve(snapshots.find((s) => s.id === id))),
    getTemplate: () => fixture.template,
  } satisfies PrintSources;
}

describe('loadPrintDocument', () => {
  it('builds the live draft as a dated draft, titled with the export file name', async () => {
    const { doc, title } = await loadPrintDocument(sources(), params(), NOW);
    expect(doc.cover.label).toBe('Draft');
    expect(doc.cover.participant).toBe(PEOPLE.participant);
    expect(doc.cover.isoDate).toBe('2026-03-20');
    expect(title).toBe(`AED - ${PEOPLE.participant} - Draft - 2026-03-20`);
    expect(doc.sections.map((s) => s.id)).toEqual(fixture.template.sections.map((s) => s.id));
  });

  it('passes the options and the submission label and date through', async () => {
    const { doc, title } = await loadPrintDocument(
      sources(),
      params({
        label: 'Interim 2',
        date: '2026-03-14',
        includeGuidance: true,
        includeWordCounts: true,
        omitEmptySections: true,
      }),
      NOW,
    );
    expect(doc.cover).toMatchObject({
      label: 'Interim 2',
      isSubmission: true,
      date: '14 March 2026',
    });
    expect(title).toBe(`AED - ${PEOPLE.participant} - Interim 2 - 2026-03-14`);
    expect(doc.options).toEqual({
      includeGuidance: true,
      includeWordCounts: true,
      omitEmptySections: true,
    });
    expect(doc.sections.some((s) => s.id === 'sustain')).toBe(false);
    expect(doc.sections.find((s) => s.id === 'explore')?.guidance.length).toBeGreaterThan(0);
  });

  it('prints a submission as it was frozen, with its own label and date', async () => {
    const src = sources([snapshot()]);
    const { doc, title } = await loadPrintDocument(src, params({ snapshotId: 'snap-1' }), NOW);
    expect(src.getDraft).not.toHaveBeenCalled();
    expect(doc.cover.title).toBe('As submitted');
    expect(doc.cover.label).toBe('Interim 1');
    expect(title).toBe(`AED - ${PEOPLE.participant} - Interim 1 - 2026-02-02`);
    expect(doc.sections.find((s) => s.id === 'reflection')?.empty).toBe(true);
  });

  it('appends the changes since an earlier submission when asked', async () => {
    const before = snapshot({
      sections: fixture.sections.filter((s) => s.sectionId !== 'about-you'),
    });
    const { doc } = await loadPrintDocument(
      sources([before]),
      params({ changesSince: 'snap-1' }),
      NOW,
    );
    const last = doc.sections.at(-1)!;
    expect(last.title).toBe('Changes since Interim 1');
    expect(JSON.stringify(last.blocks)).toContain(PEOPLE.participant);
  });

  it.each([
    ['a missing draft', params({ draftId: 'gone' }), /not in your library/],
    ['a missing snapshot', params({ snapshotId: 'nope' }), /no longer stored/],
    [
      'a snapshot of another draft',
      params({ draftId: 'other', snapshotId: 'snap-1' }),
      /no longer stored/,
    ],
    ['a missing comparison', params({ changesSince: 'nope' }), /compare with/],
  ])('refuses %s with a sentence for the alert', async (_name, p, message) => {
    const failed = loadPrintDocument(sources([snapshot()]), p, NOW);
    await expect(failed).rejects.toBeInstanceOf(PrintLoadError);
    await expect(failed).rejects.toThrow(message);
  });

  it('says what to do when the template is unknown', async () => {
    const src: PrintSources = {
      ...sources(),
      getTemplate: () => {
        throw new Error('This draft uses a template ("x") that this version does not have.');
      },
    };
    await expect(loadPrintDocument(src, params(), NOW)).rejects.toThrow(/Update AED Writer/);
  });
});
