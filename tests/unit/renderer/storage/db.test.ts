import { IDBDatabase } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AedDatabase,
  DEFAULT_DATABASE_NAME,
  requestPersistence,
} from '../../../../renderer/src/storage/db';
import { openTestDatabase } from './storage-test-helpers';

let db: AedDatabase;

afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

describe('AedDatabase', () => {
  it('is named aed-writer unless told otherwise', () => {
    db = openTestDatabase();
    // Never opened, so it touches no real IndexedDB (Node has none).
    const unopened = new AedDatabase();
    expect(unopened.name).toBe(DEFAULT_DATABASE_NAME);
    expect(DEFAULT_DATABASE_NAME).toBe('aed-writer');
  });

  it('opens at version 5 with drafts, sections, snapshots, evidence and feedback keyed and indexed as the repositories need', async () => {
    db = openTestDatabase();
    await db.open();
    expect(db.verno).toBe(5);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'blobs',
      'drafts',
      'evidence',
      'feedback',
      'sections',
      'snapshots',
    ]);

    expect(db.drafts.schema.primKey.keyPath).toBe('id');
    expect(db.drafts.schema.indexes.map((i) => i.name).sort()).toEqual([
      'deletedAt',
      'title',
      'updatedAt',
    ]);
    expect(db.sections.schema.primKey.keyPath).toEqual(['draftId', 'sectionId']);
    expect(db.sections.schema.indexes.map((i) => i.name)).toEqual(['draftId']);
    expect(db.snapshots.schema.primKey.keyPath).toBe('id');
    expect(db.snapshots.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[draftId+createdAt+kind+wordCount+label+id]',
      '[draftId+createdAt]',
      '[draftId+kind]',
      'blobRefs',
      'createdAt',
      'draftId',
    ]);
    expect(db.snapshots.schema.indexes.find((i) => i.name === 'blobRefs')!.multi).toBe(true);
    expect(db.evidence.schema.primKey.keyPath).toBe('id');
    expect(db.evidence.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[draftId+createdAt]',
      'draftId',
      'sha256',
    ]);
    expect(db.blobs.schema.primKey.keyPath).toBe('sha256');
    expect(db.feedback.schema.primKey.keyPath).toBe('id');
    expect(db.feedback.schema.indexes.map((i) => i.name).sort()).toEqual([
      '[draftId+createdAt]',
      'draftId',
    ]);

    // The real IndexedDB store matches what Dexie declares, not just Dexie's bookkeeping.
    const idb = db.backendDB();
    expect([...idb.objectStoreNames].sort()).toEqual([
      'blobs',
      'drafts',
      'evidence',
      'feedback',
      'sections',
      'snapshots',
    ]);
    const tx = idb.transaction('snapshots');
    expect(tx.objectStore('snapshots').index('blobRefs').multiEntry).toBe(true);
  });

  it('asks IndexedDB for strict durability on write transactions', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    db = openTestDatabase();
    await db.drafts.put({
      id: 'd1',
      title: 'T',
      templateId: 'sdlp-aed',
      templateVersion: 1,
      createdAt: 1,
      updatedAt: 1,
      deletedAt: null,
      lastSectionId: null,
    });
    const options = transaction.mock.calls.map((call) => call[2]);
    expect(options).toContainEqual({ durability: 'strict' });
  });

  it('keeps strict durability even when options try to relax it', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    db = new AedDatabase(`aed-test-${crypto.randomUUID()}`, {
      indexedDB,
      IDBKeyRange,
      chromeTransactionDurability: 'relaxed',
    });
    await db.snapshots.count();
    await db.sections.put({
      draftId: 'd',
      sectionId: 's',
      editorState: null,
      text: '',
      wordCount: 0,
      fields: {},
      domains: [],
      criteria: {},
      updatedAt: 1,
    });
    const options = transaction.mock.calls.map((call) => call[2]);
    expect(options).toContainEqual({ durability: 'strict' });
    expect(options).not.toContainEqual({ durability: 'relaxed' });
  });
});

describe('requestPersistence', () => {
  it('is false where there is no storage manager (tests, old browsers)', async () => {
    db = openTestDatabase();
    await expect(requestPersistence(undefined)).resolves.toBe(false);
    await expect(requestPersistence({} as Pick<StorageManager, 'persist'>)).resolves.toBe(false);
    // Without an argument it looks at navigator, which Node lacks or gives no storage manager.
    await expect(requestPersistence()).resolves.toBe(false);
  });

  it('reports what the browser grants', async () => {
    db = openTestDatabase();
    await expect(requestPersistence({ persist: () => Promise.resolve(true) })).resolves.toBe(true);
    await expect(requestPersistence({ persist: () => Promise.resolve(false) })).resolves.toBe(
      false,
    );
  });

  it('treats a refusal that throws as not granted', async () => {
    db = openTestDatabase();
    await expect(
      requestPersistence({ persist: () => Promise.reject(new Error('denied')) }),
    ).resolves.toBe(false);
  });
});
