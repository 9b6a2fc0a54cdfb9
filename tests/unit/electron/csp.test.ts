import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../../shared/csp';

const indexHtml = new URL('../../../renderer/index.html', import.meta.url);

/** The policy as directive → sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('Content Security Policy', () => {
  it('keeps scripts to the app itself and everything else to the app, blob: and data:', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    // What must never loosen without a reason written in shared/csp.ts.
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(policy[name], name).toEqual(["'none'"]);
    }
    // Nothing may reach or load from another host: no scheme or host sources anywhere.
    for (const [name, sources] of Object.entries(policy)) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).toMatch(
          /^('self'|'none'|'unsafe-inline'|blob:|data:)$/,
        );
      }
    }
    // Inline styles only (the editor sets them), never for scripts.
    expect(Object.keys(policy).filter((n) => policy[n]!.includes("'unsafe-inline'"))).toEqual([
      'style-src',
    ]);
  });

  it('drops only frame-ancestors (ignored in a meta tag) for index.html', () => {
    expect(CONTENT_SECURITY_POLICY_META).toBe(
      CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''),
    );
  });

  it('is the meta tag in renderer/index.html, word for word', () => {
    const html = readFileSync(indexHtml, 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY_META);
  });
});
