// When each draft was last saved to a backup file, for the web build's reminder. Kept apart from
// the backup code so the reminder doesn't load the backup writer with every draft.
const backedUpKey = (draftId: string) => `aed.backed-up.${draftId}`;

/** Remembers when a draft was last saved to a backup file (for the web build's reminder). */
export function markBackedUp(draftId: string, at = Date.now()): void {
  try {
    localStorage.setItem(backedUpKey(draftId), String(at));
  } catch {
    // Only a reminder's memory; storage refusing it must not fail the backup.
  }
}

export function lastBackedUp(draftId: string): number | null {
  const value = Number(localStorage.getItem(backedUpKey(draftId)));
  return Number.isFinite(value) && value > 0 ? value : null;
}
