// What the print view shows: the job an export handed over, or — for an address opened by hand —
// the document the export builder makes from storage (fake-indexeddb, the real repositories).
import { createFeedbackRepository } from '../../../../renderer/src/storage/feedback-repository';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportSourceError } from '../../../../renderer/src/app/export/build-export';
import { loadPrintJob } from '../../../../renderer/src/app/print/print-data';
import type { PrintParams } from '../../../../renderer/src/app/print/print-route';
import type { Platform } from '../../../../renderer/src/platform/platform';
import type { AedDatabase } from '../../../../renderer/src/storage/db';
import { createDraftsRepository } from '../../../../renderer/src/storage/drafts-repository';
import type { SnapshotRecord } from '../../../../renderer/src/storage/snapshot-types';
import { COVERAGE_SECTION_ID } from '../../../../shared/export/document-model';
import { createEvidenceRepository } from '../../../../renderer/src/storage/evidence-repository';
import { createSnapshotsRepository } from '../../../../renderer/src/storage/snapshots-repository';
import type { PrintJob } from '../../../../shared/export/print-job';
import { exportFixture, PEOPLE } from '../../../fixtures/export/aed-fixture';
import { openTestDatabase } from '../storage/storage-test-helpers';

const fixture = exportFixture();
const NOW = new Date(2026, 2, 20, 9, 0);

const params = (overrides: Partial<PrintParams> = {}): PrintParams => ({
  draftId: fixture.draft.id,
  exportId: null,
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

let db: AedDatabase;
const receivePrintJob = vi.fn<Platform['receivePrintJob']>();

function services() {
  return {
    drafts: createDraftsRepository(db),
    snapshots: createSnapshotsRepository(db),
    evidence: createEvidenceRepository(db),
    feedback: createFeedbackRepository(db),
    platform: { receivePrintJob } as unknown as Platform,
  };
}

beforeEach(async () => {
  receivePrintJob.mockReset();
  db = openTestDatabase();
  await db.drafts.put(fixture.draft);
  await db.sections.bulkPut(fixture.sections);
});

describe('loadPrintJob', () => {
  it('shows the job an export handed over under its id, building nothing', async () => {
    const job = { draftId: 'd1', fileName: 'x.pdf', document: {} } as unknown as PrintJob;
    receivePrintJob.mockResolvedValue(job);
    await db.drafts.clear();
    await expect(loadPrintJob(services(), params({ exportId: 'job-1' }), NOW)).resolves.toBe(job);
    expect(receivePrintJob).toHaveBeenCalledWith('job-1');
  });

  it('builds the live draft as a dated draft, named with the export file name', async () => {
    const { document: doc, fileName, draftId } = await loadPrintJob(services(), params(), NOW);
    expect(draftId).toBe(fixture.draft.id);
    expect(doc.cover.label).toBe('Draft');
    expect(doc.cover.participant).toBe(PEOPLE.participant);
    expect(doc.cover.isoDate).toBe('2026-03-20');
    expect(fileName).toBe(`AED - ${PEOPLE.participant} - Draft - 2026-03-20.pdf`);
    expect(doc.sections.map((s) => s.id)).toEqual(fixture.template.sections.map((s) => s.id));
    expect(receivePrintJob).not.toHaveBeenCalled();
  });

  it('passes the options and the submission label and date through', async () => {
    const { document: doc, fileName } = await loadPrintJob(
      services(),
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
    expect(fileName).toBe(`AED - ${PEOPLE.participant} - Interim 2 - 2026-03-14.pdf`);
    expect(doc.options).toEqual({
      includeGuidance: true,
      includeWordCounts: true,
      omitEmptySections: true,
    });
    expect(doc.sections.some((s) => s.id === 'sustain')).toBe(false);
    expect(doc.sections.find((s) => s.id === 'explore')?.guidance.length).toBeGreaterThan(0);
  });

  it('adds the Coverage table when the address asks for it', async () => {
    const { document: doc } = await loadPrintJob(
      services(),
      params({ includeCoverage: true }),
      NOW,
    );
    expect(doc.options.includeCoverage).toBe(true);
    expect(doc.sections.at(-1)?.id).toBe(COVERAGE_SECTION_ID);
    const plain = await loadPrintJob(services(), params(), NOW);
    expect(plain.document.sections.map((s) => s.id)).not.toContain(COVERAGE_SECTION_ID);
  });

  it('prints a submission as it was frozen, with its own label and date', async () => {
    await db.snapshots.put(snapshot());
    const { document: doc, fileName } = await loadPrintJob(
      services(),
      params({ snapshotId: 'snap-1' }),
      NOW,
    );
    expect(doc.cover.title).toBe('As submitted');
    expect(doc.cover.label).toBe('Interim 1');
    expect(fileName).toBe(`AED - ${PEOPLE.participant} - Interim 1 - 2026-02-02.pdf`);
    expect(doc.sections.find((s) => s.id === 'reflection')?.empty).toBe(true);
  });

  it('appends the changes since an earlier submission when asked', async () => {
    await db.snapshots.put(
      snapshot({ sections: fixture.sections.filter((s) => s.sectionId !== 'about-you') }),
    );
    const { document: doc } = await loadPrintJob(
      services(),
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
    await db.snapshots.put(snapshot());
    const failed = loadPrintJob(services(), p, NOW);
    await expect(failed).rejects.toBeInstanceOf(ExportSourceError);
    await expect(failed).rejects.toThrow(message);
  });

  it('says what to do when the template is unknown', async () => {
    await db.drafts.put({ ...fixture.draft, templateId: 'x' });
    await expect(loadPrintJob(services(), params(), NOW)).rejects.toThrow(/Update AED Writer/);
  });
});
