import { describe, expect, it } from 'vitest';
import { addedMessage } from '../../../../../renderer/src/app/evidence/evidence-messages';
import type { EvidenceItem } from '../../../../../shared/model';

const item = (
  fileName: string,
  mimeType: EvidenceItem['mimeType'] = 'image/png',
): EvidenceItem => ({
  id: fileName,
  draftId: 'd',
  fileName,
  mimeType,
  size: 1,
  sha256: '0'.repeat(64),
  caption: '',
  date: '',
  stages: [],
  domains: [],
  criteria: [],
  createdAt: 0,
});

describe('what adding evidence says', () => {
  it('names one file, counts several, and lists those already there', () => {
    expect(addedMessage({ added: [item('wall.png')], alreadyThere: [] })).toBe(
      'Added “wall.png” to the evidence.',
    );
    expect(
      addedMessage({
        added: [item('a.png'), item('b.pdf')],
        alreadyThere: ['c.csv', 'd.csv', 'e.csv'],
      }),
    ).toBe(
      'Added 2 files to the evidence. “c.csv”, “d.csv” and “e.csv” are already in this draft’s evidence.',
    );
    expect(addedMessage({ added: [], alreadyThere: ['c.csv'] })).toBe(
      '“c.csv” is already in this draft’s evidence.',
    );
  });

  it('says a HEIC photo is kept as a file and can go into the text once saved as JPEG', () => {
    expect(addedMessage({ added: [item('IMG_0001.HEIC', 'image/heic')], alreadyThere: [] })).toBe(
      'Added “IMG_0001.HEIC” to the evidence. HEIC photos are kept as files; to put one in the text, save it as a JPEG and add that.',
    );
  });
});
