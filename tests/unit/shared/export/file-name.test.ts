import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../../shared/export/document';
import {
  documentFileName,
  exportFileName,
  MAX_FILE_NAME_LENGTH,
  sanitizeFileName,
} from '../../../../shared/export/file-name';

const DATE = new Date(2026, 2, 14, 23, 59);
const name = (participant: string | null, label: string | null = 'Interim 2', extension = 'docx') =>
  exportFileName({ participant, label, date: DATE, extension });

import { exportFixture } from '../../../fixtures/export/aed-fixture';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

describe('exportFileName', () => {
  it('says what the file is', () => {
    expect(name('Jane Smith')).toBe('AED - Jane Smith - Interim 2 - 2026-03-14.docx');
    expect(name('Jane Smith', 'Final', '.pdf')).toBe('AED - Jane Smith - Final - 2026-03-14.pdf');
  });

  it('says "Draft" when the export is not a submission', () => {
    expect(name('Jane Smith', null)).toBe('AED - Jane Smith - Draft - 2026-03-14.docx');
    expect(name('Jane Smith', '  ')).toBe('AED - Jane Smith - Draft - 2026-03-14.docx');
  });

  it('falls back to the draft title, then to "Untitled", without a participant name', () => {
    expect(
      exportFileName({
        participant: '',
        draftTitle: 'My AED 2025–26',
        label: null,
        date: DATE,
        extension: 'docx',
      }),
    ).toBe('AED - My AED 2025–26 - Draft - 2026-03-14.docx');
    expect(name(null, 'Final')).toBe('AED - Untitled - Final - 2026-03-14.docx');
    expect(name('???', 'Final')).toBe('AED - Untitled - Final - 2026-03-14.docx');
  });

  it('replaces characters unsafe on Windows, macOS or Linux', () => {
    const result = name('Jane "JJ" <Smith>: a/b\\c|d?e*f', 'Interim 1/2');
    expect(result).toBe("AED - Jane 'JJ' -Smith-- a-b-c-d-e-f - Interim 1-2 - 2026-03-14.docx");
    expect(result).not.toMatch(/[<>:"/\\|?*]/);
  });

  it('removes control and bidirectional-override characters and collapses whitespace', () => {
    // A right-to-left override (U+202E) would show "Smith<U+202E>xcod.exe" as "Smithexe.docx".
    expect(name('Jane\u0000\t\n  Smith\u202excod.exe', 'Final')).toBe(
      'AED - Jane Smith xcod.exe - Final - 2026-03-14.docx',
    );
  });

  it('keeps Unicode letters, composed', () => {
    expect(name('Siân Hughes')).toBe('AED - Siân Hughes - Interim 2 - 2026-03-14.docx');
    expect(name('Zoe\u0308 Łukasz')).toBe('AED - Zoë Łukasz - Interim 2 - 2026-03-14.docx');
    expect(name('محمد الأحمد')).toBe('AED - محمد الأحمد - Interim 2 - 2026-03-14.docx');
    expect(name('Jane 🎉 Smith')).toBe('AED - Jane 🎉 Smith - Interim 2 - 2026-03-14.docx');
  });

  it('cuts a long name, keeping the label, date and extension', () => {
    const result = name('Jane '.repeat(100), 'Final');
    expect(result.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(result).toMatch(/^AED - Jane Jane .* - Final - 2026-03-14\.docx$/);
    expect(result).not.toMatch(/ {2}| - - /);
  });

  it('keeps a long name within the bytes a file system allows, never splitting a character', () => {
    const result = name('محمد '.repeat(60) + '👩🏽‍🏫'.repeat(40), 'Final');
    expect(utf8Bytes(result)).toBeLessThanOrEqual(240);
    expect(result).toMatch(/ - Final - 2026-03-14\.docx$/);
    expect(result).not.toContain('\ufffd');
    expect(result).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/,
    );
  });

  it('cuts a very long label too, keeping the extension', () => {
    const result = name('Jane Smith', 'Interim '.repeat(40));
    expect(result.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(result).toMatch(/^AED - Jane Smith - Interim Interim.*\.docx$/);
    expect(result).not.toMatch(/[ .]\.docx$/);
  });
});

describe('documentFileName', () => {
  it('names an export document from its cover', () => {
    const { template, draft, sections } = exportFixture();
    const options = { includeGuidance: false, includeWordCounts: false, omitEmptySections: false };
    const submitted = buildDocument({
      template,
      draft,
      sections,
      submission: { label: 'Interim 2', date: DATE },
      options,
    });
    expect(documentFileName(submitted, 'docx')).toBe(
      'AED - Siân Hughes-Zoë - Interim 2 - 2026-03-14.docx',
    );
    const untitled = buildDocument({ template, draft, sections: [], options, now: DATE });
    expect(documentFileName(untitled, 'pdf')).toBe(
      'AED - Accreditation Evidence Document - Draft - 2026-03-14.pdf',
    );
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['CON', '_CON'],
    ['con.docx', '_con.docx'],
    ['NUL.txt', '_NUL.txt'],
    ['COM1.pdf', '_COM1.pdf'],
    ['lpt9', '_lpt9'],
    ['CONSOLE.docx', 'CONSOLE.docx'],
    ['AED - CON - Draft.docx', 'AED - CON - Draft.docx'],
  ])('does not produce a reserved Windows name: %j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });

  it.each([
    ['report. . .', 'report'],
    ['  .hidden name  ', 'hidden name'],
    ['...', 'Untitled'],
    ['', 'Untitled'],
    ['St. Mary’s', 'St. Mary’s'],
    ['name .docx', 'name.docx'],
  ])('has no leading or trailing dots or spaces: %j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected);
  });
});
