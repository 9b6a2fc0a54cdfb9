// The web build's server, on a real port over a real folder: the app's own CSP on every
// response and the shared MIME types, and nothing outside its folder.
import { get } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebServer } from '../../../scripts/serve-web';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { mimeTypeFor } from '../../../shared/mime-types';

let base: string;
let origin: string;
let close: () => Promise<void>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'aed-serve-web-'));
  await mkdir(join(base, 'web', 'assets'), { recursive: true });
  await writeFile(join(base, 'web', 'index.html'), '<!doctype html><title>AED Writer</title>');
  await writeFile(join(base, 'web', 'assets', 'index-Ab12.js'), 'export {};');
  await writeFile(join(base, 'secret.txt'), 'not for the browser');
  const server = createWebServer(join(base, 'web'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((done) => server.close(() => done()));
});

afterAll(async () => {
  await close();
  await rm(base, { recursive: true, force: true });
});

function rawGet(path: string): Promise<{ status?: number; csp?: string; body: string }> {
  return new Promise((done, fail) => {
    get(`${origin}/`, { path }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        done({
          status: res.statusCode,
          csp: res.headers['content-security-policy'] as string | undefined,
          body,
        }),
      );
    }).on('error', fail);
  });
}

describe('scripts/serve-web', () => {
  it('serves index.html for / with the app’s CSP and the shared MIME type', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe(mimeTypeFor('index.html'));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>AED Writer</title>');
  });

  it('serves the build’s scripts as JavaScript', async () => {
    const response = await fetch(`${origin}/assets/index-Ab12.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404, with the CSP, for missing files and anything outside its folder', async () => {
    for (const path of ['/nope.js', '/../secret.txt', '/%2e%2e/secret.txt', '/%E0%A4%A']) {
      // The path as sent, not normalised the way fetch() would.
      const { status, csp, body } = await rawGet(path);
      expect(status, path).toBe(404);
      expect(csp).toBe(CONTENT_SECURITY_POLICY);
      expect(body).not.toContain('not for the browser');
    }
  });
});
