/**
 * Images in the Word file, read by the real readers: python-docx finds each inline picture and
 * its alt text (docPr descr), and LibreOffice's PDF of the file holds the pictures (pdfimages)
 * and the captions and appendix (pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../../shared/export/document';
import type { ExportDocument, ExportPicture } from '../../../../shared/export/document-model';
import { renderDocx } from '../../../../shared/export/docx';
import type { EvidenceItem } from '../../../../shared/model';
import { exportFixture } from '../../../fixtures/export/aed-fixture';
import { editorState, img, p } from '../../../fixtures/export/editor-state';
import { PNG } from '../../../fixtures/evidence/sample-files';
import { findPythonWithDocx, missingReaders, pdfText, soffice } from '../../../fixtures/readers';

const READ_DOCX = `
import docx, json, sys
d = docx.Document(sys.argv[1])
ns = {"wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"}
print(json.dumps({
    "shapes": len(d.inline_shapes),
    "descr": [e.get("descr") for e in d.element.body.iterfind(".//wp:docPr", ns)],
    "paragraphs": [p.text for p in d.paragraphs],
}))
`;

function item(id: string, fileName: string, patch: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    id,
    draftId: 'draft-fixture',
    fileName,
    mimeType: 'image/png',
    size: PNG.length,
    sha256: id.padEnd(64, '0'),
    caption: '',
    date: '2026-01-15',
    stages: [],
    domains: [],
    criteria: [],
    createdAt: 1,
    ...patch,
  };
}

/** A picture as the renderer prepares one: here a real 1 × 1 PNG said to be 400 × 300. */
const picture: ExportPicture = { bytes: PNG, type: 'png', width: 400, height: 300 };

function imagesDocument(): ExportDocument {
  const { template, draft, sections } = exportFixture();
  const deliver = sections.find((s) => s.sectionId === 'deliver')!;
  deliver.editorState = editorState(
    p('Our working wall:'),
    p(img('ev-wall', 'The maths working wall in Year 5', 'The working wall in March')),
    p('And a picture that is gone: ', img('ev-gone', 'A deleted photo')),
  );
  const evidence = [
    item('ev-wall', 'working wall.png', {
      caption: 'The working wall in March',
      stages: [template.stages[2]!.id],
      criteria: [template.criteria[6]!.id],
    }),
    item('ev-plan', 'PD plan.pdf', { mimeType: 'application/pdf', caption: 'The PD plan' }),
    item('ev-scores', 'scores.csv', { mimeType: 'text/csv', date: '' }),
  ];
  return buildDocument({
    template,
    draft,
    sections,
    options: { includeGuidance: false, includeWordCounts: false, omitEmptySections: false },
    evidence,
    pictures: new Map([['ev-wall', picture]]),
  });
}

describe('the export document with images', () => {
  it('keeps placed images with pictures, warns about the missing one, and lists every item', () => {
    const doc = imagesDocument();
    const deliver = doc.sections.find((s) => s.id === 'deliver')!;
    expect(deliver.blocks.filter((b) => b.kind === 'image')).toEqual([
      {
        kind: 'image',
        evidenceId: 'ev-wall',
        altText: 'The maths working wall in Year 5',
        caption: 'The working wall in March',
        width: null,
      },
    ]);
    expect(doc.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining('an image (“A deleted photo”) is no longer in the draft’s evidence'),
    );
    expect(doc.evidence.map((e) => [e.number, e.fileName, e.kind, e.date])).toEqual([
      [1, 'working wall.png', 'PNG image', '15 January 2026'],
      [2, 'PD plan.pdf', 'PDF', '15 January 2026'],
      [3, 'scores.csv', 'CSV file', null],
    ]);
    expect(doc.evidence[0]!.tags).toEqual(['Deliver', 'Criterion 7']);
    expect(doc.evidence[0]!.picture).toEqual({ width: 400, height: 300 });
  });
});

const missing = missingReaders('python-docx', 'LibreOffice', 'pdftotext');

describe.skipIf(missing !== undefined)(
  `renderDocx with images: python-docx and LibreOffice${missing ? ` (${missing})` : ''}`,
  () => {
    let dir: string;
    let read: { shapes: number; descr: string[]; paragraphs: string[] };
    let pdf: string;
    let images: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'aed-docx-images-'));
      const doc = imagesDocument();
      const file = join(dir, 'images.docx');
      writeFileSync(file, await renderDocx(doc, new Map([['ev-wall', picture]])));
      const python = findPythonWithDocx() ?? 'python3';
      read = JSON.parse(execFileSync(python, ['-c', READ_DOCX, file], { encoding: 'utf8' })) as {
        shapes: number;
        descr: string[];
        paragraphs: string[];
      };
      await soffice(['--convert-to', 'pdf', '--outdir', dir, file], dir);
      pdf = pdfText(join(dir, 'images.pdf'));
      images = execFileSync('pdfimages', ['-list', join(dir, 'images.pdf')], { encoding: 'utf8' });
    }, 120_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('embeds the placed picture and the appendix thumbnail, each with its alt text', () => {
      // One in the text, one in the appendix; the deleted one and the PDF and CSV have none.
      expect(read.shapes).toBe(2);
      expect(read.descr).toEqual(['The maths working wall in Year 5', 'The working wall in March']);
    });

    it('prints the caption below the picture and an appendix naming every file', () => {
      const at = read.paragraphs.indexOf('The working wall in March');
      expect(at).toBeGreaterThan(read.paragraphs.indexOf('Our working wall:'));
      expect(read.paragraphs).toContain('Evidence appendix');
      expect(read.paragraphs).toContain('1. working wall.png (PNG image)');
      expect(read.paragraphs).toContain('2. PD plan.pdf (PDF)');
      expect(read.paragraphs).toContain('3. scores.csv (CSV file)');
      expect(read.paragraphs).toContain('Tags: Deliver, Criterion 7');
    });

    it('comes out of LibreOffice as a PDF holding the pictures, the caption and the appendix', () => {
      // pdfimages -list: a line per image, and one per soft mask (the PNG's alpha channel).
      const pictures = images.split('\n').filter((line) => /^\s*\d+\s+\d+\s+image\b/.test(line));
      expect(pictures).toHaveLength(2);
      expect(pdf).toContain('The working wall in March');
      expect(pdf).toContain('Evidence appendix');
      expect(pdf).toContain('PD plan.pdf');
      expect(pdf).toContain('scores.csv');
    });
  },
);
