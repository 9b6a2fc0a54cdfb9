/**
 * Word counts per section while a draft is open: the stored counts, overridden by the open
 * section's live count. Components that show a count subscribe to just that, so a count changing
 * as the participant types re-renders a number, not the draft screen (and never the editor).
 */
export class LiveWords {
  private counts = new Map<string, number>();
  /** Sections whose count came from an open editor: fresher than anything stored. */
  private readonly live = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /**
   * Takes the stored counts (read when the draft opens, after a restore, or as another window
   * saves); a count an open editor reported stays, being the newer.
   */
  reset(counts: ReadonlyMap<string, number>): void {
    const next = new Map(counts);
    for (const id of this.live) next.set(id, this.counts.get(id) ?? 0);
    this.counts = next;
    this.changed();
  }

  /** A count reported by an open editor. */
  set(sectionId: string, count: number): void {
    this.live.add(sectionId);
    if (this.counts.get(sectionId) === count) return;
    this.counts.set(sectionId, count);
    this.changed();
  }

  get(sectionId: string): number {
    return this.counts.get(sectionId) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
