/**
 * The criteria table (criterion, self-assessment, shown in, note) and the Coverage table in the
 * export document, and both as python-docx reads them out of a real Word file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableText, compareDrafts } from '../../../../shared/changes';
import { buildDocument } from '../../../../shared/export/document';
import {
  CHANGES_SECTION_ID,
  COVERAGE_SECTION_ID,
  type ExportOptions,
} from '../../../../shared/export/document-model';
import { exportDocumentSchema } from '../../../../shared/export/document-schema';
import { renderDocx } from '../../../../shared/export/docx';
import { GAP_FILL } from '../../../../shared/export/docx-styles';
import { COVERAGE_TITLE, NOT_YET_WRITTEN } from '../../../../shared/export/presentation';
import { emptySection } from '../../../../shared/model';
import { exportFixture } from '../../../fixtures/export/aed-fixture';
import { criteriaFixture, NOTE } from '../../../fixtures/export/criteria-draft';
import { findPythonWithDocx, missingReaders } from '../../../fixtures/readers';

const OPTIONS: ExportOptions = {
  includeGuidance: false,
  includeWordCounts: false,
  omitEmptySections: false,
};
const EXPLORE = 'Explore — why this initiative?';
const PREPARE = 'Prepare — what will we do?';
const DELIVER = 'Deliver — how do we effect change?';
const WALL = 'Evidence: Working wall: ½ + ¼ = ¾';
const SCORES = 'Evidence: scores.csv';

function build(options: Partial<ExportOptions> = {}) {
  return buildDocument({ ...criteriaFixture(), options: { ...OPTIONS, ...options } });
}

/** A draft with nothing in it but its (empty) sections. */
function untouched(options: Partial<ExportOptions> = {}) {
  const { template, draft } = exportFixture();
  return buildDocument({
    template,
    draft,
    sections: template.sections.map((s) => emptySection(draft.id, s.id, 0)),
    options: { ...OPTIONS, ...options },
  });
}

describe('the criteria table in the export document', () => {
  it('has every criterion with its assessment, where it is shown and its note', () => {
    const rows = build().sections.find((s) => s.id === 'criteria')!.criteria!;
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ number: 1, label: 'Met', shownIn: [], note: null });
    expect(rows[3]).toMatchObject({
      label: 'Not yet',
      shownIn: [{ kind: 'evidence', text: 'scores.csv' }],
      note: null,
    });
    // Sections in template order, then evidence in list order; the gone link is left out.
    expect(rows[6]).toEqual({
      number: 7,
      text: 'Knows effective approaches to teaching maths, including teaching for mastery',
      assessment: 'partly',
      label: 'Partly',
      shownIn: [
        { kind: 'section', text: EXPLORE },
        { kind: 'section', text: DELIVER },
        { kind: 'evidence', text: 'Working wall: ½ + ¼ = ¾' },
        { kind: 'evidence', text: 'scores.csv' },
      ],
      note: NOTE,
    });
  });

  it('is a table of "Not yet" rows when nothing is filled in, never "Not yet written"', async () => {
    const doc = untouched();
    const checklist = doc.sections.find((s) => s.id === 'criteria')!;
    expect(checklist.criteria!.map((c) => [c.label, c.shownIn, c.note])).toEqual(
      Array.from({ length: 7 }, () => ['Not yet', [], null]),
    );
    // Empty as a section (it is left out when empty sections are), printed as its table.
    expect(checklist.empty).toBe(true);
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    // The heading, not its line in the contents.
    const body = xml.slice(xml.lastIndexOf('11. Accreditation criteria</w:t>'));
    const next = body.indexOf('12. Cohort Lead feedback');
    const criteriaPart = body.slice(0, next);
    expect(criteriaPart).toContain('Self-assessment');
    expect(criteriaPart.match(/>Not yet</g)).toHaveLength(7);
    expect(criteriaPart).not.toContain(NOT_YET_WRITTEN);
    // The other empty sections still say it.
    expect(body.slice(next)).toContain(NOT_YET_WRITTEN);

    expect(untouched({ omitEmptySections: true }).sections.map((s) => s.id)).not.toContain(
      'criteria',
    );
  });

  it('counts a checklist with only evidence tagged, or only a note, as written', () => {
    const { template, draft } = exportFixture();
    const empty = template.sections.map((s) => emptySection(draft.id, s.id, 0));
    const noted = empty.map((s) =>
      s.sectionId === 'criteria'
        ? { ...s, criteriaDetail: { c2: { sections: [], note: 'Planned.' } } }
        : s,
    );
    const ids = (doc: ReturnType<typeof buildDocument>) => doc.sections.map((s) => s.id);
    const omit = { ...OPTIONS, omitEmptySections: true };
    expect(ids(buildDocument({ template, draft, sections: noted, options: omit }))).toEqual([
      'criteria',
    ]);
    const tagged = buildDocument({
      template,
      draft,
      sections: empty,
      evidence: criteriaFixture().evidence,
      options: omit,
    });
    expect(ids(tagged)).toEqual(['criteria']);
  });

  it('is part of the summary of changes: links and notes are changes too', () => {
    const { template, sections } = criteriaFixture();
    const checklist = template.sections.find((s) => s.id === 'criteria')!;
    const record = sections.find((s) => s.sectionId === 'criteria');
    const text = comparableText(checklist, record, template);
    expect(text).toContain(`Shown in: ${EXPLORE}; ${DELIVER}`);
    expect(text).toContain(NOTE);
    expect(text).not.toContain('gone-from-the-template');
    const changes = compareDrafts(template, exportFixture().sections, sections);
    expect(changes.find((c) => c.sectionId === 'criteria')!.added).toBeGreaterThan(10);
  });
});

describe('the Coverage table in the export document', () => {
  it('is left out unless asked for', () => {
    expect(build().sections.map((s) => s.id)).not.toContain(COVERAGE_SECTION_ID);
    expect(build().sections.every((s) => s.coverage === null)).toBe(true);
  });

  it('is a numbered section of its own after the draft’s, before the summary of changes', () => {
    const fixture = criteriaFixture();
    const doc = buildDocument({
      ...fixture,
      options: { ...OPTIONS, includeCoverage: true },
      changes: { since: 'Interim 1', sections: compareDrafts(fixture.template, [], []) },
    });
    const ids = doc.sections.map((s) => s.id);
    expect(ids.slice(-2)).toEqual([COVERAGE_SECTION_ID, CHANGES_SECTION_ID]);
    const coverage = doc.sections.at(-2)!;
    expect(coverage.heading).toBe(`13. ${COVERAGE_TITLE}`);
    expect(doc.contents.map((c) => c.text)).toContain(`13. ${COVERAGE_TITLE}`);
    expect(coverage.coverage!.stages).toEqual(['Explore', 'Prepare', 'Deliver', 'Sustain']);
    const cells = Object.fromEntries(
      coverage.coverage!.rows.map((r) => [
        r.domain,
        r.cells.map((c) => c.map((e) => (e.kind === 'evidence' ? `Evidence: ${e.text}` : e.text))),
      ]),
    );
    expect(cells).toEqual({
      'Maths curriculum and assessment': [[SCORES], [], [], [SCORES]],
      'Maths pedagogy': [[], [PREPARE], [DELIVER], []],
      'Maths professional development (PD)': [[], [PREPARE], [], []],
      'Maths culture': [[EXPLORE], [], [WALL], []],
    });
    // It crosses to the print view as checked data.
    expect(exportDocumentSchema.safeParse(doc).success).toBe(true);
    const broken = structuredClone(doc);
    (broken.sections.at(-2)!.coverage!.rows[0]!.cells[0] as unknown[]).push({ kind: 'photo' });
    expect(exportDocumentSchema.safeParse(broken).success).toBe(false);
  });
});

const READ_TABLES = `
import docx, json, sys
d = docx.Document(sys.argv[1])
print(json.dumps([[[c.text for c in row.cells] for row in t.rows] for t in d.tables]))
`;

const missing = missingReaders('python-docx');

describe.skipIf(missing !== undefined)(
  `the criteria and Coverage tables read by python-docx${missing ? ` (${missing})` : ''}`,
  () => {
    let dir: string;
    let tables: string[][][];
    let xml: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'aed-criteria-docx-'));
      const bytes = await renderDocx(build({ includeCoverage: true }));
      xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
      const file = join(dir, 'criteria.docx');
      writeFileSync(file, bytes);
      // In CI a missing python-docx is not skipped: this throws, and the run fails.
      const python = findPythonWithDocx() ?? 'python3';
      tables = JSON.parse(
        execFileSync(python, ['-c', READ_TABLES, file], { encoding: 'utf8' }),
      ) as string[][][];
    }, 30_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('finds the criteria table: a header row, then a row per criterion', () => {
      const criteria = tables.find((t) => t[0]?.[2] === 'Self-assessment')!;
      expect(criteria[0]).toEqual(['#', 'Criterion', 'Self-assessment', 'Shown in', 'Note']);
      expect(criteria).toHaveLength(8);
      expect(criteria[1]).toEqual([
        '1',
        'Supports schools or groups of schools to establish sustainable cross-school approaches to collaboration and development for maths teaching',
        'Met',
        'Nothing yet',
        '',
      ]);
      expect(criteria[4]!.slice(2)).toEqual(['Not yet', SCORES, '']);
      expect(criteria[7]!.slice(2)).toEqual([
        'Partly',
        [EXPLORE, DELIVER, WALL, SCORES].join('\n'),
        NOTE,
      ]);
    });

    it('finds the Coverage table: domains as rows, stages as columns, gaps saying so', () => {
      const grid = tables.find((t) => t[0]?.[0] === 'Domain')!;
      expect(grid).toEqual([
        ['Domain', 'Explore', 'Prepare', 'Deliver', 'Sustain'],
        ['Maths curriculum and assessment', SCORES, 'Nothing yet', 'Nothing yet', SCORES],
        ['Maths pedagogy', 'Nothing yet', PREPARE, DELIVER, 'Nothing yet'],
        [
          'Maths professional development (PD)',
          'Nothing yet',
          PREPARE,
          'Nothing yet',
          'Nothing yet',
        ],
        ['Maths culture', EXPLORE, 'Nothing yet', WALL, 'Nothing yet'],
      ]);
      // Every gap is shaded (9 of 16), and nothing else is.
      const table = xml.slice(xml.lastIndexOf('<w:tbl>'));
      expect(table.match(new RegExp(`w:fill="${GAP_FILL}"`, 'g'))).toHaveLength(9);
    });
  },
);
