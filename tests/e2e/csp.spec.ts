// The CSP of shared/csp.ts, as the browser receives and enforces it on the web build.
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../shared/csp';
import { LibraryPage } from './helpers';

test('the page arrives with the app’s CSP, in its header and its meta tag', async ({ page }) => {
  const response = await page.goto('./');
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    CONTENT_SECURITY_POLICY_META,
  );
});

test('the policy is in force: no inline script, no request to another origin', async ({ page }) => {
  await new LibraryPage(page).goto();
  const violations = await page.evaluate(async () => {
    const seen: string[] = [];
    const expected = ['script-src-elem', 'connect-src'];
    // Resolves once every expected kind of violation has been reported.
    const allReported = new Promise<void>((done) =>
      document.addEventListener('securitypolicyviolation', (e) => {
        seen.push(e.effectiveDirective);
        if (expected.every((d) => seen.includes(d))) done();
      }),
    );
    const w = window as unknown as { __inline?: boolean };

    const script = document.createElement('script');
    script.textContent = 'window.__inline = true';
    document.body.append(script);

    // Another origin on loopback (not port 9: Chromium refuses unsafe ports before any CSP
    // check); had the policy let it through, nothing would answer there.
    const fetched = await fetch('http://127.0.0.2:4999/').then(
      () => true,
      () => false,
    );
    await allReported;
    return { seen: [...new Set(seen)].sort(), inline: w.__inline === true, fetched };
  });
  // (Header and meta tag are two policies and both report, hence the de-duplication.)
  expect(violations).toEqual({
    seen: ['connect-src', 'script-src-elem'],
    inline: false,
    fetched: false,
  });
});
