// electron-builder.yml as electron-builder itself reads and checks it (its loader and its
// schema), so a misspelt key or value fails here rather than at `npm run dist` on a machine that
// has Electron's binary. The fuses are checked against @electron/fuses' own list.
import { FuseV1Options } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

type Configuration = Awaited<ReturnType<typeof getConfig>>;

const projectDir = fileURLToPath(new URL('../../../', import.meta.url));
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(projectDir, null, null);
});

describe('electron-builder.yml', () => {
  it('is a configuration electron-builder accepts, and its check does refuse a bad one', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /does not match the API schema/,
    );
  });

  it('names the app', () => {
    expect(config.appId).toBe('uk.org.aedwriter.app');
    expect(config.productName).toBe('AED Writer');
  });

  it('flips the security fuses, each a fuse Electron has', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    for (const name of Object.keys(config.electronFuses!)) {
      expect(FuseV1Options, name).toHaveProperty(name[0]!.toUpperCase() + name.slice(1));
    }
  });

  it('packages the built output for every desktop OS', () => {
    expect(config.files).toEqual([{ filter: ['out/**', '!out/web/**', 'package.json'] }]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });
});
