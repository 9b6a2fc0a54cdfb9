// Serves the web build (out/web) on loopback only. Used by `npm run web`, `npm start`'s fallback
// and the e2e tests, so all three see the same headers as a real static host would send.
// TypeScript run through tests/bench/ts-loader.mjs, so the CSP and the MIME types are the app's
// own (shared/csp.ts, shared/mime-types.ts) rather than copies.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { mimeTypeFor } from '../shared/mime-types';

async function resolveFile(root: string, urlPath: string): Promise<string | null> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return null;
  }
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    const s = await stat(file);
    return s.isDirectory() ? join(file, 'index.html') : file;
  } catch {
    return null;
  }
}

/** A server for the files under `rootDir`, with the desktop's CSP on every response. */
export function createWebServer(rootDir: string): Server {
  const root = resolve(rootDir);
  return createServer((req, res) => {
    void (async () => {
      const file = await resolveFile(root, req.url ?? '/');
      const headers = {
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      };
      if (!file) {
        res.writeHead(404, headers).end('Not found');
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { ...headers, 'Content-Type': mimeTypeFor(file) });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, headers).end('Not found');
      }
    })();
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../out/web', import.meta.url));
  const port = Number(process.env.PORT ?? 4173);
  const host = '127.0.0.1';
  createWebServer(root).listen(port, host, () => {
    console.log(`AED Writer (web build) is at http://${host}:${port}/ — press Ctrl+C to stop.`);
  });
}
