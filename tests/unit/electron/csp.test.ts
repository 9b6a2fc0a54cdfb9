import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../../shared/csp';

const indexHtml = new URL('../../../renderer/index.html', import.meta.url);

describe('Content Security Policy', () => {
  it('is exactly the handbook policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('drops only frame-ancestors (ignored in a meta tag) for index.html', () => {
    expect(CONTENT_SECURITY_POLICY_META).toBe(
      CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''),
    );
  });

  it.skipIf(!existsSync(indexHtml))('matches the meta tag in renderer/index.html', () => {
    const html = readFileSync(indexHtml, 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY_META);
  });
});
