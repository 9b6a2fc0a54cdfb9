// The snapshot types live in shared/model.ts (the backup format validates them too); storage code
// keeps importing them from here.
export type { SnapshotKind, SnapshotRecord, SubmissionInfo } from '../../../shared/model';
