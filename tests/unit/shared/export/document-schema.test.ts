import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../../shared/export/document';
import type { ExportDocument } from '../../../../shared/export/document-model';
import { exportDocumentSchema, printJobSchema } from '../../../../shared/export/document-schema';
import { compareDrafts } from '../../../../shared/changes';
import { exportFixture, largeExportFixture } from '../../../fixtures/export/aed-fixture';

const ALL = { includeGuidance: true, includeWordCounts: true, omitEmptySections: false };

function fixtureDocument(): ExportDocument {
  const { template, draft, sections } = exportFixture();
  return buildDocument({
    template,
    draft,
    sections,
    submission: { label: 'Interim 2', date: new Date(2026, 2, 14) },
    options: ALL,
    changes: { since: 'Interim 1', sections: compareDrafts(template, [], sections) },
  });
}

describe('exportDocumentSchema', () => {
  it('accepts every document the builder makes, unchanged', () => {
    const doc = fixtureDocument();
    // Lists, tables, links, headings, a checklist, criteria, fields and a changes summary.
    const json = JSON.stringify(doc);
    for (const kind of ['"list"', '"table"', '"link"', '"heading"', '"quote"', '"check"']) {
      expect(json).toContain(kind);
    }
    expect(exportDocumentSchema.parse(doc)).toEqual(doc);
    const { template, draft, sections } = largeExportFixture();
    const large = buildDocument({ template, draft, sections, options: ALL });
    expect(exportDocumentSchema.safeParse(large).success).toBe(true);
  });

  it('survives the trip through JSON that the web build’s hand-over makes', () => {
    const doc = fixtureDocument();
    expect(exportDocumentSchema.parse(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it.each([
    ['a javascript: link', (d: ExportDocument) => withFirstBlock(d, link('javascript:alert(1)'))],
    ['an http: link', (d: ExportDocument) => withFirstBlock(d, link('http://example.com/'))],
    ['an unknown block', (d: ExportDocument) => withFirstBlock(d, { kind: 'image', src: 'x' })],
    ['a field the model does not have', (d: ExportDocument) => ({ ...d, script: 'x' })],
    [
      'a cover without its label',
      (d: ExportDocument) => ({ ...d, cover: { ...d.cover, label: undefined } }),
    ],
    [
      'a heading level outside 2–4',
      (d: ExportDocument) => withFirstBlock(d, { kind: 'heading', level: 1, runs: [] }),
    ],
  ])('refuses %s', (_name, spoil) => {
    expect(exportDocumentSchema.safeParse(spoil(fixtureDocument())).success).toBe(false);
  });
});

describe('printJobSchema', () => {
  it('takes a draft id, a document and a file name, and nothing else', () => {
    const job = { draftId: 'd1', document: fixtureDocument(), fileName: 'AED.pdf' };
    expect(printJobSchema.safeParse(job).success).toBe(true);
    expect(printJobSchema.safeParse({ ...job, draftId: '../d1' }).success).toBe(false);
    expect(printJobSchema.safeParse({ ...job, fileName: '  ' }).success).toBe(false);
    expect(printJobSchema.safeParse({ ...job, printUrlHash: '#/print/d1' }).success).toBe(false);
  });
});

function link(href: string) {
  return { kind: 'paragraph', runs: [{ kind: 'link', href, runs: [{ kind: 'text', text: 'x' }] }] };
}

function withFirstBlock(doc: ExportDocument, block: unknown): unknown {
  const [first, ...rest] = doc.sections;
  return { ...doc, sections: [{ ...first!, blocks: [block, ...first!.blocks] }, ...rest] };
}
