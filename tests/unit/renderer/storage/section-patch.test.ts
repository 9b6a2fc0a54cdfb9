import { describe, expect, it } from 'vitest';
import { emptySection } from '../../../../shared/model';
import {
  applySectionPatch,
  mergeSectionPatch,
} from '../../../../renderer/src/storage/section-patch';

describe('mergeSectionPatch', () => {
  it('lets later keys win and merges fields and criteria entry by entry', () => {
    expect(
      mergeSectionPatch(
        { text: 'a', domains: ['x'], fields: { a: '1', b: '2' }, criteria: { c1: 'partly' } },
        { text: 'b', domains: ['y'], fields: { b: null, c: 3 }, criteria: { c2: 'met' } },
      ),
    ).toEqual({
      text: 'b',
      domains: ['y'],
      fields: { a: '1', b: null, c: 3 },
      criteria: { c1: 'partly', c2: 'met' },
    });
  });

  it('treats undefined as no change and does not modify its inputs', () => {
    const earlier = { text: 'kept', fields: { a: '1' } };
    const merged = mergeSectionPatch(earlier, { text: undefined, fields: { b: '2' } });
    expect(merged).toEqual({ text: 'kept', fields: { a: '1', b: '2' } });
    expect(earlier).toEqual({ text: 'kept', fields: { a: '1' } });
  });
});

describe('applySectionPatch', () => {
  it('stamps the record and counts words when the patch gives text without a count', () => {
    const record = emptySection('d', 's', 1);
    expect(applySectionPatch(record, { text: 'one two, three' }, 5)).toMatchObject({
      draftId: 'd',
      sectionId: 's',
      text: 'one two, three',
      wordCount: 3,
      updatedAt: 5,
    });
    expect(applySectionPatch(record, { text: 'one two', wordCount: 9 }, 5).wordCount).toBe(9);
    expect(applySectionPatch({ ...record, wordCount: 4 }, { domains: [] }, 5).wordCount).toBe(4);
  });
});
