/**
 * Upgrading backups written in an older format version, one version at a time, so a file from
 * any earlier AED Writer still imports.
 *
 * A migration runs after the container is verified (every entry present, listed and matching its
 * SHA-256, which every version keeps) and before the content is validated against the current
 * schemas, so it works on raw JSON and bytes and need not trust them. Each version keeps a
 * generated fixture (tests/fixtures/backup/make-v<N>.ts) that must keep importing.
 */
import { BACKUP_FORMAT_VERSION } from './format';
import { fail } from './errors';

/** A backup whose entries are verified but whose content is not yet validated. */
export interface VerifiedContainer {
  formatVersion: number;
  /**
   * manifest.json, parsed; a migration updates its entries with the content. Its formatVersion
   * stays the file's own, so a reader can tell what it was given.
   */
  manifest: Record<string, unknown>;
  /** Every entry but manifest.json: path → bytes. */
  entries: ReadonlyMap<string, Uint8Array>;
}

/** Turns a container of format N into one of format N + 1. Pure; may throw via fail(). */
export type Migration = (from: VerifiedContainer) => VerifiedContainer;

/** MIGRATIONS[n] upgrades format n to n + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Format 2 added evidence, as keys format 1 has not (`evidence` in draft.json and its
  // snapshots; `criteriaDetail` in a section): a format 1 backup is a format 2 one without
  // them. Its files stay plain files.
  1: (from) => ({ ...from, formatVersion: 2 }),
};

/** Applies the migrations from the container's version up to `target`, in order. */
export function migrateToCurrent(
  container: VerifiedContainer,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = BACKUP_FORMAT_VERSION,
): VerifiedContainer {
  let current = container;
  while (current.formatVersion < target) {
    const step = migrations[current.formatVersion];
    if (!step) fail('internal', `no upgrade from backup format ${current.formatVersion}`);
    const next = step(current);
    if (next.formatVersion !== current.formatVersion + 1) {
      fail('internal', `the upgrade from format ${current.formatVersion} skipped a version`);
    }
    current = next;
  }
  return current;
}
