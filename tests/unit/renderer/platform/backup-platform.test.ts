// The web Platform's backup methods: a browser keeps no automatic backups (the app reminds the
// user instead), so each resolves or unsubscribes without doing anything.
import { describe, expect, it, vi } from 'vitest';
import { createWebPlatform } from '../../../../renderer/src/platform/web';

describe('web Platform backups', () => {
  it('has no automatic backups, and its backup methods do nothing', async () => {
    const platform = createWebPlatform();
    expect(platform.autoBackups).toBe(false);
    await expect(
      platform.writeAutoBackup('d', 'Title', new Uint8Array([1])),
    ).resolves.toBeUndefined();
    await expect(platform.openBackupsFolder()).resolves.toBeUndefined();
    const handler = vi.fn();
    const off = platform.onBackupAllRequested(handler);
    expect(typeof off).toBe('function');
    off();
    expect(handler).not.toHaveBeenCalled();
  });
});
