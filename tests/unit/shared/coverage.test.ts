import { describe, expect, it } from 'vitest';
import { computeCoverage, type Coverage } from '../../../shared/coverage';
import type { EvidenceItem, SectionRecord } from '../../../shared/model';
import { getTemplate } from '../../../shared/templates';
import { evidenceItem, section } from './draft-builders';

const template = getTemplate('sdlp-aed');

/** Each cell as "domain/stage: what covers it", the gaps as "domain/stage: —". */
function cells(coverage: Coverage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of coverage.rows) {
    row.cells.forEach((cell) => {
      out[`${row.domainId}/${cell.stageId}`] =
        cell.shownIn
          .map((s) => (s.kind === 'section' ? `§${s.sectionId}` : `ev:${s.label}`))
          .join(', ') || '—';
    });
  }
  return out;
}

const covered = (coverage: Coverage) =>
  Object.fromEntries(Object.entries(cells(coverage)).filter(([, v]) => v !== '—'));

function coverage(sections: SectionRecord[], evidence: EvidenceItem[] = []) {
  return computeCoverage(template, sections, evidence);
}

describe('computeCoverage', () => {
  it('is one row per domain and one column per stage, in template order, all gaps when nothing is tagged', () => {
    const empty = coverage([]);
    expect(empty.stages.map((s) => s.label)).toEqual(['Explore', 'Prepare', 'Deliver', 'Sustain']);
    expect(empty.rows.map((r) => r.label)).toEqual([
      'Maths curriculum and assessment',
      'Maths pedagogy',
      'Maths professional development (PD)',
      'Maths culture',
    ]);
    expect(
      empty.rows.every(
        (r) => r.cells.map((c) => c.stageId).join() === 'explore,prepare,deliver,sustain',
      ),
    ).toBe(true);
    expect(empty.gaps).toBe(16);
    expect(covered(empty)).toEqual({});
  });

  it('fills a cell from a stage section tagged with the domain, and leaves the known gaps', () => {
    const result = coverage([
      section('explore', { domains: ['pedagogy', 'culture'] }),
      section('deliver', { domains: ['pedagogy'] }),
      // A section of no stage covers no cell, however it is tagged.
      section('initiative', { domains: ['pd', 'curriculum-assessment'] }),
      // Prepare is stored but tagged with nothing.
      section('prepare', { text: 'Written, but not tagged.' }),
    ]);
    expect(covered(result)).toEqual({
      'pedagogy/explore': '§explore',
      'culture/explore': '§explore',
      'pedagogy/deliver': '§deliver',
    });
    expect(result.gaps).toBe(13);
    expect(result.rows[1]!.cells[0]!.shownIn).toEqual([
      { kind: 'section', sectionId: 'explore', title: 'Explore — why this initiative?' },
    ]);
  });

  it('fills every cell an evidence item is tagged for (its stages × its domains), after the sections', () => {
    const photo = evidenceItem({
      caption: '  Working wall  ',
      stages: ['deliver', 'sustain'],
      domains: ['culture', 'pedagogy'],
    });
    const notes = evidenceItem({
      fileName: 'notes.pdf',
      stages: ['deliver'],
      domains: ['culture'],
    });
    // Tagged with a stage but no domain, or a domain but no stage: it covers nothing.
    const half = evidenceItem({ stages: ['explore'] });
    const otherHalf = evidenceItem({ domains: ['pd'] });
    const result = coverage(
      [section('deliver', { domains: ['culture'] })],
      [photo, notes, half, otherHalf],
    );
    expect(covered(result)).toEqual({
      'pedagogy/deliver': 'ev:Working wall',
      'pedagogy/sustain': 'ev:Working wall',
      'culture/deliver': '§deliver, ev:Working wall, ev:notes.pdf',
      'culture/sustain': 'ev:Working wall',
    });
    expect(result.gaps).toBe(12);
    // The PD row and the Prepare column are gaps throughout: the draft's known holes.
    expect(result.rows[2]!.cells.every((c) => c.shownIn.length === 0)).toBe(true);
    expect(result.rows.every((r) => r.cells[1]!.shownIn.length === 0)).toBe(true);
  });

  it('counts every cell covered when every domain is shown at every stage', () => {
    const all = ['curriculum-assessment', 'pedagogy', 'pd', 'culture'];
    const result = coverage(
      ['explore', 'prepare', 'deliver'].map((id) => section(id, { domains: all })),
      [evidenceItem({ stages: ['sustain'], domains: all })],
    );
    expect(result.gaps).toBe(0);
  });

  it('ignores tags the template does not know and values a damaged record holds', () => {
    const result = coverage(
      [
        section('explore', { domains: ['astrology', 'pedagogy', 7 as unknown as string] }),
        section('deliver', { domains: 'pedagogy' as unknown as string[] }),
        section('not-a-section', { domains: ['pedagogy'] }),
      ],
      [
        evidenceItem({ stages: ['spring'], domains: ['pedagogy'] }),
        evidenceItem({ stages: null as unknown as string[], domains: ['pd'] }),
      ],
    );
    expect(covered(result)).toEqual({ 'pedagogy/explore': '§explore' });
  });
});
