/**
 * The checklist's `criteriaDetail` in storage (Dexie over fake-indexeddb): a section stored
 * before it existed reads and saves in its old shape, each criterion's detail is written on its
 * own, and copies of a draft (versions, duplicates) and the edit journal carry it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EditJournal,
  JOURNAL_VERSION,
  journalKey,
  type JournalEntry,
} from '../../../../renderer/src/app/session/edit-journal';
import type { AedDatabase } from '../../../../renderer/src/storage/db';
import {
  createDraftsRepository,
  type DraftsRepository,
} from '../../../../renderer/src/storage/drafts-repository';
import { SaveQueue } from '../../../../renderer/src/storage/save-queue';
import { createSnapshotsRepository } from '../../../../renderer/src/storage/snapshots-repository';
import type { SectionRecord } from '../../../../shared/model';
import { MemoryStorage } from '../app/session/session-test-helpers';
import { openTestDatabase, testClock } from './storage-test-helpers';

let db: AedDatabase;
let drafts: DraftsRepository;
let queue: SaveQueue;
let draftId: string;
const clock = testClock();

/** The checklist as a version before criteria had links stored it: no criteriaDetail key. */
function olderChecklist(): SectionRecord {
  return {
    draftId,
    sectionId: 'criteria',
    editorState: null,
    text: '',
    wordCount: 0,
    fields: {},
    domains: [],
    criteria: { c1: 'met' },
    updatedAt: 1_000,
  };
}

beforeEach(async () => {
  db = openTestDatabase();
  drafts = createDraftsRepository(db, { now: clock.now });
  queue = new SaveQueue({ save: drafts.saveSection });
  draftId = (await drafts.createDraft({ title: 'Criteria', templateId: 'sdlp-aed' })).id;
  await db.sections.put(olderChecklist());
});

afterEach(async () => {
  await queue.dispose();
  await db.delete();
});

const stored = async () => (await drafts.getSection(draftId, 'criteria'))!;

describe('criteriaDetail in storage', () => {
  it('reads an older checklist as it is, and an assessment saved over it keeps its shape', async () => {
    expect(await stored()).toStrictEqual(olderChecklist());
    queue.markDirty(draftId, 'criteria', { criteria: { c2: 'partly' } });
    await queue.flush();
    const after = await stored();
    expect(after).not.toHaveProperty('criteriaDetail');
    expect(after.criteria).toEqual({ c1: 'met', c2: 'partly' });
  });

  it('writes each criterion’s detail on its own: a later change to one keeps the others', async () => {
    queue.markDirty(draftId, 'criteria', {
      criteriaDetail: { c1: { sections: ['explore'], note: '' } },
    });
    queue.markDirty(draftId, 'criteria', {
      criteriaDetail: { c2: { sections: [], note: 'Work Groups.' } },
    });
    await queue.flush();
    expect((await stored()).criteriaDetail).toEqual({
      c1: { sections: ['explore'], note: '' },
      c2: { sections: [], note: 'Work Groups.' },
    });

    queue.markDirty(draftId, 'criteria', {
      criteriaDetail: { c1: { sections: ['explore', 'deliver'], note: 'Both.' } },
    });
    await queue.flush();
    const after = await stored();
    expect(after.criteriaDetail).toEqual({
      c1: { sections: ['explore', 'deliver'], note: 'Both.' },
      c2: { sections: [], note: 'Work Groups.' },
    });
    expect(after.criteria).toEqual({ c1: 'met' });
  });

  it('is carried by a version of the draft and by a duplicate of it', async () => {
    const detail = { c3: { sections: ['evaluation'], note: 'See the evaluation.' } };
    await drafts.saveSection(draftId, 'criteria', { criteriaDetail: detail });
    const snapshots = createSnapshotsRepository(db, { now: clock.now });
    const version = await snapshots.takeSnapshot(draftId, 'manual', 'With links');
    const kept = (await snapshots.getSnapshot(version.id))!.sections.find(
      (s) => s.sectionId === 'criteria',
    );
    expect(kept?.criteriaDetail).toEqual(detail);

    const copy = await drafts.duplicateDraft(draftId);
    expect((await drafts.getSection(copy.id, 'criteria'))?.criteriaDetail).toEqual(detail);
  });
});

describe('criteriaDetail in the edit journal', () => {
  const entry = (patch: unknown): JournalEntry =>
    ({
      version: JOURNAL_VERSION,
      draftId: 'draft-1',
      sectionId: 'criteria',
      at: 1_700_000_000_000,
      base: null,
      patch,
    }) as JournalEntry;

  it('reads back a patch that holds it', () => {
    const journal = new EditJournal(new MemoryStorage());
    const patch = {
      criteriaDetail: { c1: { sections: ['explore'], note: 'Typed before a reload.' } },
    };
    journal.write(entry(patch));
    expect(journal.entries('draft-1')).toEqual([entry(patch)]);
  });

  it.each([
    ['not an object', { c1: 'explore' }],
    ['sections not a list', { c1: { sections: 'explore', note: '' } }],
    ['a section id not text', { c1: { sections: [4], note: '' } }],
    ['no note', { c1: { sections: [] } }],
  ])('removes an entry whose detail is %s', (_, criteriaDetail) => {
    const storage = new MemoryStorage();
    storage.setItem(journalKey('draft-1', 'criteria'), JSON.stringify(entry({ criteriaDetail })));
    expect(new EditJournal(storage).entries('draft-1')).toEqual([]);
    expect(storage.keys()).toEqual([]);
  });
});
