import { describe, expect, it } from 'vitest';
import {
  criteriaShowings,
  criterionDetail,
  sectionsThatCanShow,
  withSectionLink,
} from '../../../shared/criteria';
import { evidenceLabel } from '../../../shared/showing';
import { getTemplate } from '../../../shared/templates';
import { evidenceItem, section } from './draft-builders';

const template = getTemplate('sdlp-aed');

describe('criteriaShowings', () => {
  it('lists every criterion, not yet assessed and shown nowhere, for a checklist never opened', () => {
    const rows = criteriaShowings(template, undefined, []);
    expect(rows.map((r) => [r.number, r.id, r.assessment, r.shownIn, r.note])).toEqual(
      template.criteria.map((c, i) => [i + 1, c.id, null, [], '']),
    );
  });

  it('reads a checklist stored before criteria had links (no criteriaDetail) as it was', () => {
    const old = section('criteria', { criteria: { c1: 'met', c2: 'partly' } });
    expect('criteriaDetail' in old).toBe(false);
    const rows = criteriaShowings(template, old, []);
    expect(rows.slice(0, 3).map((r) => [r.assessment, r.shownIn.length, r.note])).toEqual([
      ['met', 0, ''],
      ['partly', 0, ''],
      [null, 0, ''],
    ]);
  });

  it('shows linked sections in template order, then the evidence tagged with the criterion, and gone links apart', () => {
    const wall = evidenceItem({ caption: 'Working wall', criteria: ['c2', 'c7'] });
    const untagged = evidenceItem({ caption: 'Untagged' });
    const notes = evidenceItem({ fileName: 'notes.pdf', criteria: ['c2'] });
    const checklist = section('criteria', {
      criteria: { c2: 'partly' },
      criteriaDetail: {
        c2: { sections: ['old-section', 'deliver', 'explore'], note: 'Work Groups, spring.' },
      },
    });
    const c2 = criteriaShowings(template, checklist, [wall, untagged, notes])[1]!;
    expect(c2.shownIn).toEqual([
      { kind: 'section', sectionId: 'explore', title: 'Explore — why this initiative?' },
      { kind: 'section', sectionId: 'deliver', title: 'Deliver — how do we effect change?' },
      { kind: 'evidence', evidenceId: wall.id, label: 'Working wall' },
      { kind: 'evidence', evidenceId: notes.id, label: 'notes.pdf' },
    ]);
    expect(c2.goneSections).toEqual(['old-section']);
    expect(c2.note).toBe('Work Groups, spring.');
  });

  it('reads malformed stored values as nothing rather than failing', () => {
    const damaged = section('criteria', {
      criteria: { c1: 'brilliant' as never },
      criteriaDetail: {
        c1: 'not a detail' as never,
        c2: { sections: 'explore', note: 7 } as never,
        c3: { sections: ['explore', 5], note: 'ok' } as never,
      },
    });
    const rows = criteriaShowings(template, damaged, [
      evidenceItem({ criteria: 'c1' as unknown as string[] }),
    ]);
    expect(rows[0]).toMatchObject({ assessment: null, shownIn: [], note: '' });
    expect(rows[1]).toMatchObject({ shownIn: [], note: '' });
    expect(rows[2]!.shownIn.map((s) => s.kind)).toEqual(['section']);
    expect(criterionDetail(damaged, 'c3')).toEqual({ sections: ['explore'], note: 'ok' });
    expect(criterionDetail(null, 'c1')).toEqual({ sections: [], note: '' });
  });
});

describe('withSectionLink', () => {
  it('keeps template order and the links to sections gone from the template until removed', () => {
    let detail = { sections: ['gone-1'], note: 'n' };
    detail = withSectionLink(template, detail, 'deliver', true);
    detail = withSectionLink(template, detail, 'explore', true);
    detail = withSectionLink(template, detail, 'explore', true);
    expect(detail).toEqual({ sections: ['explore', 'deliver', 'gone-1'], note: 'n' });
    detail = withSectionLink(template, detail, 'deliver', false);
    detail = withSectionLink(template, detail, 'gone-1', false);
    expect(detail).toEqual({ sections: ['explore'], note: 'n' });
  });
});

describe('sectionsThatCanShow', () => {
  it('offers the sections with writing of their own, not the checklist or the evidence list', () => {
    expect(sectionsThatCanShow(template).map((s) => s.id)).toEqual([
      'school',
      'initiative',
      'explore',
      'prepare',
      'deliver',
      'sustain',
      'evaluation',
      'reflection',
      'feedback',
    ]);
  });
});

describe('evidenceLabel', () => {
  it('is the caption, or the file name when there is none', () => {
    expect(evidenceLabel({ caption: ' A display ', fileName: 'x.png' })).toBe('A display');
    expect(evidenceLabel({ caption: '  ', fileName: 'x.png' })).toBe('x.png');
  });
});
