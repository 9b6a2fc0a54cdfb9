/**
 * The DOCX export, checked two ways: its XML (real Word structures: heading styles, list
 * numbering, header rows, hyperlinks, a TOC field) and what a real reader makes of it
 * (LibreOffice converts it to text and to PDF; pdftotext reads the PDF). The conversions are
 * grouped on one document so the suite stays quick.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../../shared/export/document';
import type { ExportDocument, ExportOptions } from '../../../../shared/export/document-model';
import { PAGE } from '../../../../shared/export/docx-styles';
import { renderDocx } from '../../../../shared/export/docx';
import {
  exportFixture,
  largeExportFixture,
  MARKERS,
  PEOPLE,
  SYMBOLS,
  WIDE_TABLE_HEADERS,
} from '../../../fixtures/export/aed-fixture';
import {
  findPythonWithDocx,
  missingReaders,
  soffice as runSoffice,
} from '../../../fixtures/readers';

const ALL: ExportOptions = {
  includeGuidance: true,
  includeWordCounts: true,
  omitEmptySections: false,
};
const SUBMISSION = { label: 'Interim 2', date: new Date(2026, 2, 14, 9, 0) };

// Outside CI a missing reader skips its tests (the reason is in the title); in CI they fail.
const NO_PYTHON = missingReaders('python-docx');
const NO_LIBREOFFICE = missingReaders('LibreOffice', 'pdftotext');

let dir: string;
let doc: ExportDocument;
let bytes: Uint8Array;
let parts: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aed-docx-'));
  const { template, draft, sections } = exportFixture();
  doc = buildDocument({ template, draft, sections, submission: SUBMISSION, options: ALL });
  bytes = await renderDocx(doc);
  writeFileSync(join(dir, 'fixture.docx'), bytes);
  parts = Object.fromEntries(
    Object.entries(unzipSync(bytes))
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Each paragraph of a part: its style, its text and its raw XML. */
function paragraphs(xml: string) {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const inner = m[1] ?? m[2] ?? '';
    return {
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null,
      text: [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((t) => unescapeXml(t[1]!))
        .join(''),
      xml: inner,
    };
  });
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const body = () => parts['word/document.xml']!;
/** The document after the table of contents, whose entries repeat the headings. */
const afterContents = () => body().slice(body().indexOf('</w:sdt>'));
const paragraph = (text: string) => {
  const found = paragraphs(afterContents()).find((p) => p.text === text);
  if (!found) throw new Error(`No paragraph reads "${text}"`);
  return found;
};

/** The positions of `needles` in `haystack`, each searched after the one before. */
function inOrder(haystack: string, needles: readonly string[], from = 0): number[] {
  const positions: number[] = [];
  let at = from;
  for (const needle of needles) {
    at = haystack.indexOf(needle, at);
    positions.push(at);
    if (at === -1) break;
    at += needle.length;
  }
  return positions;
}

describe('renderDocx: the Word structures', () => {
  it.skipIf(NO_PYTHON !== undefined)('writes well-formed XML in every part', () => {
    const check = spawnSync(
      findPythonWithDocx() ?? 'python3',
      [
        '-c',
        [
          'import sys, zipfile, xml.dom.minidom',
          'z = zipfile.ZipFile(sys.argv[1])',
          'names = [n for n in z.namelist() if n.endswith((".xml", ".rels"))]',
          'for n in names: xml.dom.minidom.parseString(z.read(n))',
          'print(len(names))',
        ].join('\n'),
        join(dir, 'fixture.docx'),
      ],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(Number(check.stdout)).toBeGreaterThan(10);
  });

  it('uses Heading 1 for the numbered sections, in template order', () => {
    const headings = paragraphs(body())
      .filter((p) => p.style === 'Heading1')
      .map((p) => p.text);
    expect(headings).toEqual(doc.sections.map((s) => s.heading));
    expect(headings[3]).toBe('4. Explore — why this initiative?');
    expect(headings).toHaveLength(12);
    // Word's navigation pane and the TOC field read the styles' outline levels.
    expect(parts['word/styles.xml']).toMatch(
      /w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="0"\/>/,
    );
  });

  it('uses Heading 2 and 3 for headings inside a section', () => {
    expect(paragraph('What the data showed').style).toBe('Heading2');
    expect(paragraph('Research and the programme’s models').style).toBe('Heading3');
    expect(paragraph('Day 1').style).toBe('Heading2');
    expect(paragraph('A smaller heading').style).toBe('Heading3');
  });

  it('numbers lists with real Word numbering, nested by level, each numbered list from its start', () => {
    const numPr = (text: string) => {
      const match = /<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(
        paragraph(text).xml,
      );
      if (!match) throw new Error(`"${text}" is not a list item`);
      return { level: Number(match[1]), numId: match[2]! };
    };
    expect(numPr('Audit number facts').level).toBe(0);
    expect(numPr('Year 3 first').level).toBe(1);
    expect(numPr('Deep item').level).toBe(2);
    expect(numPr('Plan the PD sessions')).toEqual(numPr('Audit number facts'));
    // A second numbered list is a list of its own, so Word restarts it at 1.
    const first = numPr('Audit number facts').numId;
    const second = numPr('First again').numId;
    expect(second).not.toBe(first);
    const numbering = parts['word/numbering.xml']!;
    const startOf = (numId: string) => {
      const num = new RegExp(`<w:num w:numId="${numId}">([\\s\\S]*?)</w:num>`).exec(numbering)![1]!;
      return Number(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="(\d+)"\/>/.exec(num)![1]);
    };
    expect(startOf(second)).toBe(1);
    expect(startOf(numPr('Fifth').numId)).toBe(5);
    // No typed bullets or numbers: the text is just the item's.
    expect(
      paragraphs(afterContents()).filter(
        (p) => /^(•|\d+\.)\s/.test(p.text) && p.style !== 'Heading1',
      ),
    ).toEqual([]);
    // Check lists are bullets showing ☒ or ☐.
    expect(numPr('Headteacher agreed').numId).not.toBe(numPr('Governors told').numId);
    expect(numbering).toContain('w:val="☒"');
  });

  it('writes tables with repeating header rows that fit the page', () => {
    const tables = [...body().matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    const wide = tables.find((t) => t.includes('Autumn baseline'))!;
    expect(wide).toBeDefined();
    const rows = [...wide.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    expect([...rows[0]!.matchAll(/<w:tc>/g)]).toHaveLength(8);

    const textWidth = PAGE.width - 2 * PAGE.margin;
    const sectPr =
      /<w:pgSz w:w="(\d+)"[^>]*\/><w:pgMar w:top="\d+" w:right="(\d+)" w:bottom="\d+" w:left="(\d+)"/.exec(
        body(),
      )!;
    expect(Number(sectPr[1]) - Number(sectPr[2]) - Number(sectPr[3])).toBe(textWidth);
    for (const table of tables) {
      expect(table).toMatch(/<w:tblW w:type="pct" w:w="(5000|100%)"\/>/);
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce(
        (sum, m) => sum + Number(m[1]),
        0,
      );
      expect(grid).toBeLessThanOrEqual(textWidth);
      expect(grid).toBeGreaterThan(textWidth - 20);
    }
    // The criteria checklist is a table with a header row too.
    const criteria = tables.find((t) => t.includes('Self-assessment'))!;
    expect(criteria).toContain('<w:tblHeader/>');
    expect(criteria).toContain('Partly');
  });

  it('links https: and mailto: links, and nothing else', () => {
    const rels = parts['word/_rels/document.xml.rels']!;
    const link = (text: string) => {
      const id = new RegExp(
        `<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>(?:(?!</w:hyperlink>)[\\s\\S])*${text}`,
      ).exec(body())?.[1];
      return id
        ? (new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
            new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1])
        : undefined;
    };
    expect(link('the NCETM’s mastery pages')).toBe(
      'https://www.ncetm.org.uk/teaching-for-mastery/',
    );
    expect(link('the maths lead')).toBe('mailto:maths.lead@example.org');
    expect(rels).toMatch(/TargetMode="External"/);
    const all = Object.values(parts).join('');
    expect(all).not.toContain('javascript:');
    expect(all).not.toContain('http://insecure.example.org');
    expect(body()).toContain('this unsafe link');
  });

  it('keeps bold, italic, underline, strikethrough, quotes and line breaks', () => {
    const run = (text: string) =>
      new RegExp(`<w:r>(?:(?!</w:r>)[\\s\\S])*?<w:t[^>]*>${text}</w:t>`).exec(body())![0];
    expect(run('bold')).toContain('<w:b/>');
    expect(run('italic')).toContain('<w:i/>');
    expect(run('underline')).toMatch(/<w:u w:val="single"\/>/);
    expect(run('struck')).toContain('<w:strike/>');
    expect(run('all four')).toMatch(/<w:b\/>[\s\S]*<w:i\/>[\s\S]*<w:strike\/>[\s\S]*<w:u /);
    expect(
      paragraph('“I can see the 7 times table in the array now.” — a Year 4 pupil').style,
    ).toBe('Quote');
    expect(paragraph('A linebroken in two, and atab.').xml).toMatch(/<w:br\/>[\s\S]*<w:tab\/>/);
  });

  it('has a TOC field that Word updates on open, already filled in', () => {
    expect(body()).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    expect(parts['word/settings.xml']).toMatch(/<w:updateFields(?: w:val="(true|1|on)")?\/>/);
    const toc = /<w:sdtContent>([\s\S]*?)<\/w:sdtContent>/.exec(body())![1]!;
    const entries = paragraphs(toc)
      .filter((p) => p.style === 'TOC1')
      .map((p) => p.text);
    expect(entries).toEqual(doc.sections.map((s) => s.heading));
    expect(
      paragraphs(toc)
        .filter((p) => p.style === 'TOC2')
        .map((p) => p.text),
    ).toEqual(['What the data showed', 'Day 1', 'Day 2']);
  });

  it('has a header with the participant and label, "Page X of Y" and file properties', () => {
    const header = Object.entries(parts).find(
      ([n, xml]) => n.startsWith('word/header') && xml.includes('Interim 2'),
    );
    expect(header?.[1]).toContain(`${PEOPLE.participant} · Interim 2`);
    const footer = Object.entries(parts).find(([n]) => n.startsWith('word/footer'))![1];
    expect(footer).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Accreditation Evidence Document — Interim 2</dc:title>');
    expect(core).toContain(`<dc:creator>${PEOPLE.participant}</dc:creator>`);
  });

  it('shows domains, word counts, guidance and "Not yet written" as asked', async () => {
    const texts = paragraphs(body()).map((p) => p.text);
    expect(texts).toContain('Domains: Maths curriculum and assessment, Maths pedagogy');
    expect(texts.some((t) => /^Word count: \d+ of about 800 words$/.test(t))).toBe(true);
    expect(texts).toContain(
      'How will the school sustain the development after your involvement ends?',
    );
    expect(texts.filter((t) => t === 'Not yet written.')).toHaveLength(3);

    const { template, draft, sections } = exportFixture();
    const lean = buildDocument({
      template,
      draft,
      sections,
      submission: SUBMISSION,
      options: { includeGuidance: false, includeWordCounts: false, omitEmptySections: true },
    });
    const leanBody = strFromU8(unzipSync(await renderDocx(lean))['word/document.xml']!);
    expect(leanBody).not.toContain('Not yet written');
    expect(leanBody).not.toContain('Sustain — why continue?');
    expect(leanBody).not.toContain('How will the school sustain');
    expect(leanBody).not.toContain('Word count:');
    expect(leanBody).toContain('7. Evaluation');
  });

  it('renders a document whose sections could not be read, or are all empty', async () => {
    const { template, draft, sections } = exportFixture({ corruptEvaluation: true });
    const broken = buildDocument({ template, draft, sections, options: ALL });
    expect(broken.warnings).toHaveLength(1);
    expect((await renderDocx(broken)).length).toBeGreaterThan(1000);
    const nothing = buildDocument({
      template,
      draft,
      sections: [],
      options: { ...ALL, omitEmptySections: true },
    });
    const xml = strFromU8(unzipSync(await renderDocx(nothing))['word/document.xml']!);
    expect(xml).toContain('Nothing has been written yet.');
  });

  it('renders 30,000 words, 10,000 of them in one section', async () => {
    const { template, draft, sections } = largeExportFixture(30_000, 10_000);
    const large = buildDocument({
      template,
      draft,
      sections,
      submission: SUBMISSION,
      options: ALL,
    });
    expect(large.totalWords).toBe(30_000);
    expect(large.sections.find((s) => s.id === 'deliver')!.words!.count).toBe(10_000);
    const xml = strFromU8(unzipSync(await renderDocx(large))['word/document.xml']!);
    expect(xml.length).toBeGreaterThan(30_000 * 5);
    expect(paragraphs(xml).filter((p) => p.style === 'Heading1')).toHaveLength(12);
  });
});

const soffice = (args: string[]) => runSoffice(args, dir);

describe.skipIf(NO_LIBREOFFICE !== undefined)(
  `renderDocx: opened by LibreOffice${NO_LIBREOFFICE ? ` (${NO_LIBREOFFICE})` : ''}`,
  () => {
    let text: string;
    let pdfText: string;
    let pdfPages: number;

    beforeAll(async () => {
      const file = join(dir, 'fixture.docx');
      // Both conversions at once, each with its own profile: about two seconds in all.
      await Promise.all([
        soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, file]),
        soffice(['--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), file]),
      ]);
      text = readFileSync(join(dir, 'fixture.txt'), 'utf8');
      const pdf = join(dir, 'pdf', 'fixture.pdf');
      pdfText = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
      pdfPages = Number(
        /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1],
      );
    }, 60_000);

    it('has the cover page’s details', () => {
      const cover = text.slice(0, text.indexOf('Contents'));
      for (const value of [
        doc.cover.programme,
        'Accreditation Evidence Document',
        PEOPLE.participant,
        PEOPLE.school,
        PEOPLE.mathsHub,
        PEOPLE.cohortLead,
        PEOPLE.cohort,
        'Interim 2',
        '14 March 2026',
      ]) {
        expect(cover).toContain(value);
      }
    });

    it('lists every section in the table of contents', () => {
      const contents = text.slice(text.indexOf('Contents'), text.lastIndexOf('1. About you'));
      expect(
        inOrder(
          contents,
          doc.sections.map((s) => s.heading),
        ),
      ).not.toContain(-1);
    });

    it('has every section’s heading and text, in template order', () => {
      // Each heading is in the contents and again in the body: the body's is the last.
      const headings = doc.sections.map((s) => text.lastIndexOf(s.heading));
      expect(headings).not.toContain(-1);
      expect(headings).toEqual([...headings].sort((a, b) => a - b));
      expect(inOrder(text, Object.values(MARKERS))).not.toContain(-1);
      for (const section of doc.sections) {
        const marker = (MARKERS as Record<string, string>)[section.id];
        if (!marker) continue;
        const at = text.indexOf(marker);
        expect(at, section.id).toBeGreaterThan(text.lastIndexOf(section.heading));
      }
      expect(
        inOrder(text, ['Audit number facts', 'Year 3 first', 'Deep item', 'Plan the PD sessions']),
      ).not.toContain(-1);
    });

    it('keeps maths symbols, accents, right-to-left names and emoji', () => {
      for (const symbol of SYMBOLS) expect(text).toContain(symbol);
      expect(text).toContain('3 × 4 ≤ 15 and ½ of 360° is 180°');
      expect(text).toContain('Siân Hughes-Zoë');
      expect(text).toContain('Zoë Ó Súilleabháin');
      expect(text).toContain('محمد الأحمد');
      expect(text).toContain('🎉');
      for (const symbol of SYMBOLS) expect(pdfText).toContain(symbol);
      expect(pdfText).toContain('Siân');
      expect(pdfText).toContain('محمد');
    });

    it('numbers the pages "Page X of Y"', () => {
      expect(pdfPages).toBeGreaterThan(3);
      expect(pdfText).toContain('Page 1 of');
      expect(pdfText).toContain(`Page ${pdfPages} of ${pdfPages}`);
    });

    it('fits an 8-column table on the page: every column is in the PDF', () => {
      const words = pdfText.replace(/\s+/g, ' ');
      for (const header of WIDE_TABLE_HEADERS) {
        for (const word of header.split(' ')) expect(words).toContain(word);
      }
      // The last column's cells, which a too-wide table would push off the page.
      for (const word of ['Embed', 'arrays', 'Retrieval', 'starters'])
        expect(words).toContain(word);
    });

    it('keeps nested list numbering', () => {
      expect(text).toMatch(/1\.\s+Audit number facts/);
      expect(text).toMatch(/2\.\s+Plan the PD sessions/);
      expect(text).toMatch(/1\.\s+First again/);
      expect(text).toMatch(/5\.\s+Fifth/);
      expect(text).toMatch(/6\.\s+Sixth/);
    });
  },
);
