import { describe, expect, it, vi } from 'vitest';
import { denyPermissions, isPermissionGranted } from '../../../electron/main/permissions';

function setUp() {
  const session = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  denyPermissions(session);
  const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
    wc: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string },
  ) => void;
  const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (
    wc: unknown,
    permission: string,
    origin: string,
    details: unknown,
  ) => boolean;
  const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (d: unknown) => boolean;
  const ask = (permission: string, url = 'app://aed/index.html') => {
    const callback = vi.fn();
    request(null, permission, callback, { requestingUrl: url });
    expect(callback).toHaveBeenCalledTimes(1);
    return callback.mock.calls[0]![0] as boolean;
  };
  return { ask, check, device };
}

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'openExternal',
  'pointerLock',
  'midi',
  'hid',
  'serial',
  'usb',
  'fileSystem',
  'window-management',
  'unknown',
];

describe('permission handlers', () => {
  it.each(PERMISSIONS)('deny %s, even to the app itself', (permission) => {
    const { ask, check } = setUp();
    expect(ask(permission)).toBe(false);
    expect(check(null, permission, 'app://aed', {})).toBe(false);
  });

  it('grant persistent storage to the app origin only (so drafts are not evicted)', () => {
    const { ask, check } = setUp();
    expect(ask('persistent-storage')).toBe(true);
    expect(check(null, 'persistent-storage', 'app://aed', {})).toBe(true);
    expect(ask('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(check(null, 'persistent-storage', 'https://evil.example', {})).toBe(false);
    expect(isPermissionGranted('persistent-storage', undefined)).toBe(false);
  });

  it('deny device access', () => {
    expect(setUp().device({ deviceType: 'usb' })).toBe(false);
  });
});
