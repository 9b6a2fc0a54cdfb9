import { describe, expect, it } from 'vitest';
import { prepareImport, readBackup, writeBackup, type Backup } from '../../../../shared/backup';
import { APP_VERSION, SAMPLE_NOW, allDrafts } from '../../../fixtures/backup/sample-drafts';
import { readOptions } from './helpers';

const IMPORT_NOW = SAMPLE_NOW + 86_400_000;

async function sampleBackup(): Promise<Backup> {
  const bytes = await writeBackup({
    drafts: allDrafts(),
    appVersion: APP_VERSION,
    now: SAMPLE_NOW,
  });
  const result = await readBackup(bytes, readOptions);
  if (!result.ok) throw new Error(result.error.detail);
  return result.backup;
}

function counter(prefix = 'new') {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

describe('prepareImport', () => {
  it('gives every draft and snapshot a fresh id, used consistently everywhere', async () => {
    const backup = await sampleBackup();
    const prepared = prepareImport(backup, { newId: counter(), now: IMPORT_NOW });

    const oldIds = new Set([
      ...backup.drafts.map((d) => d.draft.id),
      ...backup.drafts.flatMap((d) => d.snapshots.map((s) => s.id)),
    ]);
    expect(prepared.drafts.map((d) => d.id)).toEqual(['new-1', 'new-5', 'new-7']);
    expect([...prepared.draftIds]).toEqual([
      ['draft-fixture', 'new-1'],
      ['draft-2', 'new-5'],
      ['draft-3', 'new-7'],
    ]);
    const newDraftIds = new Set(prepared.drafts.map((d) => d.id));
    for (const s of prepared.sections) expect(newDraftIds).toContain(s.draftId);
    for (const snapshot of prepared.snapshots) {
      expect(oldIds).not.toContain(snapshot.id);
      expect(newDraftIds).toContain(snapshot.draftId);
      expect(snapshot.draft.id).toBe(snapshot.draftId);
      for (const s of snapshot.sections) expect(s.draftId).toBe(snapshot.draftId);
    }
    expect(new Set(prepared.snapshots.map((s) => s.id)).size).toBe(prepared.snapshots.length);
    // Nothing of the old ids survives anywhere in the records.
    const text = JSON.stringify([prepared.drafts, prepared.sections, prepared.snapshots]);
    for (const id of oldIds) expect(text).not.toContain(`"${id}"`);
    expect(prepared.files.map((f) => [f.draftId, f.name])).toEqual([
      ['new-1', 'lesson-photo.png'],
      ['new-1', 'Plan — été ÷ مدرسة.txt'],
      ['new-7', 'empty.txt'],
    ]);
  });

  it('keeps titles and content as they are; the draft is live and dated now', async () => {
    const backup = await sampleBackup();
    const prepared = prepareImport(backup, { newId: counter(), now: IMPORT_NOW });
    backup.drafts.forEach((item, i) => {
      const draft = prepared.drafts[i]!;
      expect(draft).toEqual({
        ...item.draft,
        id: draft.id,
        updatedAt: IMPORT_NOW,
        deletedAt: null,
      });
      const sections = prepared.sections.filter((s) => s.draftId === draft.id);
      expect(sections).toEqual(item.sections.map((s) => ({ ...s, draftId: draft.id })));
      const snapshots = prepared.snapshots.filter((s) => s.draftId === draft.id);
      expect(snapshots.map(({ id: _, ...rest }) => rest)).toEqual(
        item.snapshots.map(({ id: _, ...s }) => ({
          ...s,
          draftId: draft.id,
          draft: { ...s.draft, id: draft.id },
          sections: s.sections.map((sec) => ({ ...sec, draftId: draft.id })),
        })),
      );
    });
    expect(prepared.drafts[2]!.title).toBe('Trashed draft');
  });

  it('leaves the backup untouched and shares no record object with it', async () => {
    const backup = await sampleBackup();
    const before = structuredClone(backup);
    const prepared = prepareImport(backup, { newId: counter(), now: IMPORT_NOW });
    expect(backup).toStrictEqual(before);
    prepared.sections[0]!.fields.changed = 'yes';
    prepared.snapshots[0]!.sections[0]!.domains.push('changed');
    prepared.snapshots[0]!.draft.title = 'changed';
    expect(backup).toStrictEqual(before);
  });

  it('imports the same backup twice as two separate sets of drafts', async () => {
    const backup = await sampleBackup();
    const newId = counter();
    const first = prepareImport(backup, { newId, now: IMPORT_NOW });
    const second = prepareImport(backup, { newId, now: IMPORT_NOW });
    const ids = (p: typeof first) => [
      ...p.drafts.map((d) => d.id),
      ...p.snapshots.map((s) => s.id),
    ];
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
  });

  it('refuses an id generator that repeats itself, before anything is written', async () => {
    const backup = await sampleBackup();
    expect(() => prepareImport(backup, { newId: () => 'same', now: IMPORT_NOW })).toThrow(/twice/);
  });

  it('drops inline styles from imported sections and snapshots (they can hide exported text)', async () => {
    const backup = await sampleBackup();
    const hide = (json: string | null) => {
      const parsed = JSON.parse(json ?? '{"root":{"type":"root","children":[]}}') as {
        root: { children: unknown[] };
      };
      parsed.root.children.push({
        type: 'paragraph',
        children: [{ type: 'text', text: 'hidden', style: 'font-size:0;color:transparent' }],
      });
      return JSON.stringify(parsed);
    };
    const item = backup.drafts[0]!;
    item.sections[0]!.editorState = hide(item.sections[0]!.editorState);
    const snapshotSection = item.snapshots[0]?.sections[0];
    if (snapshotSection) snapshotSection.editorState = hide(snapshotSection.editorState);

    const prepared = prepareImport(backup, { newId: counter(), now: IMPORT_NOW });
    const states = [
      ...prepared.sections.map((s) => s.editorState),
      ...prepared.snapshots.flatMap((s) => s.sections.map((x) => x.editorState)),
    ].join('\n');
    expect(states).toContain('"hidden"');
    expect(states).not.toContain('font-size:0');
  });
});
