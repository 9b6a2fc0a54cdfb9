import { describe, expect, it } from 'vitest';
import { draftHref, evidenceHref, parseRoute } from '../../../../renderer/src/app/route';

describe('parseRoute', () => {
  it('reads a draft and section back from the links it makes', () => {
    expect(parseRoute(draftHref('d 1', 'explore/why'))).toEqual({
      name: 'draft',
      draftId: 'd 1',
      sectionId: 'explore/why',
      view: 'section',
    });
  });

  it.each(['#/draft/%E0%A4%A', '#/draft/d1/section/%', '#/%zz'])(
    'lands on the library, marked as a broken link, for %s instead of throwing',
    (hash) => {
      expect(parseRoute(hash)).toEqual({ name: 'library', brokenLink: true });
    },
  );

  it('reads the evidence item a link points at, within its section', () => {
    expect(parseRoute(evidenceHref('d 1', 'evidence', 'item/1'))).toEqual({
      name: 'draft',
      draftId: 'd 1',
      sectionId: 'evidence',
      view: 'section',
      itemId: 'item/1',
    });
    expect(parseRoute('#/draft/d1/section/evidence/item')).not.toHaveProperty('itemId');
    expect(parseRoute('#/draft/d1/changes/item/x')).not.toHaveProperty('itemId');
  });
});
