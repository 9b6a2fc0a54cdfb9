/**
 * Turns a failed write into a sentence a participant can act on. Dexie wraps IndexedDB's errors
 * (an abort carries the quota error as `inner`), so the whole chain is searched by name.
 */

/**
 * 'trashed' and 'gone' (the draft was moved to the trash, or deleted for ever, perhaps in
 * another window) are not retried: writing again cannot succeed until the draft is restored.
 */
export type SaveErrorKind = 'quota' | 'unavailable' | 'trashed' | 'gone' | 'unknown';

export interface SaveError {
  kind: SaveErrorKind;
  /** What the alert says. */
  message: string;
  /** The original error, for logs and bug reports. */
  cause: unknown;
}

export const SAVE_ERROR_MESSAGES: Readonly<Record<SaveErrorKind, string>> = {
  quota:
    "Your computer's storage is full. Free some space or back up this draft; your text is kept here and will be saved when there is room.",
  unavailable:
    "AED Writer can't reach its storage on this computer just now. Your text is kept here and will be saved as soon as the storage is back; if this message stays, back up this draft and restart AED Writer.",
  trashed:
    'This draft was moved to the trash, so what you type is not being saved. Your text is kept here: restore the draft from the trash in the library and it will be saved, or back up this draft now.',
  gone: 'This draft was deleted for ever, so what you type here cannot be saved into it. Your text is kept here until you leave this draft: back up this draft now to keep it.',
  unknown:
    "Your latest changes couldn't be saved yet. Your text is kept here and AED Writer will keep trying; if this message stays, back up this draft.",
};

const QUOTA_NAMES = new Set([
  'QuotaExceededError',
  // Firefox's names for the same condition.
  'NS_ERROR_DOM_QUOTA_REACHED',
  'NS_ERROR_FILE_NO_DEVICE_SPACE',
]);

const UNAVAILABLE_NAMES = new Set([
  'DatabaseClosedError',
  'OpenFailedError',
  // IndexedDB's own error for a transaction on a closed connection.
  'InvalidStateError',
  'VersionChangeError',
  'VersionError',
  'MissingAPIError',
  'NoSuchDatabaseError',
]);

function errorChain(error: unknown, depth = 0): unknown[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [error];
  const e = error as { inner?: unknown; cause?: unknown; failures?: unknown };
  const nested: unknown[] = [e.inner, e.cause];
  if (e.failures && typeof e.failures === 'object')
    nested.push(...(Object.values(e.failures) as unknown[]));
  return [
    error,
    ...nested.filter((n) => n !== undefined && n !== null).flatMap((n) => errorChain(n, depth + 1)),
  ];
}

function classify(error: unknown): SaveErrorKind {
  const chain = errorChain(error);
  const names = chain.map((e) =>
    typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '',
  );
  // The drafts repository's refusals (drafts-repository.ts), by name: no import of it here.
  if (names.includes('DraftTrashedError')) return 'trashed';
  if (names.includes('DraftNotFoundError')) return 'gone';
  const messages = chain.map((e) => (e instanceof Error ? e.message : ''));
  if (names.some((n) => QUOTA_NAMES.has(n)) || messages.some((m) => /quota/i.test(m))) {
    return 'quota';
  }
  if (names.some((n) => UNAVAILABLE_NAMES.has(n))) return 'unavailable';
  return 'unknown';
}

/** Whether writing again may succeed by itself (not for a draft in the trash or deleted). */
export function isRetryable(error: SaveError): boolean {
  return error.kind !== 'trashed' && error.kind !== 'gone';
}

export function describeSaveError(error: unknown): SaveError {
  const kind = classify(error);
  return { kind, message: SAVE_ERROR_MESSAGES[kind], cause: error };
}
