/**
 * The "Response to feedback" table in the export document (section, comment, response,
 * addressed), and as python-docx reads it out of a real Word file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../../shared/export/document';
import {
  FEEDBACK_RESPONSES_SECTION_ID,
  type ExportOptions,
} from '../../../../shared/export/document-model';
import { exportDocumentSchema } from '../../../../shared/export/document-schema';
import { renderDocx } from '../../../../shared/export/docx';
import { FEEDBACK_RESPONSES_TITLE } from '../../../../shared/export/presentation';
import type { FeedbackItem } from '../../../../shared/model';
import { exportFixture } from '../../../fixtures/export/aed-fixture';
import { findPythonWithDocx, missingReaders } from '../../../fixtures/readers';

const OPTIONS: ExportOptions = {
  includeGuidance: false,
  includeWordCounts: false,
  omitEmptySections: false,
};

const item = (id: string, patch: Partial<FeedbackItem>): FeedbackItem => ({
  id,
  draftId: 'd',
  submissionId: 's1',
  sectionId: null,
  source: 'imported',
  key: '',
  author: 'Priya Shah',
  initials: 'PS',
  date: null,
  text: 'A comment.',
  anchorText: '',
  resolved: false,
  replies: [],
  addressed: false,
  response: '',
  createdAt: 1,
  updatedAt: 1,
  ...patch,
});

const FEEDBACK = [
  item('late', { sectionId: 'deliver', text: 'Say what changed in lessons.', createdAt: 3 }),
  item('explore', {
    sectionId: 'explore',
    text: 'Which year groups?',
    anchorText: 'Years 5 and 6',
    addressed: true,
    response: 'Added the baseline for ½ of Year 5.',
    createdAt: 2,
  }),
  item('whole', { text: 'A clear start overall.', author: '', createdAt: 4 }),
];

function build(options: Partial<ExportOptions>, feedback = FEEDBACK) {
  return buildDocument({ ...exportFixture(), feedback, options: { ...OPTIONS, ...options } });
}

describe('the response-to-feedback table in the export document', () => {
  it('is added only when asked for, after the sections, and crosses processes intact', () => {
    expect(build({}).sections.some((s) => s.id === FEEDBACK_RESPONSES_SECTION_ID)).toBe(false);
    const doc = build({ includeFeedbackResponses: true });
    const section = doc.sections.at(-1)!;
    expect(section.id).toBe(FEEDBACK_RESPONSES_SECTION_ID);
    expect(section.heading).toBe(`${section.number}. ${FEEDBACK_RESPONSES_TITLE}`);
    expect(exportDocumentSchema.parse(doc)).toEqual(doc);
  });

  it('says so when there is no feedback yet', () => {
    const section = build({ includeFeedbackResponses: true }, []).sections.at(-1)!;
    expect(section.blocks).toEqual([
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'No feedback has been received yet.' }] },
    ]);
  });
});

const READ_TABLES = `
import sys, json, docx
d = docx.Document(sys.argv[1])
print(json.dumps([[[c.text for c in row.cells] for row in t.rows] for t in d.tables]))
`;

const missing = missingReaders('python-docx');

describe.skipIf(missing !== undefined)(
  `the response-to-feedback table read by python-docx${missing ? ` (${missing})` : ''}`,
  () => {
    let dir: string;
    let tables: string[][][];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'aed-responses-docx-'));
      const file = join(dir, 'responses.docx');
      writeFileSync(file, await renderDocx(build({ includeFeedbackResponses: true })));
      // In CI a missing python-docx is not skipped: this throws, and the run fails.
      const python = findPythonWithDocx() ?? 'python3';
      tables = JSON.parse(
        execFileSync(python, ['-c', READ_TABLES, file], { encoding: 'utf8' }),
      ) as string[][][];
    }, 30_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('has a header row, then each comment in the document’s order with its response and tick', () => {
      const table = tables.find((t) => t[0]?.[0] === 'Section' && t[0]?.[2] === 'Response')!;
      expect(table).toEqual([
        ['Section', 'Comment', 'Response', 'Addressed'],
        ['The document as a whole', 'A clear start overall.', '—', 'Not yet'],
        [
          'Explore — why this initiative?',
          'On “Years 5 and 6”:\nWhich year groups? (Priya Shah)',
          'Added the baseline for ½ of Year 5.',
          'Yes',
        ],
        [
          'Deliver — how do we effect change?',
          'Say what changed in lessons. (Priya Shah)',
          '—',
          'Not yet',
        ],
      ]);
    });
  },
);
