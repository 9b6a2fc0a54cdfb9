import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, resolveAppFile } from '../../../electron/main/app-protocol-files';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';

// A real folder: out/renderer stand-in, plus a secret beside it that must never be served.
let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'aed-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>AED</title>');
  await writeFile(join(root, 'assets', 'app-1234.js'), 'console.log("hi");');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'assets', 'font.woff2'), new Uint8Array([1, 2, 3]));
  await writeFile(join(root, 'assets', 'space name.svg'), '<svg/>');
  await writeFile(join(base, 'secret.txt'), 'secret');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link-out.txt'));
  handle = createAppRequestHandler(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('app:// file serving', () => {
  it('serves a real file with its MIME type and the CSP header', async () => {
    const response = await handle(new Request('app://aed/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>AED</title>');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves index.html for the bare origin', async () => {
    const response = await handle(new Request('app://aed/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>AED</title>');
  });

  it('serves assets with module-script and font MIME types, ignoring query and hash', async () => {
    const js = await handle(new Request('app://aed/assets/app-1234.js?v=1#x'));
    expect(js.status).toBe(200);
    expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("hi");');
    const font = await handle(new Request('app://aed/assets/font.woff2'));
    expect(font.headers.get('Content-Type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    const svg = await handle(new Request('app://aed/assets/space%20name.svg'));
    expect(svg.status).toBe(200);
    expect(svg.headers.get('Content-Type')).toBe('image/svg+xml');
  });

  it.each([
    ['app://aed/../../etc/passwd', 404], // the URL parser folds it to /etc/passwd inside the root
    ['app://aed/%2e%2e/%2e%2e/etc/passwd', 404], // likewise folded
    ['app://aed/%2e%2e%2f%2e%2e%2fsecret.txt', 403], // an encoded separator is never folded
    ['app://aed/assets/..%2f..%2fsecret.txt', 403],
    ['app://aed/..%5csecret.txt', 403],
    ['app://aed/%2e%2e%5csecret.txt', 403],
    ['app://aed/assets/%00.js', 403],
    ['app://aed/C:%5cWindows%5cwin.ini', 403],
    ['app://aed/%E0%A4%A', 403], // malformed escape
    ['app://evil/index.html', 403],
    ['app://aed.evil/index.html', 403],
    ['app://aed:99/index.html', 403],
    ['https://aed/index.html', 403],
    ['file:///etc/passwd', 403],
    ['app://aed/assets/link-out.txt', 403], // a symlink pointing out of the folder
    ['app://aed/missing.js', 404],
    ['app://aed/assets', 404], // a folder is not a file
    ['app://aed/assets/', 404],
  ])('refuses %s with %i and never serves the secret', async (url, status) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('secret');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle(new Request('app://aed/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handle(new Request('app://aed/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('resolves to the real path inside the root', async () => {
    const resolution = await resolveAppFile(root, 'app://aed/assets/app.css');
    expect(resolution.kind).toBe('file');
    expect(resolution.kind === 'file' && resolution.path.endsWith(join('assets', 'app.css'))).toBe(
      true,
    );
  });

  it('answers 404 when the renderer folder is missing', async () => {
    const missing = createAppRequestHandler(join(base, 'nope'));
    expect((await missing(new Request('app://aed/index.html'))).status).toBe(404);
  });
});
