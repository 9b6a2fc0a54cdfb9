import { describe, expect, it } from 'vitest';
import { addedPassages, compareDrafts } from '../../../shared/changes';
import { emptySection, type SectionRecord } from '../../../shared/model';
import { getTemplate } from '../../../shared/templates';

const template = getTemplate('sdlp-aed');
const section = (sectionId: string, patch: Partial<SectionRecord>): SectionRecord => ({
  ...emptySection('d', sectionId, 0),
  ...patch,
});

describe('compareDrafts', () => {
  it('reports word-level additions and removals per section, in template order', () => {
    const before = [
      section('explore', { text: 'Pupils found fractions hard.' }),
      section('deliver', { text: 'We ran three lessons.' }),
    ];
    const after = [
      section('deliver', { text: 'We ran four lessons with bar models.' }),
      section('explore', { text: 'Pupils in Year 4 found fractions hard.' }),
    ];
    const changes = compareDrafts(template, before, after);
    expect(changes.map((c) => c.sectionId)).toEqual(['explore', 'deliver']);
    const explore = changes[0]!;
    expect(explore.title).toBe('Explore — why this initiative?');
    expect(explore.added).toBe(3);
    expect(explore.removed).toBe(0);
    expect(explore.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual([
      'in Year 4',
    ]);
    const deliver = changes[1]!;
    expect(deliver.removed).toBe(1); // "three"
    expect(deliver.added).toBe(4); // "four", "with bar models"
  });

  it('ignores unchanged sections and notices fields, domains and criteria', () => {
    const before = [
      section('explore', { text: 'Same.' }),
      section('about-you', { fields: { 'full-name': 'Jane Smith' } }),
    ];
    const after = [
      section('explore', { text: 'Same.' }),
      section('about-you', { fields: { 'full-name': 'Jane Smith-Jones' } }),
      section('initiative', { domains: ['pedagogy'] }),
      section('criteria', { criteria: { c2: 'met' } }),
    ];
    const changes = compareDrafts(template, before, after);
    expect(changes.map((c) => c.sectionId)).toEqual(['about-you', 'initiative', 'criteria']);
    expect(changes[1]!.parts.map((p) => p.text).join('')).toContain('Maths pedagogy');
    expect(changes[2]!.parts.map((p) => p.text).join('')).toContain('Met');
  });

  it('keeps maths symbols intact and summarises added passages', () => {
    const changes = compareDrafts(
      template,
      [section('evaluation', { text: '' })],
      [section('evaluation', { text: 'Scores rose: 45% → 72% (x² ≤ ½). ' + 'word '.repeat(60) })],
    );
    const passages = addedPassages(changes[0]!, 10);
    expect(passages[0]).toMatch(/^Scores rose: 45% → 72% \(x² ≤ ½\)\. word/);
    expect(passages[0]!.endsWith('…')).toBe(true);
  });
});
