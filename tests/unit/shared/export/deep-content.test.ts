// Deep lists and deep nesting in exports (issue 9 item 5): every level is printed, the visible
// indent stops at Word's nine levels, no word is left out, and the export says what it changed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { blocksText, type Block, type ListBlock } from '../../../../shared/export/blocks';
import { buildDocument } from '../../../../shared/export/document';
import { renderDocx } from '../../../../shared/export/docx';
import { parseEditorState } from '../../../../shared/export/lexical-json';
import { exportFixture } from '../../../fixtures/export/aed-fixture';
import { deepListDocument, items, nestedList } from '../../../fixtures/export/deep-list';
import { editorState, p } from '../../../fixtures/export/editor-state';
import { findPythonWithDocx, missingReaders } from '../../../fixtures/readers';

const ALL = { includeGuidance: false, includeWordCounts: false, omitEmptySections: true };

/** How many levels of lists the blocks nest (1 for a flat list). */
function listLevels(blocks: readonly Block[]): number {
  let max = 0;
  const pending: { list: ListBlock; level: number }[] = blocks
    .filter((b): b is ListBlock => b.kind === 'list')
    .map((list) => ({ list, level: 1 }));
  while (pending.length > 0) {
    const { list, level } = pending.pop()!;
    max = Math.max(max, level);
    for (const item of list.items) {
      for (const nested of item.lists) pending.push({ list: nested, level: level + 1 });
    }
  }
  return max;
}

describe('deep lists in the export', () => {
  it('prints every item of a list nested 70 deep, in order, indented at most nine levels', () => {
    const parsed = parseEditorState(editorState(p('Intro'), nestedList(70, 'alternate')));
    expect(parsed.ok).toBe(true);
    expect(blocksText(parsed.blocks).split('\n')).toEqual(['Intro', ...items(70)]);
    expect(listLevels(parsed.blocks)).toBe(9);
    expect(parsed.ok && parsed.notes).toEqual([
      'lists nested more than 9 levels deep are printed at the ninth level, as Word has nine',
    ]);
  });

  it('prints a list nested 1,000 deep without overflowing the stack', () => {
    const parsed = parseEditorState(editorState(nestedList(1_000)));
    expect(blocksText(parsed.blocks).split('\n')).toEqual(items(1_000));
    expect(listLevels(parsed.blocks)).toBe(9);
  });

  it('says nothing of lists within nine levels', () => {
    const parsed = parseEditorState(editorState(nestedList(9)));
    expect(listLevels(parsed.blocks)).toBe(9);
    expect(parsed.ok && parsed.notes).toBeUndefined();
  });

  it('keeps the words of content nested past the tree limit, as plain text', () => {
    const depth = 5000;
    const deep = `{"root":{"children":[${'{"type":"quote","children":['.repeat(depth)}{"type":"text","text":"deep words"}${']}'.repeat(depth)}]}}`;
    const parsed = parseEditorState(deep);
    expect(blocksText(parsed.blocks)).toBe('deep words');
    expect(parsed.ok && parsed.notes?.[0]).toMatch(/printed as plain text/);
  });

  it('puts every item in the Word file and the export’s warnings', async () => {
    const { template, draft, sections } = exportFixture();
    const explore = sections.find((s) => s.sectionId === 'explore')!;
    explore.editorState = editorState(nestedList(70));
    const doc = buildDocument({ template, draft, sections, options: ALL });
    expect(doc.warnings).toEqual([
      {
        sectionId: 'explore',
        message:
          '“Explore — why this initiative?”: lists nested more than 9 levels deep are printed at the ninth level, as Word has nine.',
      },
    ]);
    const xml = strFromU8(unzipSync(await renderDocx(doc))['word/document.xml']!);
    for (const item of items(70)) expect(xml).toContain(`>${item}<`);
    const levels = [...xml.matchAll(/<w:ilvl w:val="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(Math.max(...levels)).toBe(8);
  });
});

// Each body paragraph's text and, for a list paragraph, its Word list level (w:ilvl).
const READ_LEVELS = `
import docx, json, sys
d = docx.Document(sys.argv[1])
out = []
for p in d.paragraphs:
    numPr = p._p.pPr.numPr if p._p.pPr is not None else None
    level = numPr.ilvl.val if numPr is not None and numPr.ilvl is not None else None
    out.append({"text": p.text, "level": level})
print(json.dumps(out))
`;

const noPython = missingReaders('python-docx');

describe.skipIf(noPython !== undefined)(
  `a list nested 100 deep, read by python-docx${noPython ? ` (${noPython})` : ''}`,
  () => {
    it('keeps every item’s text, in order, on Word’s nine list levels', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aed-deep-list-'));
      try {
        const file = join(dir, 'deep.docx');
        writeFileSync(file, await renderDocx(deepListDocument(100)));
        // In CI a missing python-docx is not skipped: this throws, and the run fails.
        const python = findPythonWithDocx() ?? 'python3';
        const read = JSON.parse(
          execFileSync(python, ['-c', READ_LEVELS, file], { encoding: 'utf8' }),
        ) as { text: string; level: number | null }[];
        const texts = read.map((r) => r.text);
        const start = texts.indexOf('Intro');
        expect(texts.slice(start, start + 102)).toEqual([
          'Intro',
          ...items(100),
          'After the list.',
        ]);
        const levels = read.slice(start + 1, start + 101).map((r) => r.level);
        expect(levels.slice(0, 9)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
        expect(new Set(levels.slice(9))).toEqual(new Set([8]));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 30_000);
  },
);
