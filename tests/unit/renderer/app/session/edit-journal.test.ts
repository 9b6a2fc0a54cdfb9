import { describe, expect, it } from 'vitest';
import {
  EditJournal,
  JOURNAL_VERSION,
  journalKey,
  type JournalEntry,
} from '../../../../../renderer/src/app/session/edit-journal';
import { readPrintJob, storePrintJob } from '../../../../../renderer/src/platform/web-print-jobs';
import type { PrintJob } from '../../../../../shared/export/print-job';
import { MemoryStorage } from './session-test-helpers';

const entry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  version: JOURNAL_VERSION,
  draftId: 'draft-1',
  sectionId: 'explore',
  at: 1_700_000_000_000,
  base: 1_699_999_000_000,
  patch: {
    editorState: '{"root":{}}',
    text: 'Typed just before the reload.',
    wordCount: 5,
    fields: { 'full-name': 'Jo', cohort: 7, note: null },
    domains: ['culture'],
    criteria: { c1: 'met' },
  },
  ...over,
});

describe('EditJournal', () => {
  it('keeps one entry per draft and section, under a key a later version can find', () => {
    const storage = new MemoryStorage();
    const journal = new EditJournal(storage);
    expect(journal.write(entry())).toBe(true);
    expect(journal.write(entry({ at: 1_700_000_000_500, patch: { text: 'Newer.' } }))).toBe(true);
    journal.write(entry({ sectionId: 'deliver' }));
    journal.write(entry({ draftId: 'draft-2' }));

    expect(storage.keys()).toEqual([
      'aed-journal:draft-1:explore',
      'aed-journal:draft-1:deliver',
      'aed-journal:draft-2:explore',
    ]);
    expect(JSON.parse(storage.getItem(journalKey('draft-1', 'explore'))!)).toEqual({
      version: 1,
      draftId: 'draft-1',
      sectionId: 'explore',
      at: 1_700_000_000_500,
      base: 1_699_999_000_000,
      patch: { text: 'Newer.' },
    });
    expect(journal.entries('draft-1').map((e) => e.sectionId)).toEqual(['explore', 'deliver']);
    expect(journal.entries('draft-')).toEqual([]);

    journal.remove('draft-1', 'explore');
    expect(journal.entries('draft-1').map((e) => e.sectionId)).toEqual(['deliver']);
  });

  it('reads back every kind of value a patch holds', () => {
    const journal = new EditJournal(new MemoryStorage());
    journal.write(entry());
    journal.write(entry({ sectionId: 'school', base: null, patch: { editorState: null } }));
    expect(journal.entries('draft-1')).toEqual([
      entry(),
      entry({ sectionId: 'school', base: null, patch: { editorState: null } }),
    ]);
  });

  it('leaves entries of a newer version for it, and removes ones no version can read', () => {
    const storage = new MemoryStorage();
    const journal = new EditJournal(storage);
    const newer = JSON.stringify({ ...entry(), version: 2, patch: { blocks: [] } });
    storage.setItem(journalKey('draft-1', 'prepare'), newer);
    storage.setItem(journalKey('draft-1', 'broken'), '{not json');
    storage.setItem(
      journalKey('draft-1', 'wrong-key'),
      JSON.stringify(entry({ sectionId: 'elsewhere' })),
    );
    for (const [sectionId, bad] of [
      ['a', { ...entry(), at: -1 }],
      ['b', { ...entry(), base: 'yesterday' }],
      ['c', { ...entry(), patch: { text: 5 } }],
      ['d', { ...entry(), patch: { criteria: { c1: 'brilliant' } } }],
      ['e', { ...entry(), patch: { unknownKey: 'x' } }],
      ['f', { ...entry(), version: '1' }],
    ] as const) {
      storage.setItem(journalKey('draft-1', sectionId), JSON.stringify({ ...bad, sectionId }));
    }
    storage.setItem(journalKey('draft-1', 'explore'), JSON.stringify(entry()));

    expect(journal.entries('draft-1')).toEqual([entry()]);
    expect(storage.keys()).toEqual([
      journalKey('draft-1', 'prepare'),
      journalKey('draft-1', 'explore'),
    ]);
    expect(storage.getItem(journalKey('draft-1', 'prepare'))).toBe(newer);
  });

  it('makes room by dropping print jobs when storage is full, and says when even that fails', () => {
    const storage = new MemoryStorage(4_000);
    const job = {
      draftId: 'draft-1',
      fileName: 'AED.pdf',
      document: { big: 'x'.repeat(2_500) },
    } as unknown as PrintJob;
    const exportId = storePrintJob(storage, job);
    expect(readPrintJob(storage, exportId)).not.toBeNull();

    const journal = new EditJournal(storage);
    expect(journal.write(entry({ patch: { text: 'y'.repeat(2_000) } }))).toBe(true);
    expect(readPrintJob(storage, exportId)).toBeNull();
    expect(journal.entries('draft-1')[0]!.patch.text).toHaveLength(2_000);

    expect(journal.write(entry({ sectionId: 'deliver', patch: { text: 'z'.repeat(3_000) } }))).toBe(
      false,
    );
    expect(journal.entries('draft-1').map((e) => e.sectionId)).toEqual(['explore']);
  });

  it('does nothing, and says so, where there is no storage', () => {
    const journal = new EditJournal(null);
    expect(journal.write(entry())).toBe(false);
    expect(journal.entries('draft-1')).toEqual([]);
    expect(() => journal.remove('draft-1', 'explore')).not.toThrow();
  });
});
