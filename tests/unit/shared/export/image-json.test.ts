import { describe, expect, it } from 'vitest';
import { imagesInEditorState, placedImages } from '../../../../shared/export/image-json';
import type { SectionRecord } from '../../../../shared/model';
import { cell, editorState, img, li, p, table, ul } from '../../../fixtures/export/editor-state';

const section = (sectionId: string, state: string | null) =>
  ({ sectionId, editorState: state }) as SectionRecord;

describe('placedImages (what the readiness check reads)', () => {
  it('finds every image in the stored text, in reading order, wherever it sits', () => {
    const explore = editorState(
      p('Before ', img('ev-1', 'A bar chart'), ' after.'),
      ul(li('item ', img('ev-2'))),
      table([['Class', cell([p(img('ev-3', '  Year 5 work  '))])]], false),
    );
    const deliver = editorState(p(img('ev-1', '')));
    expect(
      placedImages([
        section('explore', explore),
        section('empty', null),
        section('deliver', deliver),
      ]),
    ).toEqual([
      { sectionId: 'explore', evidenceId: 'ev-1', altText: 'A bar chart' },
      { sectionId: 'explore', evidenceId: 'ev-2', altText: '' },
      { sectionId: 'explore', evidenceId: 'ev-3', altText: 'Year 5 work' },
      { sectionId: 'deliver', evidenceId: 'ev-1', altText: '' },
    ]);
  });

  it('reads damaged JSON as no images, and skips image nodes that name no evidence item', () => {
    expect(imagesInEditorState('{not json')).toEqual([]);
    expect(
      imagesInEditorState(
        JSON.stringify({
          root: {
            children: [
              { type: 'image', evidenceId: '../../etc', altText: 'x' },
              { type: 'image', altText: 'no id' },
              { type: 'image', evidenceId: 'ok-1', altText: 3, width: 'wide' },
            ],
          },
        }),
      ),
    ).toEqual([{ evidenceId: 'ok-1', altText: '', caption: '', width: null }]);
  });

  it('walks content nested deeper than the call stack', () => {
    const depth = 100_000;
    const json = `{"root":${'{"type":"paragraph","children":['.repeat(depth)}{"type":"image","evidenceId":"deep"}${']}'.repeat(depth)}}`;
    expect(imagesInEditorState(json).map((i) => i.evidenceId)).toEqual(['deep']);
  });
});
