import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  USER_DATA_FOLDER_NAME,
  isAppOriginUrl,
} from '../../../electron/main/app-identity';

describe('app identity', () => {
  it('pins the origin to app://aed and the userData folder to "AED Writer"', () => {
    // Changing either moves every teacher's IndexedDB: this test is the tripwire.
    expect(APP_ORIGIN).toBe('app://aed');
    expect(`${APP_SCHEME}://${APP_HOST}`).toBe(APP_ORIGIN);
    expect(APP_ENTRY_URL).toBe('app://aed/index.html');
    expect(USER_DATA_FOLDER_NAME).toBe('AED Writer');
  });

  it.each([
    'app://aed/index.html',
    'app://aed/',
    'app://aed',
    'app://AED/assets/x.js',
    'app://aed/index.html#/draft/1',
  ])('accepts %s as the app origin', (url) => {
    expect(isAppOriginUrl(url)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://aed.evil.com/',
    'app://aed:8080/',
    'app://user@aed/',
    'https://aed/',
    'file:///index.html',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('rejects %s', (url) => {
    expect(isAppOriginUrl(url)).toBe(false);
  });
});
