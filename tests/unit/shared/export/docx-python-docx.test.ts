/**
 * The DOCX export as python-docx reads it: a second, independent reader of Word files (it
 * follows the OOXML spec, not LibreOffice's import), checking what a script or another tool
 * would find — heading styles, paragraphs and tables — rather than our own XML.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../../shared/export/document';
import type { ExportDocument } from '../../../../shared/export/document-model';
import { renderDocx } from '../../../../shared/export/docx';
import {
  exportFixture,
  MARKERS,
  SYMBOLS,
  WIDE_TABLE_HEADERS,
} from '../../../fixtures/export/aed-fixture';
import { findPythonWithDocx, missingReaders } from '../../../fixtures/readers';

/** What python-docx sees: each body paragraph's style and text, and each table's cell texts. */
interface Read {
  paragraphs: Array<{ style: string; text: string }>;
  tables: string[][][];
}

const READ_DOCX = `
import docx, json, sys
d = docx.Document(sys.argv[1])
print(json.dumps({
    "paragraphs": [{"style": p.style.name, "text": p.text} for p in d.paragraphs],
    "tables": [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
}))
`;

const missing = missingReaders('python-docx');

describe.skipIf(missing !== undefined)(
  `renderDocx: read by python-docx${missing ? ` (${missing})` : ''}`,
  () => {
    let dir: string;
    let doc: ExportDocument;
    let read: Read;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'aed-python-docx-'));
      const { template, draft, sections } = exportFixture();
      doc = buildDocument({
        template,
        draft,
        sections,
        submission: { label: 'Interim 2', date: new Date(2026, 2, 14, 9, 0) },
        options: { includeGuidance: true, includeWordCounts: true, omitEmptySections: false },
      });
      const file = join(dir, 'fixture.docx');
      writeFileSync(file, await renderDocx(doc));
      // In CI a missing python-docx is not skipped: this throws, and the run fails.
      const python = findPythonWithDocx() ?? 'python3';
      read = JSON.parse(
        execFileSync(python, ['-c', READ_DOCX, file], { encoding: 'utf8' }),
      ) as Read;
    }, 30_000);

    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    const styled = (style: string) =>
      read.paragraphs.filter((p) => p.style === style).map((p) => p.text);

    it('finds every section heading as a Heading 1, in template order', () => {
      expect(styled('Heading 1')).toEqual(doc.sections.map((s) => s.heading));
    });

    it('finds the headings written inside sections as Heading 2 and 3', () => {
      expect(styled('Heading 2')).toEqual(expect.arrayContaining(['Day 1', 'Day 2']));
      expect(styled('Heading 3')).toContain('A smaller heading');
    });

    it('finds each section’s own paragraphs, in order, with their symbols', () => {
      const texts = read.paragraphs.map((p) => p.text);
      const at = Object.values(MARKERS).map((marker) =>
        texts.findIndex((text) => text.startsWith(marker)),
      );
      expect(at).not.toContain(-1);
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(texts).toContain('After the wide table.');
      const all = texts.join('\n');
      for (const symbol of SYMBOLS) expect(all).toContain(symbol);
    });

    it('finds the tables with their header rows and cells', () => {
      const wide = read.tables.find((t) => t[0]?.[0] === WIDE_TABLE_HEADERS[0]);
      expect(wide?.[0]).toEqual([...WIDE_TABLE_HEADERS]);
      expect(wide?.[1]).toEqual([
        '3A',
        '41%',
        '55%',
        '68%',
        '6',
        'Positive',
        '4.5',
        'Embed arrays',
      ]);
      const measures = read.tables.find((t) => t[0]?.[0] === 'Measure');
      expect(measures?.[0]).toEqual(['Measure', 'Before', 'After']);
      // A cell spanning two columns is one cell that python-docx reports under both.
      expect(measures?.[1]).toEqual(['Both terms', 'Both terms', 'Up']);
      expect(measures?.[2]).toEqual(['Fluency check', '45%', '72%']);
    });
  },
);
