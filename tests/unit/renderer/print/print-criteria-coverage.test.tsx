import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PrintDocument } from '../../../../renderer/src/app/print/PrintDocument';
import { buildDocument } from '../../../../shared/export/document';
import { COVERAGE_SECTION_ID } from '../../../../shared/export/document-model';
import { NOT_YET_WRITTEN } from '../../../../shared/export/presentation';
import { emptySection } from '../../../../shared/model';
import { exportFixture } from '../../../fixtures/export/aed-fixture';
import { criteriaFixture, NOTE } from '../../../fixtures/export/criteria-draft';

const OPTIONS = { includeGuidance: false, includeWordCounts: false, omitEmptySections: false };

function render(doc: ReturnType<typeof buildDocument>) {
  const { document } = new JSDOM(renderToStaticMarkup(<PrintDocument doc={doc} />)).window;
  const section = (id: string) => document.getElementById(`print-section-${id}`)!.parentElement!;
  return { document, section };
}

/** Each cell's text, its lines (paragraphs) joined with " | ". */
const cellTexts = (row: Element) =>
  [...row.querySelectorAll('td')].map((td) => {
    const lines = [...td.querySelectorAll('p, span')];
    return lines.length > 0 ? lines.map((e) => e.textContent).join(' | ') : td.textContent;
  });

describe('PrintDocument: criteria and Coverage', () => {
  it('prints the criteria table with where each is shown and its note', () => {
    const { section } = render(
      buildDocument({ ...criteriaFixture(), options: { ...OPTIONS, includeCoverage: true } }),
    );
    const rows = [...section('criteria').querySelectorAll('.print-criteria tbody tr')];
    expect(rows).toHaveLength(7);
    expect(cellTexts(rows[6]!).slice(2)).toEqual([
      'Partly',
      [
        'Explore — why this initiative?',
        'Deliver — how do we effect change?',
        'Evidence: Working wall: ½ + ¼ = ¾',
        'Evidence: scores.csv',
      ].join(' | '),
      NOTE.split('\n').join(' | '),
    ]);
    expect(cellTexts(rows[0]!)[3]).toBe('Nothing yet');
  });

  it('prints the Coverage table with its gaps marked, when asked for', () => {
    const { section } = render(
      buildDocument({ ...criteriaFixture(), options: { ...OPTIONS, includeCoverage: true } }),
    );
    const table = section(COVERAGE_SECTION_ID).querySelector('.print-coverage')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Domain',
      'Explore',
      'Prepare',
      'Deliver',
      'Sustain',
    ]);
    expect(
      [...table.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent),
    ).toEqual([
      'Maths curriculum and assessment',
      'Maths pedagogy',
      'Maths professional development (PD)',
      'Maths culture',
    ]);
    const gaps = [...table.querySelectorAll('td.print-gap')];
    expect(gaps).toHaveLength(9);
    expect(gaps.every((td) => td.textContent === 'Nothing yet')).toBe(true);
    const culture = table.querySelectorAll('tbody tr')[3]!;
    expect(cellTexts(culture)).toEqual([
      'Explore — why this initiative?',
      'Nothing yet',
      'Evidence: Working wall: ½ + ¼ = ¾',
      'Nothing yet',
    ]);
  });

  it('prints an untouched checklist as "Not yet" rows, not as "Not yet written"', () => {
    const { template, draft } = exportFixture();
    const { section } = render(
      buildDocument({
        template,
        draft,
        sections: template.sections.map((s) => emptySection(draft.id, s.id, 0)),
        options: OPTIONS,
      }),
    );
    const checklist = section('criteria');
    expect(checklist.textContent).not.toContain(NOT_YET_WRITTEN);
    expect(
      [...checklist.querySelectorAll('.print-criteria tbody tr')].map((r) => cellTexts(r)[2]),
    ).toEqual(Array.from({ length: 7 }, () => 'Not yet'));
    expect(section('sustain').textContent).toContain(NOT_YET_WRITTEN);
  });
});
