import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A line-level read of the YAML (no parser dependency): enough to hold the security settings.
const yaml = readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');

function section(name: string): Record<string, string> {
  const body = new RegExp(`^${name}:\\n((?:[ ]+.*\\n?)+)`, 'm').exec(yaml)?.[1] ?? '';
  return Object.fromEntries(
    [...body.matchAll(/^ {2}(\w+): *(.*)$/gm)].map((match) => [match[1]!, match[2]!.trim()]),
  );
}

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(yaml).toMatch(/^appId: uk\.org\.aedwriter\.app$/m);
    expect(yaml).toMatch(/^productName: AED Writer$/m);
  });

  it('flips the security fuses', () => {
    expect(section('electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('packages the built output for every desktop OS', () => {
    expect(yaml).toMatch(/^files:\n {2}- out\/\*\*$/m);
    expect(yaml).toMatch(/^linux:\n {2}target:\n {4}- AppImage\n {4}- deb$/m);
    expect(yaml).toMatch(/^win:\n {2}target:\n {4}- nsis$/m);
    expect(yaml).toMatch(/^mac:\n {2}target:\n {4}- dmg$/m);
  });
});
