// The one export builder hands the draft's evidence to the document: tagged evidence shows the
// criteria it is tagged with and covers its cells, as it is now for the draft and as it was for
// an earlier submission. Over fake-indexeddb through the real repositories.
import { createFeedbackRepository } from '../../../../../renderer/src/storage/feedback-repository';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildExport, type ExportSpec } from '../../../../../renderer/src/app/export/build-export';
import type { AedDatabase } from '../../../../../renderer/src/storage/db';
import { createDraftsRepository } from '../../../../../renderer/src/storage/drafts-repository';
import { createEvidenceRepository } from '../../../../../renderer/src/storage/evidence-repository';
import { createSnapshotsRepository } from '../../../../../renderer/src/storage/snapshots-repository';
import {
  COVERAGE_SECTION_ID,
  type ExportDocument,
} from '../../../../../shared/export/document-model';
import { CSV, PNG } from '../../../../fixtures/evidence/sample-files';
import { openTestDatabase, testClock } from '../../storage/storage-test-helpers';

const options = { includeGuidance: false, includeWordCounts: false, omitEmptySections: false };

let db: AedDatabase;
let repos: {
  drafts: ReturnType<typeof createDraftsRepository>;
  snapshots: ReturnType<typeof createSnapshotsRepository>;
  evidence: ReturnType<typeof createEvidenceRepository>;
  feedback: ReturnType<typeof createFeedbackRepository>;
};
let draftId: string;
let photoId: string;

const file = (name: string, bytes: Uint8Array) => ({
  name,
  size: bytes.length,
  lastModified: Date.UTC(2026, 0, 15),
  arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
});

beforeEach(async () => {
  db = openTestDatabase();
  const clock = testClock(Date.UTC(2026, 2, 14, 10));
  repos = {
    drafts: createDraftsRepository(db, { now: clock.now }),
    snapshots: createSnapshotsRepository(db, { now: clock.now }),
    evidence: createEvidenceRepository(db, { now: clock.now }),
    feedback: createFeedbackRepository(db, { now: clock.now }),
  };
  draftId = (await repos.drafts.createDraft({ title: 'AED', templateId: 'sdlp-aed' })).id;
  const { added } = await repos.evidence.addEvidence(draftId, [
    file('wall.png', PNG),
    file('scores.csv', CSV),
  ]);
  photoId = added[0]!.id;
  await repos.evidence.updateEvidence(photoId, {
    caption: 'Working wall',
    stages: ['deliver'],
    domains: ['culture'],
    criteria: ['c7'],
  });
  await repos.drafts.saveSection(draftId, 'criteria', {
    criteria: { c7: 'met' },
    criteriaDetail: { c7: { sections: ['deliver'], note: 'See Deliver.' } },
  });
});

const spec = (overrides: Partial<ExportSpec> = {}): ExportSpec => ({
  source: { kind: 'draft', draftId },
  format: 'docx',
  options,
  changesSince: null,
  ...overrides,
});

const shownIn7 = (doc: ExportDocument) =>
  doc.sections.find((s) => s.id === 'criteria')!.criteria![6]!.shownIn.map((e) => e.text);

const cultureAtDeliver = (doc: ExportDocument) =>
  doc.sections
    .find((s) => s.id === COVERAGE_SECTION_ID)!
    .coverage!.rows.find((r) => r.domain === 'Maths culture')!
    .cells[2]!.map((e) => e.text);

describe('buildExport with criteria and Coverage', () => {
  it('shows the draft’s tagged evidence as it is now, and Coverage only when asked for', async () => {
    const plain = await buildExport(repos, spec());
    expect(shownIn7(plain.doc)).toEqual(['Deliver — how do we effect change?', 'Working wall']);
    expect(plain.doc.sections.map((s) => s.id)).not.toContain(COVERAGE_SECTION_ID);

    const withCoverage = await buildExport(
      repos,
      spec({ options: { ...options, includeCoverage: true } }),
    );
    expect(cultureAtDeliver(withCoverage.doc)).toEqual(['Working wall']);
  });

  it('shows an earlier submission’s evidence as it was sent, not as it is now', async () => {
    const sent = await buildExport(
      repos,
      spec({
        source: { kind: 'new-submission', draftId, label: 'Interim 1' },
        options: { ...options, includeCoverage: true },
      }),
    );
    await repos.snapshots.recordSubmission(sent.created!.id, {
      format: 'docx',
      fileName: sent.fileName,
    });
    await repos.evidence.removeEvidence(photoId);

    const now = await buildExport(repos, spec({ options: { ...options, includeCoverage: true } }));
    expect(shownIn7(now.doc)).toEqual(['Deliver — how do we effect change?']);
    expect(cultureAtDeliver(now.doc)).toEqual([]);

    const again = await buildExport(
      repos,
      spec({
        source: { kind: 'submission', draftId, snapshotId: sent.created!.id },
        options: { ...options, includeCoverage: true },
      }),
    );
    expect(shownIn7(again.doc)).toEqual(['Deliver — how do we effect change?', 'Working wall']);
    expect(cultureAtDeliver(again.doc)).toEqual(['Working wall']);
  });
});
