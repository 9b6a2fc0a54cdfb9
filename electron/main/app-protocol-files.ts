/**
 * What the `app://` protocol answers: files from the built renderer folder and nothing else.
 * No Electron import, so the path checks are tested against a real folder; `app-protocol.ts`
 * hands this handler to `protocol.handle`.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { mimeTypeFor } from '../../shared/mime-types';
import { isAppOriginUrl } from './app-identity';

export type AppFileResolution =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'not-found' };

const FORBIDDEN: AppFileResolution = { kind: 'forbidden' };
const NOT_FOUND: AppFileResolution = { kind: 'not-found' };

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/**
 * Maps an `app://aed/…` URL to a file inside `rootDir`. Anything that could step outside —
 * another host, `..` in any spelling, encoded separators, drive letters, symlinks pointing out —
 * is forbidden rather than normalised, because a well-formed app never asks for it.
 */
export async function resolveAppFile(
  rootDir: string,
  requestUrl: string,
): Promise<AppFileResolution> {
  if (!isAppOriginUrl(requestUrl)) return FORBIDDEN;
  const { pathname } = new URL(requestUrl);

  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return FORBIDDEN;
    }
    // ':' would let Windows switch drives or open an alternate data stream.
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return FORBIDDEN;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');

  let root: string;
  try {
    root = await realpath(rootDir);
  } catch {
    return NOT_FOUND;
  }
  const candidate = resolve(root, ...segments);
  if (!isInside(root, candidate)) return FORBIDDEN;

  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return NOT_FOUND;
  }
  if (!isInside(root, real)) return FORBIDDEN;
  try {
    return (await stat(real)).isFile() ? { kind: 'file', path: real } : NOT_FOUND;
  } catch {
    return NOT_FOUND;
  }
}

/** Headers on every response, errors included: the CSP must cover whatever is rendered. */
function headers(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The files change with each update while the origin stays the same.
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

/** A `protocol.handle` handler serving `rootDir` at `app://aed/`. */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed');
    }
    const resolution = await resolveAppFile(rootDir, request.url);
    if (resolution.kind === 'forbidden') return textResponse(403, 'Forbidden');
    if (resolution.kind === 'not-found') return textResponse(404, 'Not found');
    let body: Uint8Array<ArrayBuffer> | null = null;
    if (request.method === 'GET') {
      try {
        // A copy (cheap for these few local files) gives the plain ArrayBuffer Response's types want.
        body = new Uint8Array(await readFile(resolution.path));
      } catch {
        return textResponse(404, 'Not found');
      }
    }
    return new Response(body, { status: 200, headers: headers(mimeTypeFor(resolution.path)) });
  };
}
