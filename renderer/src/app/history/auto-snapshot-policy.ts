import { isCopyDue } from '../../../../shared/copy-throttle';
import type { Repositories } from '../../storage/open-storage';
import type { DraftSessionEventSource } from '../session/session-events';

/**
 * Automatic versions: the draft as it was opened (if it changed since the last version), then at
 * most one every 10 minutes while writing (shared/copy-throttle.ts). Old automatic ones are
 * thinned after each.
 *
 * The "as opened" copy is taken at the first change rather than at once: opening stays fast, a
 * draft only read needs no copy, and the copy's transaction is queued before the first write
 * (which waits for the debounce), so it still holds the draft exactly as it was opened.
 */
export class AutoSnapshotPolicy {
  /** When the last version was taken (or the first change came); kept across starts. */
  private last: number | null = null;

  constructor(
    private readonly draftId: string,
    private readonly repositories: Pick<Repositories, 'drafts' | 'snapshots'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes versions as the session reports changes, while this window edits the draft. */
  start(events: DraftSessionEventSource): () => void {
    const { drafts, snapshots } = this.repositories;
    let alive = true;
    let opened = false;
    const take = async (label: string) => {
      const s = await snapshots.takeSnapshot(this.draftId, 'auto', label);
      this.last = s.createdAt;
      await snapshots.thin(this.draftId);
    };
    const takeOnOpen = async () => {
      const [draft, newest] = await Promise.all([
        drafts.getDraft(this.draftId),
        snapshots.latestSnapshot(this.draftId),
      ]);
      if (!alive || !draft) return;
      if (!newest || newest.createdAt < draft.updatedAt) await take('Opened');
    };
    const stopChanged = events.on('changed', () => {
      if (opened) return;
      opened = true;
      // The 10 minutes run from the first change (takeOnOpen refines it to the copy's time).
      this.last = this.now();
      takeOnOpen().catch(() => undefined); // a version is a convenience; writing goes on
    });
    const stopCommitted = events.on('committed', ({ at }) => {
      if (this.last === null || !isCopyDue(this.last, at)) return;
      this.last = at;
      take('While writing').catch(() => undefined);
    });
    return () => {
      alive = false;
      stopChanged();
      stopCommitted();
    };
  }
}
