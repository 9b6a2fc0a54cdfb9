import { describe, expect, it } from 'vitest';
import {
  blocksText,
  type Block,
  type ListBlock,
  type ParagraphBlock,
  type TableBlock,
} from '../../../../shared/export/blocks';
import { buildDocument } from '../../../../shared/export/document';
import { CHANGES_SECTION_ID, type ExportOptions } from '../../../../shared/export/document-model';
import { parseEditorState } from '../../../../shared/export/lexical-json';
import { compareDrafts } from '../../../../shared/changes';
import { countWords } from '../../../../shared/word-count';
import { exportFixture, MARKERS, PEOPLE, SYMBOLS } from '../../../fixtures/export/aed-fixture';
import {
  b,
  checkItem,
  checklist,
  editorState,
  editorText,
  fmt,
  h,
  li,
  link,
  ol,
  olFrom,
  p,
  quote,
  table,
  cell,
  ul,
} from '../../../fixtures/export/editor-state';

const ALL: ExportOptions = {
  includeGuidance: true,
  includeWordCounts: true,
  omitEmptySections: false,
};
const SUBMISSION = { label: 'Interim 2', date: new Date(2026, 2, 14, 9, 0) };

function blocksOf(...specs: Parameters<typeof editorState>): Block[] {
  const parsed = parseEditorState(editorState(...specs));
  expect(parsed.ok).toBe(true);
  return parsed.blocks;
}

describe('parseEditorState', () => {
  it('maps Lexical format bits to marks', () => {
    const [para] = blocksOf(
      p(
        b('B'),
        fmt('I', 'italic'),
        fmt('U', 'underline'),
        fmt('S', 'strikethrough'),
        fmt('C', 'code'),
        fmt('sub', 'subscript'),
        fmt('sup', 'superscript'),
        fmt('all', 'bold', 'italic', 'underline', 'strikethrough'),
      ),
    ) as [ParagraphBlock];
    expect(para.runs).toEqual([
      { kind: 'text', text: 'B', bold: true },
      { kind: 'text', text: 'I', italic: true },
      { kind: 'text', text: 'U', underline: true },
      { kind: 'text', text: 'S', strikethrough: true },
      { kind: 'text', text: 'C', code: true },
      { kind: 'text', text: 'sub', subscript: true },
      { kind: 'text', text: 'sup', superscript: true },
      { kind: 'text', text: 'all', bold: true, italic: true, underline: true, strikethrough: true },
    ]);
  });

  it('maps headings into the section outline, whatever tags the editor used', () => {
    const blocks = blocksOf(h('h3', 'Big'), p('x'), h('h5', 'Small'), h('h6', 'Smaller'));
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([2, 3, 4]);
    expect(blocksOf(h('h1', 'Day 1'), h('h2', 'Part'))).toMatchObject([
      { kind: 'heading', level: 2 },
      { kind: 'heading', level: 3 },
    ]);
  });

  it('nests lists as Lexical stores them (a list item holding only a list)', () => {
    const [list] = blocksOf(
      ol(li('one', ul(li('one-a'), li('one-b', ol(li('deep'))))), li('two')),
    ) as [ListBlock];
    expect(list.style).toBe('number');
    expect(list.items.map((it) => it.runs)).toEqual([
      [{ kind: 'text', text: 'one' }],
      [{ kind: 'text', text: 'two' }],
    ]);
    const nested = list.items[0]!.lists[0]!;
    expect(nested.style).toBe('bullet');
    expect(
      nested.items.map((it) => blocksText([{ ...nested, items: [it] }]).split('\n')[0]),
    ).toEqual(['one-a', 'one-b']);
    expect(nested.items[1]!.lists[0]).toMatchObject({
      style: 'number',
      items: [{ runs: [{ text: 'deep' }] }],
    });
  });

  it('keeps a numbered list’s start and a check list’s ticks', () => {
    const [numbered, checks] = blocksOf(
      olFrom(4, li('four')),
      checklist(checkItem(true, 'done'), checkItem(false, 'to do')),
    ) as [ListBlock, ListBlock];
    expect(numbered).toMatchObject({ style: 'number', start: 4 });
    expect(checks.style).toBe('check');
    expect(checks.items.map((it) => it.checked)).toEqual([true, false]);
  });

  it('reads tables with a header row, spans and a column count', () => {
    const [t] = blocksOf(
      table([
        ['A', 'B', 'C'],
        [cell('wide', { colSpan: 2 }), 'c'],
        ['1', '2', '3'],
      ]),
    ) as [TableBlock];
    expect(t.columns).toBe(3);
    expect(t.rows.map((r) => r.header)).toEqual([true, false, false]);
    expect(t.rows[0]!.cells.every((c) => c.header)).toBe(true);
    expect(t.rows[1]!.cells[0]).toMatchObject({ colSpan: 2, header: false });
    expect(blocksText(t.rows[2]!.cells[1]!.blocks)).toBe('2');
    const [plain] = blocksOf(table([['x', 'y']], false)) as [TableBlock];
    expect(plain.rows[0]!.header).toBe(false);
  });

  it('keeps only https: and mailto: links; any other becomes plain text', () => {
    const [para] = blocksOf(
      p(
        link('https://www.ncetm.org.uk/', 'safe'),
        link('mailto:a@example.org', 'mail'),
        link('javascript:alert(1)', 'script'),
        link('http://example.org/', 'insecure'),
        link('data:text/html,hi', 'data'),
      ),
    ) as [ParagraphBlock];
    expect(para.runs).toEqual([
      { kind: 'link', href: 'https://www.ncetm.org.uk/', runs: [{ kind: 'text', text: 'safe' }] },
      { kind: 'link', href: 'mailto:a@example.org', runs: [{ kind: 'text', text: 'mail' }] },
      { kind: 'text', text: 'script' },
      { kind: 'text', text: 'insecure' },
      { kind: 'text', text: 'data' },
    ]);
  });

  it('keeps quotes, line breaks and tabs', () => {
    const blocks = blocksOf(
      quote('Said a pupil'),
      p('a', { kind: 'break' }, 'b', { kind: 'tab' }, 'c'),
    );
    expect(blocks[0]).toEqual({ kind: 'quote', runs: [{ kind: 'text', text: 'Said a pupil' }] });
    expect((blocks[1] as ParagraphBlock).runs.map((r) => r.kind)).toEqual([
      'text',
      'break',
      'text',
      'tab',
      'text',
    ]);
  });

  it('drops empty paragraphs, so an untouched editor is an empty section', () => {
    expect(blocksOf()).toEqual([]);
    expect(blocksOf(p(''), p('  '), p('kept'))).toHaveLength(1);
    expect(parseEditorState(null)).toEqual({ ok: true, blocks: [] });
  });

  it('degrades unknown nodes to their text and never throws on corrupt JSON', () => {
    const state = JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'equation', equation: 'x^2', text: 'x²', version: 1 },
          {
            type: 'collapsible-container',
            children: [
              { type: 'paragraph', children: [{ type: 'text', text: 'inside', format: 0 }] },
            ],
          },
          {
            type: 'paragraph',
            children: [
              { type: 'mention', text: '@Zoë' },
              { type: 'text', text: ' hi', format: 'bogus' },
            ],
          },
          null,
          42,
          {
            type: 'list',
            listType: 'number',
            start: -3,
            children: [
              { type: 'listitem', children: 'nope' },
              { type: 'listitem', children: [{ type: 'text', text: 'ok' }] },
            ],
          },
          {
            type: 'table',
            children: [
              {
                type: 'tablerow',
                children: [{ type: 'tablecell', colSpan: 1e9, headerState: 'x', children: [] }],
              },
            ],
          },
        ],
      },
    });
    const parsed = parseEditorState(state);
    expect(parsed.ok).toBe(true);
    expect(blocksText(parsed.blocks)).toBe('x²\ninside\n@Zoë hi\nok\n');
    const list = parsed.blocks[3] as ListBlock;
    expect(list.start).toBe(1);
    expect((parsed.blocks[4] as TableBlock).rows[0]!.cells[0]!.colSpan).toBeLessThanOrEqual(64);

    for (const bad of [
      '{"root": {"children": [',
      '[]',
      '{"root": 1}',
      'null',
      '"text"',
      '{"root":{"children":{}}}',
    ]) {
      const result = parseEditorState(bad);
      expect(result.ok, bad).toBe(false);
      expect(result.blocks).toEqual([]);
    }
  });

  it('survives deep nesting and characters XML cannot hold', () => {
    // Written as text: JSON.stringify itself can't nest this deep.
    const depth = 5000;
    const deep = `{"root":{"children":[${'{"type":"quote","children":['.repeat(depth)}{"type":"text","text":"deep"}${']}'.repeat(depth)}]}}`;
    expect(() => parseEditorState(deep)).not.toThrow();

    const state = JSON.stringify({
      root: {
        children: [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: 'a\u0000b\u000bc\ud800d', format: 0 }],
          },
        ],
      },
    });
    const [para] = parseEditorState(state).blocks as [ParagraphBlock];
    expect(para.runs).toEqual([
      { kind: 'text', text: 'ab' },
      { kind: 'break' },
      { kind: 'text', text: 'c\ufffdd' },
    ]);
  });

  it('counts the words the editor counts', () => {
    const specs = [
      h('h2', 'A heading'),
      p('Three × four ≤ 15, said Zoë 🎉.'),
      ul(li('one', ul(li('two words'))), li('three')),
      table([
        ['a b', 'c'],
        ['d', 'e f g'],
      ]),
    ];
    expect(countWords(blocksText(blocksOf(...specs)))).toBe(countWords(editorText(...specs)));
  });
});

describe('buildDocument', () => {
  it('fills the cover from the fields marked with cover roles', () => {
    const { template, draft, sections } = exportFixture();
    const doc = buildDocument({ template, draft, sections, submission: SUBMISSION, options: ALL });
    expect(doc.cover).toEqual({
      title: 'Accreditation Evidence Document',
      templateName: 'School Development Lead Programme AED',
      programme: 'Maths Hubs School Development Lead Programme',
      participant: PEOPLE.participant,
      school: PEOPLE.school,
      mathsHub: PEOPLE.mathsHub,
      cohortLead: PEOPLE.cohortLead,
      cohort: PEOPLE.cohort,
      label: 'Interim 2',
      isSubmission: true,
      date: '14 March 2026',
      isoDate: '2026-03-14',
    });
    expect(doc.runningHeader).toBe(`${PEOPLE.participant} · Interim 2`);
    expect(doc.properties).toMatchObject({ author: PEOPLE.participant });
  });

  it('is a draft, dated today, when it is not a submission', () => {
    const { template, draft, sections } = exportFixture();
    const doc = buildDocument({
      template,
      draft,
      sections,
      options: ALL,
      now: new Date(2025, 0, 5),
    });
    expect(doc.cover).toMatchObject({
      label: 'Draft',
      isSubmission: false,
      date: '5 January 2025',
      isoDate: '2025-01-05',
    });
  });

  it('puts sections in template order, numbered, with fields, domains, criteria and counts', () => {
    const { template, draft, sections } = exportFixture();
    const doc = buildDocument({
      template,
      draft,
      sections: [...sections].reverse(),
      submission: SUBMISSION,
      options: ALL,
    });
    expect(doc.sections.map((s) => s.id)).toEqual(template.sections.map((s) => s.id));
    expect(doc.sections[3]!.heading).toBe('4. Explore — why this initiative?');

    const school = doc.sections.find((s) => s.id === 'school')!;
    expect(school.fields).toEqual([
      { label: 'School name(s)', value: PEOPLE.school },
      { label: 'Phase', value: 'Primary' },
      { label: 'Type', value: 'Multi-academy trust (MAT)' },
      { label: 'Pupils on roll', value: '1,234' },
      {
        label: 'School leaders you work alongside (roles)',
        value: 'Headteacher; maths lead (Zoë Ó Súilleabháin)',
      },
    ]);
    expect(doc.sections.find((s) => s.id === 'about-you')!.fields.at(-1)).toEqual({
      label: 'Your role',
      value: 'Assistant headteacher and Mastery Specialist',
    });

    // Domains are labels in the template's order, not the order they were ticked.
    expect(doc.sections.find((s) => s.id === 'initiative')!.domains).toEqual([
      'Maths curriculum and assessment',
      'Maths pedagogy',
    ]);
    expect(doc.sections.find((s) => s.id === 'evaluation')!.domains).toBeNull();

    const criteria = doc.sections.find((s) => s.id === 'criteria')!.criteria!;
    expect(criteria).toHaveLength(7);
    expect(criteria.slice(0, 3).map((c) => [c.number, c.assessment, c.label])).toEqual([
      [1, 'met', 'Met'],
      [2, 'partly', 'Partly'],
      [3, null, 'Not yet'],
    ]);
    expect(criteria[0]!.text).toMatch(/^Supports schools/);

    const explore = doc.sections.find((s) => s.id === 'explore')!;
    expect(explore.words!.label).toMatch(/^\d+ of about 800 words$/);
    expect(explore.guidance).toEqual(template.sections[3]!.guidance);
    expect(doc.sections.find((s) => s.id === 'about-you')!.words).toBeNull();
    expect(doc.totalWords).toBe(doc.sections.reduce((sum, s) => sum + (s.words?.count ?? 0), 0));

    const text = doc.sections.map((s) => blocksText(s.blocks)).join('\n');
    for (const symbol of SYMBOLS) expect(text).toContain(symbol);
    for (const marker of Object.values(MARKERS)) expect(text).toContain(marker);
  });

  it('marks empty sections, or leaves them out and numbers the rest without gaps', () => {
    const { template, draft, sections } = exportFixture();
    const marked = buildDocument({ template, draft, sections, options: ALL });
    expect(marked.sections.filter((s) => s.empty).map((s) => s.id)).toEqual([
      'sustain',
      'evidence',
      'feedback',
    ]);

    const omitted = buildDocument({
      template,
      draft,
      sections,
      options: { ...ALL, omitEmptySections: true },
    });
    expect(omitted.sections.map((s) => s.id)).not.toContain('sustain');
    expect(omitted.sections.map((s) => s.number)).toEqual(omitted.sections.map((_, i) => i + 1));
    expect(omitted.sections.find((s) => s.id === 'evaluation')!.heading).toBe('7. Evaluation');
  });

  it('leaves guidance and word counts out unless asked for', () => {
    const { template, draft, sections } = exportFixture();
    const doc = buildDocument({
      template,
      draft,
      sections,
      options: { includeGuidance: false, includeWordCounts: false, omitEmptySections: false },
    });
    expect(doc.sections.every((s) => s.guidance.length === 0 && s.words === null)).toBe(true);
  });

  it('turns a corrupt editor state into a warning and an empty section, not an exception', () => {
    const { template, draft, sections } = exportFixture({ corruptEvaluation: true });
    const doc = buildDocument({ template, draft, sections, submission: SUBMISSION, options: ALL });
    expect(doc.warnings).toEqual([
      { sectionId: 'evaluation', message: expect.stringContaining('Evaluation') as string },
    ]);
    const evaluation = doc.sections.find((s) => s.id === 'evaluation')!;
    expect(evaluation).toMatchObject({ blocks: [], empty: true });
  });

  it('lists sections and their main headings as contents', () => {
    const { template, draft, sections } = exportFixture();
    const doc = buildDocument({ template, draft, sections, options: ALL });
    const reflection = doc.contents.filter((c) => c.sectionId === 'reflection');
    expect(reflection).toEqual([
      {
        level: 1,
        text: '9. Reflection on your development as an SD Lead',
        sectionId: 'reflection',
      },
      { level: 2, text: 'Day 1', sectionId: 'reflection' },
      { level: 2, text: 'Day 2', sectionId: 'reflection' },
    ]);
  });

  it('copes with missing records and odd stored values', () => {
    const { template, draft } = exportFixture();
    const odd = {
      draftId: draft.id,
      sectionId: 'school',
      editorState: null,
      text: '',
      wordCount: 0,
      fields: { 'school-name': '  ', pupils: Number.NaN, phase: 'Primary' },
      domains: [],
      criteria: {},
      updatedAt: 0,
    };
    const doc = buildDocument({
      template,
      draft: { ...draft, title: '  ' },
      sections: [odd],
      options: ALL,
    });
    expect(doc.cover.title).toBe(template.name);
    expect(doc.cover.participant).toBeNull();
    expect(doc.runningHeader).toBe(`${template.name} · Draft`);
    expect(
      doc.sections
        .find((s) => s.id === 'school')!
        .fields.slice(0, 4)
        .map((f) => f.value),
    ).toEqual([null, 'Primary', null, null]);
  });
});

describe('the changes summary for the Cohort Lead', () => {
  it('is appended as a last section listing each changed section and its added passages', () => {
    const { template, draft, sections } = exportFixture();
    const withExplore = (text: string) =>
      sections.map((s) => (s.sectionId === 'explore' ? { ...s, text } : s));
    const changes = compareDrafts(
      template,
      withExplore('Pupils found fractions hard.'),
      withExplore('Pupils in Year 4 found fractions hard after the move to bar models.'),
    );
    const doc = buildDocument({
      template,
      draft,
      sections,
      submission: SUBMISSION,
      options: ALL,
      changes: { since: 'Interim 1', sections: changes },
    });
    const last = doc.sections[doc.sections.length - 1]!;
    expect(last.id).toBe(CHANGES_SECTION_ID);
    expect(last.heading).toBe(`${doc.sections.length}. Changes since Interim 1`);
    const text = blocksText(last.blocks);
    expect(text).toContain('Explore — why this initiative?');
    expect(text).toContain('9 words added, 0 removed.');
    expect(text).toContain('“in Year 4”');
    expect(last.blocks.some((b) => b.kind === 'list')).toBe(true);
    expect(doc.contents.filter((e) => e.level === 1).at(-1)?.text).toBe(
      `${doc.sections.length}. Changes since Interim 1`,
    );
  });

  it('says so when nothing changed', () => {
    const { template, draft, sections } = exportFixture();
    const doc = buildDocument({
      template,
      draft,
      sections,
      options: ALL,
      changes: { since: 'Interim 1', sections: compareDrafts(template, sections, sections) },
    });
    expect(blocksText(doc.sections.at(-1)!.blocks)).toBe('Nothing has changed since Interim 1.');
  });
});
