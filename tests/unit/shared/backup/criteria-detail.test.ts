/**
 * A checklist section's `criteriaDetail` (where each criterion is shown, and a note) travels in
 * backups and is checked like everything else read from one; sections without it read as they
 * were written.
 */
import { describe, expect, it } from 'vitest';
import { readBackup, writeBackup, type WriteBackupDraft } from '../../../../shared/backup';
import type { SectionRecord } from '../../../../shared/model';
import { APP_VERSION, SAMPLE_NOW, smallDraft } from '../../../fixtures/backup/sample-drafts';
import { jsonEntry, readJson, relist, repack, unpack, readOptions } from './helpers';
import type { Json } from './helpers';

function withChecklist(detail: unknown): WriteBackupDraft {
  const draft = smallDraft('draft-criteria', 'With criteria');
  const checklist: SectionRecord = {
    draftId: draft.draft.id,
    sectionId: 'criteria',
    editorState: null,
    text: '',
    wordCount: 0,
    fields: {},
    domains: [],
    criteria: { c2: 'partly' },
    criteriaDetail: detail as SectionRecord['criteriaDetail'],
    updatedAt: SAMPLE_NOW,
  };
  return { ...draft, sections: [...draft.sections, checklist] };
}

const write = (drafts: WriteBackupDraft[]) =>
  writeBackup({ drafts, appVersion: APP_VERSION, now: SAMPLE_NOW });

describe('criteriaDetail in a backup', () => {
  it('reads back exactly as written, and a section without it reads without it', async () => {
    const detail = {
      c2: { sections: ['explore', 'deliver'], note: 'Work Groups in the spring ½ term ✍️' },
      c7: { sections: [], note: '' },
    };
    const draft = withChecklist(detail);
    const result = await readBackup(await write([draft]), readOptions);
    if (!result.ok) throw new Error(result.error.detail);
    const sections = result.backup.drafts[0]!.sections;
    expect(sections.find((s) => s.sectionId === 'criteria')!.criteriaDetail).toStrictEqual(detail);
    for (const s of sections.filter((s) => s.sectionId !== 'criteria')) {
      expect(s).not.toHaveProperty('criteriaDetail');
    }
  });

  /** The backup with the checklist's criteriaDetail set to `detail`, as a crafted file would. */
  async function edited(detail: unknown) {
    const entries = unpack(await write([withChecklist({ c2: { sections: [], note: '' } })]));
    const name = entries.find((e) => e.name.endsWith('/draft.json'))!.name;
    const json = readJson(entries.find((e) => e.name === name)!) as {
      sections: Array<{ sectionId: string; criteriaDetail?: Json }>;
    };
    json.sections.find((s) => s.sectionId === 'criteria')!.criteriaDetail = detail as Json;
    const changed = await relist(entries.map((e) => (e.name === name ? jsonEntry(name, json) : e)));
    return readBackup(repack(changed), readOptions);
  }

  it('reads a file edited the same way with a valid detail (the edits below break only that)', async () => {
    const result = await edited({ c5: { sections: ['evaluation'], note: 'Fine.' } });
    expect(result.ok).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a detail that is not an object', { c1: 'shown' }],
    ['sections that are not a list', { c1: { sections: 'explore', note: '' } }],
    ['a section id of the wrong shape', { c1: { sections: ['../explore'], note: '' } }],
    ['a note that is not text', { c1: { sections: [], note: 7 } }],
    ['a note past the limit', { c1: { sections: [], note: 'x'.repeat(100_001) } }],
    ['a key a newer writer added', { c1: { sections: [], note: '', evidence: [] } }],
    ['a missing note', { c1: { sections: [] } }],
    ['a criterion id of the wrong shape', { C1: { sections: [], note: '' } }],
  ])('is refused with %s, and nothing is imported', async (_, detail) => {
    const result = await edited(detail);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-content');
  });

  it('refuses a __proto__ key rather than dropping it', async () => {
    const entries = unpack(await write([withChecklist({ c2: { sections: [], note: '' } })]));
    const name = entries.find((e) => e.name.endsWith('/draft.json'))!.name;
    const text = new TextDecoder()
      .decode(entries.find((e) => e.name === name)!.bytes)
      .replace('"criteriaDetail":{', '"criteriaDetail":{"__proto__":{"sections":[],"note":""},');
    expect(text).toContain('__proto__');
    const changed = await relist(
      entries.map((e) => (e.name === name ? { ...e, bytes: new TextEncoder().encode(text) } : e)),
    );
    const result = await readBackup(repack(changed), readOptions);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-content');
  });
});
