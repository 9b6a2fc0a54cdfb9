import { beforeEach, describe, expect, it, vi } from 'vitest';

const { electron } = await vi.hoisted(() => import('./fake-electron'));
vi.mock('electron', () => electron);

import {
  APP_SCHEME_REGISTRATION,
  registerAppScheme,
  serveAppProtocol,
} from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';

describe('app:// scheme', () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it('registers "app" as standard and secure (else no IndexedDB) with fetch support', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }) as unknown,
      },
    ]);
    expect(APP_SCHEME_REGISTRATION.scheme).toBe('app');
  });

  it('handles the "app" scheme with a handler that answers with the CSP', async () => {
    serveAppProtocol('/nonexistent-renderer-folder');
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = electron.protocol.handle.mock.calls[0]![1] as (r: Request) => Promise<Response>;
    const response = await handler(new Request('app://aed/index.html'));
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
