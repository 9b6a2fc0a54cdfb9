import type { SaveError } from '../../storage/save-error';
import type { SnapshotRecord } from '../../storage/snapshot-types';
import type { DraftLockStatus } from './draft-lock';
import type { DraftRewrite } from './draft-rewrite';
import type { TypedEvents } from './typed-events';

/** What a draft session tells its screen and its policies (see draft-session.ts). */
export interface DraftSessionEvents {
  /** A section was changed in its editor: the change is queued, not yet stored. */
  changed: { sectionId: string };
  /** A section's changes reached storage (the transaction committed) at `at`. */
  committed: { sectionId: string; at: number };
  /** Writing a section failed; the queue keeps the change and tries again. */
  failed: { sectionId: string; error: SaveError };
  /**
   * The draft was rewritten from outside its editor (a restore, a replacement from a backup):
   * open sections reload. `restorePoint` holds what was replaced, unsaved typing included.
   */
  rewritten: { kind: DraftRewrite['kind']; restorePoint: SnapshotRecord };
  /** Whether this window may edit the draft changed. */
  lock: DraftLockStatus;
  /** Something to tell the participant that did not stop writing (an automatic backup failed). */
  warning: { message: string };
}

/** The session as its policies see it: events to listen to. */
export type DraftSessionEventSource = Pick<TypedEvents<DraftSessionEvents>, 'on'>;
