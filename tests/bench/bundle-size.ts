/**
 * The start-up bundle of a renderer build: the JavaScript a window loads before it can show
 * anything — the entry script of index.html and every chunk it imports statically (the chunks
 * imported with `import()` load later, when first used). Raw and gzip bytes, and whether zod is
 * among them. Runs on its own too: `node --import ./tests/bench/ts-loader.mjs
 * tests/bench/bundle-size.ts out/web out/renderer`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface StartupBundle {
  dir: string;
  /** The build's index.html was written then (ISO). */
  builtAt: string;
  /** Relative to `dir`, entry first. */
  files: string[];
  rawBytes: number;
  /** gzip level 9, file by file, as Vite reports it. */
  gzipBytes: number;
  /** zod's internals (`_zod`) are in one of the files. */
  hasZod: boolean;
}

const SCRIPT = /<script[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
const PRELOAD = /<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;
// A static import or re-export (not `import(`): `import{a as b}from"./x.js"`, `import"./x.js"`.
const STATIC_IMPORT =
  /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;

export function startupBundle(dir: string): StartupBundle {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(SCRIPT), ...html.matchAll(PRELOAD)].map((m) =>
    resolve(dir, m[1]!),
  );
  const seen = new Set<string>();
  let rawBytes = 0;
  let gzipBytes = 0;
  let hasZod = false;
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    rawBytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
    const text = code.toString('utf8');
    hasZod ||= /\b_zod\b/.test(text);
    for (const m of text.matchAll(STATIC_IMPORT)) queue.push(resolve(dirname(file), m[1]!));
  }
  return {
    dir,
    builtAt: statSync(join(dir, 'index.html')).mtime.toISOString(),
    files: [...seen].map((f) => relative(dir, f)),
    rawBytes,
    gzipBytes,
    hasZod,
  };
}

export function formatBundle(name: string, b: StartupBundle): string {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  return (
    `${name}: ${kb(b.rawBytes)} raw, ${kb(b.gzipBytes)} gzip in ${b.files.length} ` +
    `file${b.files.length === 1 ? '' : 's'}; zod ${b.hasZod ? 'INCLUDED' : 'not included'} ` +
    `(${b.dir}, built ${b.builtAt})`
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = process.argv.slice(2);
  for (const dir of dirs.length ? dirs : ['out/web', 'out/renderer']) {
    if (!existsSync(join(dir, 'index.html'))) console.log(`${dir}: no build`);
    else console.log(formatBundle('Start-up JS', startupBundle(dir)));
  }
}
