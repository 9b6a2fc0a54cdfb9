import type { AedDatabase } from './db';
import type { StoredBlob } from './stored-records';

/**
 * The content-addressed store of evidence bytes. Whether some bytes are still needed is worked
 * out from indexes (items' `sha256`, snapshots' `blobRefs`) whenever something that points at
 * them is deleted, never counted up and down: a path that forgets to sweep only leaves bytes
 * behind until the next sweep, and no path can lose bytes something still shows.
 */

/** Adds the blobs not stored yet (same SHA-256, same bytes). Joins the caller's transaction. */
export function putBlobs(db: AedDatabase, blobs: readonly StoredBlob[]): Promise<void> {
  return db.transaction('rw', db.blobs, async () => {
    const unique = [...new Map(blobs.map((b) => [b.sha256, b])).values()];
    const stored = await db.blobs.bulkGet(unique.map((b) => b.sha256));
    await db.blobs.bulkAdd(unique.filter((_, i) => stored[i] === undefined));
  });
}

/**
 * Deletes the bytes no evidence item and no snapshot points at any more; resolves how many.
 * Joins the caller's transaction, which must hold evidence, snapshots and blobs.
 */
export function sweepBlobs(db: AedDatabase): Promise<number> {
  return db.transaction('rw', db.evidence, db.snapshots, db.blobs, async () => {
    const [live, kept, stored] = await Promise.all([
      db.evidence.orderBy('sha256').uniqueKeys(),
      db.snapshots.orderBy('blobRefs').uniqueKeys(),
      db.blobs.toCollection().primaryKeys(),
    ]);
    const needed = new Set<unknown>([...live, ...kept]);
    const doomed = stored.filter((key) => !needed.has(key));
    await db.blobs.bulkDelete(doomed);
    return doomed.length;
  });
}
