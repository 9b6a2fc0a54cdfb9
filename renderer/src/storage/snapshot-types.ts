// The snapshot types live in shared/model.ts (the backup format validates them too); storage code
// keeps importing them from here.
export type { SnapshotKind, SnapshotRecord, SubmissionInfo } from '../../../shared/model';

import type { SnapshotRecord } from '../../../shared/model';

/** What History lists of a snapshot: everything but the frozen content. */
export type SnapshotInfo = Pick<
  SnapshotRecord,
  'id' | 'draftId' | 'createdAt' | 'kind' | 'label' | 'wordCount'
>;
