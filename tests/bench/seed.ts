/**
 * Writes generated sections straight into the app's IndexedDB with the raw API, so the bench
 * does not depend on how the storage layer is written, only on the stored shape (shared/model).
 * Runs on a page of the app's origin that does not run the app, so nothing overwrites the seed.
 */
import type { Page } from 'playwright-core';
import type { SectionRecord } from '../../shared/model';

export interface StoreShape {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: string[];
}

export interface SeedReport {
  database: string;
  version: number;
  stores: StoreShape[];
  /** Section records of this draft found before seeding. */
  existing: number;
  written: number;
  /** Field names of an existing record that shared/model's SectionRecord does not have, or lacks. */
  unexpectedFields: string[];
  missingFields: string[];
}

export const DB_NAME = 'aed-writer';
export const SECTIONS_STORE = 'sections';

/** Reads the database's stores and key paths without creating or upgrading anything. */
export async function describeDatabase(
  page: Page,
): Promise<{ version: number; stores: StoreShape[] } | null> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      const request = indexedDB.open(name);
      // No database yet: abort, so looking does not create an empty one.
      request.onupgradeneeded = () => request.transaction!.abort();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () =>
        request.error?.name === 'AbortError'
          ? resolve(null)
          : reject(request.error ?? new Error('IndexedDB request failed'));
    });
    if (!db) return null;
    const names = [...db.objectStoreNames];
    const stores =
      names.length === 0
        ? []
        : (() => {
            const tx = db.transaction(names, 'readonly');
            return names.map((n) => {
              const store = tx.objectStore(n);
              return {
                name: n,
                keyPath: store.keyPath,
                autoIncrement: store.autoIncrement,
                indexes: [...store.indexNames],
              };
            });
          })();
    const version = db.version;
    db.close();
    return { version, stores };
  }, DB_NAME);
}

export async function seedSections(
  page: Page,
  draftId: string,
  records: SectionRecord[],
): Promise<SeedReport> {
  const shape = await describeDatabase(page);
  if (!shape) throw new Error(`The app's origin has no IndexedDB database named "${DB_NAME}".`);
  const store = shape.stores.find((s) => s.name === SECTIONS_STORE);
  const expectedKey = JSON.stringify(['draftId', 'sectionId']);
  if (!store || JSON.stringify(store.keyPath) !== expectedKey) {
    throw new Error(
      `Cannot seed: expected store "${SECTIONS_STORE}" keyed by ${expectedKey}; the database has ` +
        JSON.stringify(shape.stores),
    );
  }
  const outcome = await page.evaluate(
    async ({ name, storeName, draftId, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        });
      const read = db.transaction(storeName, 'readonly');
      const all = await new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const request = read
          .objectStore(storeName)
          .getAll(IDBKeyRange.bound([draftId], [draftId, []]));
        request.onsuccess = () => resolve(request.result as Array<Record<string, unknown>>);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
      await done(read);
      const existing = new Map(all.map((r) => [r.sectionId as string, r]));
      // 'strict' as the app writes (DESIGN: chromeTransactionDurability), so the data is on disk
      // before the next page opens.
      const write = db.transaction(storeName, 'readwrite', { durability: 'strict' });
      for (const record of records) {
        // Keep whatever else the app stored on the record; replace the rich-text part.
        write
          .objectStore(storeName)
          .put({ ...record, ...existing.get(record.sectionId), ...pickText(record) });
      }
      await done(write);
      db.close();
      return { existing: all.length, sample: all[0] ?? null };

      function pickText(r: (typeof records)[number]) {
        return {
          editorState: r.editorState,
          text: r.text,
          wordCount: r.wordCount,
          updatedAt: r.updatedAt,
        };
      }
    },
    { name: DB_NAME, storeName: SECTIONS_STORE, draftId, records },
  );
  const modelFields = Object.keys(records[0] ?? {});
  const sampleFields = outcome.sample ? Object.keys(outcome.sample) : modelFields;
  return {
    database: DB_NAME,
    version: shape.version,
    stores: shape.stores,
    existing: outcome.existing,
    written: records.length,
    unexpectedFields: sampleFields.filter((f) => !modelFields.includes(f)),
    missingFields: modelFields.filter((f) => !sampleFields.includes(f)),
  };
}

/**
 * Reads one stored section: after seeding, to prove the seed is what the app will load; after
 * typing, to prove the autosave stored what was typed.
 */
export async function readSection(
  page: Page,
  draftId: string,
  sectionId: string,
): Promise<{ wordCount: unknown; text: unknown; editorStateLength: number } | null> {
  return page.evaluate(
    async ({ name, storeName, key }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
      const record = await new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
        const request = db.transaction(storeName).objectStore(storeName).get(key);
        request.onsuccess = () => resolve(request.result as Record<string, unknown> | undefined);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
      db.close();
      if (!record) return null;
      const state = record.editorState;
      return {
        wordCount: record.wordCount,
        text: record.text,
        editorStateLength: typeof state === 'string' ? state.length : -1,
      };
    },
    { name: DB_NAME, storeName: SECTIONS_STORE, key: [draftId, sectionId] },
  );
}
