import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  describeSaveError,
  isRetryable,
  SAVE_ERROR_MESSAGES,
} from '../../../../renderer/src/storage/save-error';

describe('describeSaveError', () => {
  it.each([
    ['a DOMException', new DOMException('', 'QuotaExceededError')],
    ['Dexie.QuotaExceededError', new Dexie.QuotaExceededError('quota')],
    [
      'an abort caused by the quota',
      new Dexie.AbortError('aborted', new DOMException('', 'QuotaExceededError')),
    ],
    [
      'a bulk write with a quota failure',
      new Dexie.BulkError('bulk', { 0: new DOMException('', 'QuotaExceededError') }),
    ],
    ["Firefox's name", Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' })],
    ['an error whose message names the quota', new Dexie.UnknownError('Quota exceeded for origin')],
  ])('recognises a full disk from %s', (_, error) => {
    expect(describeSaveError(error)).toEqual({
      kind: 'quota',
      message: SAVE_ERROR_MESSAGES.quota,
      cause: error,
    });
  });

  it.each([
    ['DatabaseClosedError', new Dexie.DatabaseClosedError('closed')],
    ['OpenFailedError', new Dexie.OpenFailedError('cannot open')],
    ["IndexedDB's InvalidStateError", new DOMException('closing', 'InvalidStateError')],
    ['VersionError (a newer app version upgraded the database)', new Dexie.VersionError('v')],
  ])('recognises unreachable storage from %s', (_, error) => {
    expect(describeSaveError(error).kind).toBe('unavailable');
  });

  it.each([
    ['DraftTrashedError', 'trashed'],
    ['DraftNotFoundError', 'gone'],
  ] as const)(
    'recognises a draft that cannot be written from %s, and does not retry it',
    (name, kind) => {
      const error = Object.assign(new Error('refused'), { name });
      expect(describeSaveError(error)).toEqual({
        kind,
        message: SAVE_ERROR_MESSAGES[kind],
        cause: error,
      });
      expect(isRetryable(describeSaveError(error))).toBe(false);
      expect(isRetryable(describeSaveError(new Dexie.DatabaseClosedError('closed')))).toBe(true);
    },
  );

  it.each([new TypeError('x'), 'a string', undefined, null, { name: 42 }])(
    'falls back to a general message for %s',
    (error) => {
      expect(describeSaveError(error)).toMatchObject({
        kind: 'unknown',
        message: SAVE_ERROR_MESSAGES.unknown,
      });
    },
  );

  it('tells the participant their text is kept, in every case', () => {
    for (const message of Object.values(SAVE_ERROR_MESSAGES)) {
      expect(message).toMatch(/your text is kept here/i);
    }
  });
});
