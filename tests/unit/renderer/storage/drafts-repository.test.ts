import Dexie, { liveQuery, type DBCore } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../shared/templates';
import type { AedDatabase } from '../../../../renderer/src/storage/db';
import {
  createDraftsRepository,
  DraftNotFoundError,
  type DraftsRepository,
} from '../../../../renderer/src/storage/drafts-repository';
import type { SnapshotRecord } from '../../../../renderer/src/storage/snapshot-types';
import { openTestDatabase, testClock } from './storage-test-helpers';

const TEMPLATE = 'sdlp-aed';
const templateSectionIds = getTemplate(TEMPLATE).sections.map((s) => s.id);

let db: AedDatabase;
let clock: ReturnType<typeof testClock>;
let repo: DraftsRepository;

beforeEach(() => {
  db = openTestDatabase();
  clock = testClock();
  repo = createDraftsRepository(db, { now: clock.now });
});

afterEach(async () => {
  await db.delete();
});

/** Creates drafts one clock tick apart, so their order is known. */
async function createDrafts(...titles: string[]) {
  const drafts = [];
  for (const title of titles) {
    drafts.push(await repo.createDraft({ title, templateId: TEMPLATE }));
    clock.advance(1000);
  }
  return drafts;
}

function snapshotOf(draftId: string, id: string): SnapshotRecord {
  return {
    id,
    draftId,
    createdAt: clock.now(),
    kind: 'manual',
    label: 'Before the holidays',
    wordCount: 0,
    draft: {
      id: draftId,
      title: 'x',
      templateId: TEMPLATE,
      templateVersion: 1,
      createdAt: 0,
      updatedAt: 0,
      deletedAt: null,
      lastSectionId: null,
    },
    sections: [],
  };
}

describe('createDraft', () => {
  it('creates the draft and one empty section for every template section', async () => {
    const draft = await repo.createDraft({ title: '  My AED 2026  ', templateId: TEMPLATE });

    expect(draft).toMatchObject({
      title: 'My AED 2026',
      templateId: TEMPLATE,
      templateVersion: getTemplate(TEMPLATE).version,
      createdAt: clock.now(),
      updatedAt: clock.now(),
      deletedAt: null,
      lastSectionId: null,
    });
    expect(await repo.getDraft(draft.id)).toEqual(draft);
    const sections = await repo.getSections(draft.id);
    expect(sections.map((s) => s.sectionId)).toEqual(templateSectionIds);
    for (const s of sections) {
      expect(s).toEqual({
        draftId: draft.id,
        sectionId: s.sectionId,
        editorState: null,
        text: '',
        wordCount: 0,
        fields: {},
        domains: [],
        criteria: {},
        updatedAt: clock.now(),
      });
    }
  });

  it('names a draft with a blank title "Untitled draft"', async () => {
    const draft = await repo.createDraft({ title: '   ', templateId: TEMPLATE });
    expect(draft.title).toBe('Untitled draft');
  });

  it('gives each draft its own id', async () => {
    const [a, b] = await createDrafts('A', 'B');
    expect(a!.id).not.toBe(b!.id);
    expect(a!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects an unknown template and stores nothing', async () => {
    await expect(repo.createDraft({ title: 'X', templateId: 'no-such' })).rejects.toThrow(
      /no-such/,
    );
    expect(await db.drafts.count()).toBe(0);
    expect(await db.sections.count()).toBe(0);
  });

  it('surfaces a failed write and leaves no half-made draft', async () => {
    const clashing = createDraftsRepository(db, { now: clock.now, newId: () => 'same-id' });
    await clashing.createDraft({ title: 'First', templateId: TEMPLATE });
    await db.sections.where('draftId').equals('same-id').delete();

    await expect(clashing.createDraft({ title: 'Second', templateId: TEMPLATE })).rejects.toThrow(
      Dexie.ConstraintError,
    );
    // The transaction rolled back: the sections of the failed draft were not written either.
    expect(await db.sections.count()).toBe(0);
    expect((await repo.getDraft('same-id'))!.title).toBe('First');
  });
});

describe('listDrafts and listTrash', () => {
  it('lists drafts most recently edited first, leaving out the trash', async () => {
    const [a, b, c] = await createDrafts('A', 'B', 'C');
    expect((await repo.listDrafts()).map((d) => d.title)).toEqual(['C', 'B', 'A']);

    await repo.saveSection(a!.id, 'initiative', { text: 'Edited' });
    expect((await repo.listDrafts()).map((d) => d.title)).toEqual(['A', 'C', 'B']);

    await repo.trashDraft(c!.id);
    expect((await repo.listDrafts()).map((d) => d.id)).toEqual([a!.id, b!.id]);
  });

  it('lists the trash most recently trashed first', async () => {
    const [a, b] = await createDrafts('A', 'B', 'C');
    await repo.trashDraft(b!.id);
    clock.advance(10);
    await repo.trashDraft(a!.id);
    expect((await repo.listTrash()).map((d) => d.title)).toEqual(['A', 'B']);
  });

  it('works inside liveQuery, re-running when a section is saved', async () => {
    // liveQuery only runs where Dexie sees a global IndexedDB, as in the browser; Node has none.
    Dexie.dependencies.indexedDB = indexedDB;
    Dexie.dependencies.IDBKeyRange = IDBKeyRange;
    const [a] = await createDrafts('A', 'B');
    const seen: string[][] = [];
    const subscription = liveQuery(() => repo.listDrafts()).subscribe({
      next: (drafts) => seen.push(drafts.map((d) => d.title)),
    });
    try {
      await expect.poll(() => seen.length).toBe(1);
      await repo.saveSection(a!.id, 'explore', { text: 'We looked at the data' });
      await expect.poll(() => seen.at(-1)).toEqual(['A', 'B']);
      expect(seen[0]).toEqual(['B', 'A']);
    } finally {
      subscription.unsubscribe();
    }
  });
});

describe('searchDrafts', () => {
  it('finds drafts by title, ignoring case and accents', async () => {
    await createDrafts('Café maths project', 'Other');
    const results = await repo.searchDrafts('CAFE');
    expect(results.map((r) => r.draft.title)).toEqual(['Café maths project']);
    expect(results[0]!.titleMatch).toBe(true);
    expect(results[0]!.matches).toEqual([]);
  });

  it('finds drafts by section text and says which section matched, with a snippet', async () => {
    const [a, b] = await createDrafts('A', 'B');
    await repo.saveSection(a!.id, 'deliver', {
      text: 'Staff voice showed that the Élève approach\nhelped pupils reason about fractions.',
    });
    await repo.saveSection(b!.id, 'explore', { text: 'Nothing relevant here.' });

    const results = await repo.searchDrafts('eleve APPROACH helped');
    expect(results).toHaveLength(1);
    expect(results[0]!.draft.id).toBe(a!.id);
    expect(results[0]!.titleMatch).toBe(false);
    expect(results[0]!.matches).toEqual([
      {
        sectionId: 'deliver',
        fieldId: null,
        snippet: {
          before: 'Staff voice showed that the ',
          match: 'Élève approach helped',
          after: ' pupils reason about fractions.',
        },
      },
    ]);
  });

  it('finds drafts by field values, text and numbers alike', async () => {
    const [a] = await createDrafts('A');
    await repo.saveSection(a!.id, 'school', { fields: { 'school-name': 'St Ébbe’s Primary' } });
    await repo.saveSection(a!.id, 'about-you', { fields: { 'full-name': 'Jo Bloggs', cohort: 7 } });

    const byName = await repo.searchDrafts("st ebbe's");
    expect(byName[0]!.matches).toEqual([
      {
        sectionId: 'school',
        fieldId: 'school-name',
        snippet: { before: '', match: 'St Ébbe’s', after: ' Primary' },
      },
    ]);
    const byNumber = await repo.searchDrafts('7');
    expect(byNumber[0]!.matches.map((m) => [m.sectionId, m.fieldId])).toEqual([
      ['about-you', 'cohort'],
    ]);
  });

  it('reports every matching section in template order, newest draft first', async () => {
    const [a, b] = await createDrafts('A', 'B');
    await repo.saveSection(a!.id, 'sustain', { text: 'Work Group models continue.' });
    await repo.saveSection(a!.id, 'explore', { text: 'A Work Group began it.' });
    clock.advance(10);
    await repo.saveSection(b!.id, 'evaluation', { text: 'The work group was effective.' });

    const results = await repo.searchDrafts('work group');
    expect(results.map((r) => r.draft.title)).toEqual(['B', 'A']);
    expect(results[1]!.matches.map((m) => m.sectionId)).toEqual(['explore', 'sustain']);
  });

  it('leaves out trashed drafts and drafts that do not match', async () => {
    const [a] = await createDrafts('Fractions', 'Fractions too');
    await repo.trashDraft(a!.id);
    expect((await repo.searchDrafts('fractions')).map((r) => r.draft.title)).toEqual([
      'Fractions too',
    ]);
    expect(await repo.searchDrafts('algebra')).toEqual([]);
  });

  it('lists every draft for a blank query', async () => {
    await createDrafts('A', 'B');
    const results = await repo.searchDrafts('   ');
    expect(results.map((r) => [r.draft.title, r.titleMatch, r.matches])).toEqual([
      ['B', false, []],
      ['A', false, []],
    ]);
  });
});

describe('renameDraft', () => {
  it('trims the title, falls back to "Untitled draft" and marks the draft edited', async () => {
    const [a] = await createDrafts('A');
    clock.advance(5000);
    await repo.renameDraft(a!.id, '  Year 2 AED ');
    expect(await repo.getDraft(a!.id)).toMatchObject({
      title: 'Year 2 AED',
      updatedAt: clock.now(),
    });
    await repo.renameDraft(a!.id, '');
    expect((await repo.getDraft(a!.id))!.title).toBe('Untitled draft');
  });

  it('rejects an unknown draft', async () => {
    await expect(repo.renameDraft('nope', 'X')).rejects.toBeInstanceOf(DraftNotFoundError);
  });
});

describe('duplicateDraft', () => {
  it('copies the draft and all its sections under a new id and "(copy)" title', async () => {
    const [a] = await createDrafts('Year 1');
    await repo.saveSection(a!.id, 'about-you', { fields: { 'full-name': 'Jo' } });
    await repo.saveSection(a!.id, 'explore', {
      editorState: '{"root":{}}',
      text: 'Why this initiative',
      domains: ['pedagogy'],
      criteria: { c1: 'partly' },
    });
    await repo.setLastSection(a!.id, 'explore');

    const copy = await repo.duplicateDraft(a!.id);
    expect(copy.id).not.toBe(a!.id);
    expect(copy).toMatchObject({
      title: 'Year 1 (copy)',
      templateId: TEMPLATE,
      createdAt: clock.now(),
      updatedAt: clock.now(),
      deletedAt: null,
      lastSectionId: 'explore',
    });
    const strip = (sections: { draftId: string; updatedAt: number }[]) =>
      sections.map(({ draftId: _d, updatedAt: _u, ...rest }) => rest);
    const original = await repo.getSections(a!.id);
    const copied = await repo.getSections(copy.id);
    expect(copied).toHaveLength(templateSectionIds.length);
    expect(copied.every((s) => s.draftId === copy.id)).toBe(true);
    expect(strip(copied)).toEqual(strip(original));
  });

  it('makes a copy that changes independently of the original', async () => {
    const [a] = await createDrafts('Year 1');
    await repo.saveSection(a!.id, 'about-you', { fields: { 'full-name': 'Jo' } });
    const copy = await repo.duplicateDraft(a!.id, 'Practice');
    expect(copy.title).toBe('Practice');

    await repo.saveSection(copy.id, 'about-you', { fields: { 'full-name': 'Sam' } });
    await repo.saveSection(copy.id, 'explore', { text: 'Only in the copy' });
    await repo.trashDraft(copy.id);

    expect((await repo.getSection(a!.id, 'about-you'))!.fields).toEqual({ 'full-name': 'Jo' });
    expect((await repo.getSection(a!.id, 'explore'))!.text).toBe('');
    expect((await repo.getDraft(a!.id))!.deletedAt).toBeNull();
  });

  it('rejects an unknown draft', async () => {
    await expect(repo.duplicateDraft('nope')).rejects.toBeInstanceOf(DraftNotFoundError);
  });
});

describe('trash, restore and delete', () => {
  it('trashes and restores (undo) without changing when the draft was last edited', async () => {
    const [a] = await createDrafts('A');
    const before = await repo.getDraft(a!.id);
    clock.advance(60_000);
    await repo.trashDraft(a!.id);
    expect(await repo.getDraft(a!.id)).toMatchObject({
      deletedAt: clock.now(),
      updatedAt: before!.updatedAt,
    });
    expect(await repo.listDrafts()).toEqual([]);

    await repo.restoreDraft(a!.id);
    expect(await repo.getDraft(a!.id)).toEqual(before);
    expect(await repo.listTrash()).toEqual([]);
  });

  it('deletes one draft forever with its sections and snapshots, sparing the others', async () => {
    const [a, b] = await createDrafts('A', 'B');
    await db.snapshots.bulkAdd([snapshotOf(a!.id, 's1'), snapshotOf(b!.id, 's2')]);

    await repo.deleteForever(a!.id);
    expect(await repo.getDraft(a!.id)).toBeUndefined();
    expect(await repo.getSections(a!.id)).toEqual([]);
    expect(await db.snapshots.toCollection().primaryKeys()).toEqual(['s2']);
    expect(await repo.getSections(b!.id)).toHaveLength(templateSectionIds.length);
  });

  it('empties the trash, removing those drafts with their sections and snapshots', async () => {
    const [a, b, c] = await createDrafts('A', 'B', 'C');
    await db.snapshots.bulkAdd([snapshotOf(a!.id, 's1'), snapshotOf(c!.id, 's3')]);
    await repo.trashDraft(a!.id);
    await repo.trashDraft(b!.id);

    await expect(repo.emptyTrash()).resolves.toBe(2);
    expect(await db.drafts.toCollection().primaryKeys()).toEqual([c!.id]);
    expect(await db.sections.count()).toBe(templateSectionIds.length);
    expect(await db.sections.where('draftId').anyOf([a!.id, b!.id]).count()).toBe(0);
    expect(await db.snapshots.toCollection().primaryKeys()).toEqual(['s3']);
    await expect(repo.emptyTrash()).resolves.toBe(0);
  });

  it('rejects trashing or restoring an unknown draft', async () => {
    await expect(repo.trashDraft('nope')).rejects.toBeInstanceOf(DraftNotFoundError);
    await expect(repo.restoreDraft('nope')).rejects.toBeInstanceOf(DraftNotFoundError);
  });
});

describe('setLastSection', () => {
  it('remembers the section without reordering the library', async () => {
    const [a] = await createDrafts('A', 'B');
    await repo.setLastSection(a!.id, 'prepare');
    expect(await repo.getDraft(a!.id)).toMatchObject({
      lastSectionId: 'prepare',
      updatedAt: a!.updatedAt,
    });
    expect((await repo.listDrafts()).map((d) => d.title)).toEqual(['B', 'A']);
    await expect(repo.setLastSection('nope', 'prepare')).rejects.toBeInstanceOf(DraftNotFoundError);
  });
});

describe('getSection and saveSection', () => {
  it('merges each patch over the stored section, fields entry by entry', async () => {
    const [a] = await createDrafts('A');
    await repo.saveSection(a!.id, 'school', {
      editorState: '{"v":1}',
      text: 'Context of the school',
      wordCount: 4,
      fields: { 'school-name': 'Hill Primary', phase: 'primary' },
    });
    await repo.saveSection(a!.id, 'school', { fields: { phase: 'all-through', pupils: 420 } });
    await repo.saveSection(a!.id, 'school', {
      domains: ['culture'],
      fields: { 'school-name': null },
    });

    expect(await repo.getSection(a!.id, 'school')).toMatchObject({
      editorState: '{"v":1}',
      text: 'Context of the school',
      wordCount: 4,
      fields: { 'school-name': null, phase: 'all-through', pupils: 420 },
      domains: ['culture'],
    });
  });

  it('stamps the section and bumps the draft’s updatedAt in the same write', async () => {
    const [a] = await createDrafts('A');
    clock.advance(30_000);
    await repo.saveSection(a!.id, 'explore', { text: 'one two three' });
    expect((await repo.getDraft(a!.id))!.updatedAt).toBe(clock.now());
    const section = await repo.getSection(a!.id, 'explore');
    expect(section).toMatchObject({ updatedAt: clock.now(), text: 'one two three' });
    // The count follows the text when the caller leaves it out.
    expect(section!.wordCount).toBe(3);
    // Other sections keep their own stamp.
    expect((await repo.getSection(a!.id, 'prepare'))!.updatedAt).toBe(a!.createdAt);
  });

  it('treats an undefined value in a patch as no change', async () => {
    const [a] = await createDrafts('A');
    await repo.saveSection(a!.id, 'explore', { text: 'kept words', editorState: '{}' });
    await repo.saveSection(a!.id, 'explore', { text: undefined, domains: ['pd'] });
    expect(await repo.getSection(a!.id, 'explore')).toMatchObject({
      text: 'kept words',
      editorState: '{}',
      wordCount: 2,
      domains: ['pd'],
    });
  });

  it('creates a section the draft lacks (e.g. one a newer template added)', async () => {
    const [a] = await createDrafts('A');
    await repo.saveSection(a!.id, 'new-section', { text: 'hello' });
    expect((await repo.getSection(a!.id, 'new-section'))!.text).toBe('hello');
    expect((await repo.getSections(a!.id)).at(-1)!.sectionId).toBe('new-section');
  });

  it('rejects a save for a draft that does not exist, writing nothing', async () => {
    await expect(repo.saveSection('gone', 'explore', { text: 'x' })).rejects.toBeInstanceOf(
      DraftNotFoundError,
    );
    expect(await db.sections.count()).toBe(0);
  });

  it('refuses a save for a draft in the trash, writing nothing, and takes it again once restored', async () => {
    const [a] = await createDrafts('A');
    await repo.saveSection(a!.id, 'explore', { text: 'Before the trash.' });
    await repo.trashDraft(a!.id);
    const base = (await repo.getSection(a!.id, 'explore'))!;
    for (const withBase of [undefined, base]) {
      await expect(
        repo.saveSection(a!.id, 'explore', { text: 'In the trash.' }, withBase),
      ).rejects.toMatchObject({ name: 'DraftTrashedError', draftId: a!.id });
    }
    expect((await repo.getSection(a!.id, 'explore'))!.text).toBe('Before the trash.');
    await repo.restoreDraft(a!.id);
    await repo.saveSection(a!.id, 'explore', { text: 'Restored.' }, base);
    expect((await repo.getSection(a!.id, 'explore'))!.text).toBe('Restored.');
  });

  it('given the section it goes over, issues its write before reading anything', async () => {
    const [a] = await createDrafts('A');
    await repo.saveSection(a!.id, 'school', { text: 'Stored.', fields: { phase: 'primary' } });
    const base = (await repo.getSection(a!.id, 'school'))!;

    // Every request the repository makes of IndexedDB, in order.
    const requests: string[] = [];
    db.close();
    db.use({
      stack: 'dbcore',
      name: 'request-log',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            get: (req) => (requests.push(`get ${name}`), table.get(req)),
            getMany: (req) => (requests.push(`getMany ${name}`), table.getMany(req)),
            query: (req) => (requests.push(`query ${name}`), table.query(req)),
            openCursor: (req) => (requests.push(`openCursor ${name}`), table.openCursor(req)),
            mutate: (req) => (requests.push(`${req.type} ${name}`), table.mutate(req)),
          };
        },
      }),
    });
    await db.open();
    clock.advance(5000);

    const written = await repo.saveSection(a!.id, 'school', { fields: { pupils: 420 } }, base);
    expect(requests[0]).toBe('put sections');
    expect(written).toEqual({
      ...base,
      fields: { phase: 'primary', pupils: 420 },
      updatedAt: clock.now(),
    });
    expect(await repo.getSection(a!.id, 'school')).toEqual(written);
    expect((await repo.getDraft(a!.id))!.updatedAt).toBe(clock.now());

    // A draft deleted for ever: the write is undone with the transaction.
    await repo.deleteForever(a!.id);
    await expect(
      repo.saveSection(a!.id, 'school', { text: 'Orphan.' }, written),
    ).rejects.toBeInstanceOf(DraftNotFoundError);
    expect(await db.sections.count()).toBe(0);
  });

  it('rejects when the database is closed', async () => {
    const [a] = await createDrafts('A');
    db.close();
    await expect(repo.saveSection(a!.id, 'explore', { text: 'x' })).rejects.toThrow(
      Dexie.DatabaseClosedError,
    );
    await db.open();
  });
});
