import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { mimeTypeFor } from '../../shared/mime-types';

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 — a secure context, so IndexedDB behaves as in the app. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a folder on 127.0.0.1 at a free port. `extra` maps paths to HTML served in place of
 * files (e.g. an empty page on the app's origin, to reach its IndexedDB without running the app).
 * Responses are `no-store`: the desktop app loads its files through a custom protocol with no
 * HTTP cache, so a benchmark that let the browser cache them would flatter the open time.
 */
export async function serveStatic(
  rootDir: string,
  extra: Record<string, string> = {},
): Promise<StaticServer> {
  const root = resolve(rootDir);
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const headers = { 'Cache-Control': 'no-store' };
      if (path in extra) {
        res.writeHead(200, { ...headers, 'Content-Type': mimeTypeFor('page.html') });
        res.end(extra[path]);
        return;
      }
      const file = resolve(join(root, path.endsWith('/') ? `${path}index.html` : path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { ...headers, 'Content-Type': mimeTypeFor(file) });
        res.end(body);
      } catch {
        res.writeHead(404, headers).end();
      }
    })();
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
