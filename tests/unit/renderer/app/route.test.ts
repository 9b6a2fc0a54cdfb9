import { describe, expect, it } from 'vitest';
import { draftHref, parseRoute } from '../../../../renderer/src/app/route';

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
});
