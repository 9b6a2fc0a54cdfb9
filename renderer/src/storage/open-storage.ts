import { AedDatabase, requestPersistence } from './db';
import { createBackupsRepository, type BackupsRepository } from './backups-repository';
import { createDraftsRepository, type DraftsRepository } from './drafts-repository';
import { createEvidenceRepository, type EvidenceRepository } from './evidence-repository';
import { createFeedbackRepository, type FeedbackRepository } from './feedback-repository';
import { createSnapshotsRepository, type SnapshotsRepository } from './snapshots-repository';

/** Everything the app stores, as repositories: the one way screens reach the database. */
export interface Repositories {
  drafts: DraftsRepository;
  snapshots: SnapshotsRepository;
  backups: BackupsRepository;
  evidence: EvidenceRepository;
  feedback: FeedbackRepository;
}

export function createRepositories(
  db: AedDatabase,
  options: { now?: () => number; newId?: () => string } = {},
): Repositories {
  return {
    drafts: createDraftsRepository(db, options),
    snapshots: createSnapshotsRepository(db, options),
    backups: createBackupsRepository(db, options),
    evidence: createEvidenceRepository(db, options),
    feedback: createFeedbackRepository(db, options),
  };
}

/**
 * Opens the app's database and resolves its repositories; rejects when it cannot open, so the
 * start-up screen can explain rather than show a blank page.
 */
export async function openStorage(): Promise<Repositories> {
  // Without persistence Chromium may evict a "best-effort" origin's IndexedDB under disk pressure.
  void requestPersistence();
  const db = new AedDatabase();
  await db.open();
  return createRepositories(db);
}
