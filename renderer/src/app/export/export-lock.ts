import type { SnapshotsRepository } from '../../storage/snapshots-repository';

/**
 * A new submission is frozen as a snapshot before its file is made and recorded as sent once
 * the file is saved (run-export.ts). A reload or a crash in between leaves it frozen and never
 * recorded: the history hides such snapshots, and they are swept away whenever no export of the
 * draft is under way in any window. The Web Lock held by every export says which that is; a
 * reload lets go of it with the page.
 */

/** The Web Locks API as exports use it (absent where there is none: then nothing waits). */
export type ExportLocks = Pick<LockManager, 'request'>;

const lockName = (draftId: string) => `aed-export:${draftId}`;

function browserLocks(): ExportLocks | undefined {
  return typeof navigator !== 'undefined' ? navigator.locks : undefined;
}

/** Runs an export of the draft while holding its export lock (after any other window's). */
export function whileExporting<T>(
  draftId: string,
  run: () => Promise<T>,
  locks: ExportLocks | undefined = browserLocks(),
): Promise<T> {
  return locks ? locks.request(lockName(draftId), run) : run();
}

/**
 * Deletes the submissions exports of the draft left unrecorded, unless one is under way right
 * now (then it is left for later). Resolves how many went.
 */
export function sweepUnsentSubmissions(
  snapshots: Pick<SnapshotsRepository, 'deleteUnsentSubmissions'>,
  draftId: string,
  locks: ExportLocks | undefined = browserLocks(),
): Promise<number> {
  if (!locks) return snapshots.deleteUnsentSubmissions(draftId);
  return locks.request(lockName(draftId), { ifAvailable: true }, (lock) =>
    lock ? snapshots.deleteUnsentSubmissions(draftId) : Promise.resolve(0),
  );
}
