import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_FILE_BYTES } from '../../../shared/content-limits';
import {
  checkEvidenceFile,
  evidenceExtension,
  evidenceSizeProblem,
  isShownImage,
  sniffEvidenceType,
} from '../../../shared/evidence-file';
import { EVIDENCE_MIME_TYPES } from '../../../shared/model';
import {
  AVIF,
  CSV,
  EXE,
  GIF,
  HEIC,
  OLD_DOC,
  PDF,
  PNG,
  TEXT,
  WEBP,
  jpeg,
  office,
} from '../../fixtures/evidence/sample-files';

describe('the type of an evidence file, from its bytes', () => {
  it.each<[string, string, Uint8Array, string]>([
    ['PNG', 'photo.png', PNG, 'image/png'],
    ['JPEG', 'IMG_0001.JPG', jpeg(), 'image/jpeg'],
    ['GIF', 'a.gif', GIF, 'image/gif'],
    ['WebP', 'a.webp', WEBP, 'image/webp'],
    ['HEIC', 'IMG_0002.HEIC', HEIC, 'image/heic'],
    ['PDF', 'plan.pdf', PDF, 'application/pdf'],
    [
      'Word',
      'notes.docx',
      office('docx'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'Excel',
      'data.xlsx',
      office('xlsx'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'PowerPoint',
      'pd.pptx',
      office('pptx'),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    ['CSV', 'scores.CSV', CSV, 'text/csv'],
  ])('%s is recognised', (_, name, bytes, type) => {
    expect(sniffEvidenceType(name, bytes)).toBe(type);
    expect(checkEvidenceFile(name, bytes)).toEqual({ ok: true, mimeType: type });
  });

  it('ignores the name: a PNG called .pdf is a PNG, a PDF called .png a PDF', () => {
    expect(sniffEvidenceType('trick.pdf', PNG)).toBe('image/png');
    expect(sniffEvidenceType('trick.png', PDF)).toBe('application/pdf');
    expect(sniffEvidenceType('trick.docx', office('xlsx'))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('takes a PDF whose header comes after some junk, as readers do', () => {
    const late = new Uint8Array([...new Uint8Array(100).fill(0x20), ...PDF]);
    expect(sniffEvidenceType('scan.pdf', late)).toBe('application/pdf');
  });

  it.each<[string, string, Uint8Array]>([
    ['plain text', 'notes.txt', TEXT],
    ['text called .docx', 'notes.docx', TEXT],
    ['binary called .csv', 'data.csv', PNG.subarray(1)],
    ['a zip that is no Office file', 'archive.docx', zipSync({ 'a.txt': TEXT })],
    ['an Office zip of no known kind', 'odd.docx', office('none')],
    ['a damaged zip', 'broken.docx', office('docx').subarray(0, 40)],
    ['an AVIF', 'a.avif', AVIF],
    ['a program', 'setup.exe', EXE],
    ['a CSV with NUL bytes (UTF-16)', 'wide.csv', new Uint8Array([0xff, 0xfe, 0x41, 0x00])],
  ])('refuses %s', (_, name, bytes) => {
    expect(sniffEvidenceType(name, bytes)).toBeNull();
    const check = checkEvidenceFile(name, bytes);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason).toContain(`“${name}”`);
      expect(check.reason).toContain('not a kind of file AED Writer keeps as evidence');
    }
  });

  it('says an old Office file must be saved in the new format', () => {
    const check = checkEvidenceFile('report.doc', OLD_DOC);
    expect(check).toEqual({
      ok: false,
      reason: expect.stringContaining('save it as .docx, .xlsx or .pptx') as unknown,
    });
  });

  it('refuses an empty file and one over 25 MB, naming its size', () => {
    expect(checkEvidenceFile('empty.png', new Uint8Array())).toEqual({
      ok: false,
      reason: '“empty.png” is empty.',
    });
    const big = new Uint8Array(MAX_EVIDENCE_FILE_BYTES + 1);
    big.set(PNG);
    expect(checkEvidenceFile('big.png', big)).toEqual({
      ok: false,
      reason: '“big.png” is 25.0 MB; an evidence file can be at most 25 MB.',
    });
    expect(evidenceSizeProblem('film.mov', 3 * 1024 ** 3)).toBe(
      '“film.mov” is 3,072 MB; an evidence file can be at most 25 MB.',
    );
    const exactly = new Uint8Array(MAX_EVIDENCE_FILE_BYTES);
    exactly.set(PNG);
    expect(checkEvidenceFile('limit.png', exactly)).toEqual({ ok: true, mimeType: 'image/png' });
  });

  it('has an extension for every type, and thumbnails only for images a browser shows', () => {
    for (const type of EVIDENCE_MIME_TYPES) expect(evidenceExtension(type)).toMatch(/^\.[a-z]+$/);
    expect(EVIDENCE_MIME_TYPES.filter(isShownImage)).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
    ]);
  });
});
