/**
 * Taking real backups apart and putting them back together wrong, for the hostile-input tests.
 * The unpacking trusts its input: it is only ever given backups the writer made.
 */
import { unzipSync } from 'fflate';
import { expect } from 'vitest';
import { sha256Hex } from '../../../../shared/backup/checksums';
import type { BackupErrorCode, ReadResult } from '../../../../shared/backup';
import { writeZip } from '../../../../shared/backup/zip';
import { crc32 } from '../../../../shared/backup/checksums';
import { APP_VERSION, SAMPLE_NOW } from '../../../fixtures/backup/sample-drafts';

export interface Entry {
  name: string;
  bytes: Uint8Array;
}

export const utf8 = new TextEncoder();
const text = new TextDecoder();

export function unpack(zip: Uint8Array): Entry[] {
  return Object.entries(unzipSync(zip)).map(([name, bytes]) => ({ name, bytes }));
}

/**
 * A zip of the entries, stored uncompressed: as valid as the writer's, and fast enough to build
 * a thousand of (deflating the sample's draft.json each time would dominate the mutant test).
 */
export function repack(entries: readonly Entry[]): Uint8Array {
  return rawZip(storedEntries(entries));
}

/** A zip of the entries as the app's own writer makes it (deflated, with a comment). */
export function repackDeflated(entries: readonly Entry[]): Uint8Array {
  return writeZip(entries, { mtime: SAMPLE_NOW, comment: 'test' });
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function readJson(entry: Entry): Json {
  return JSON.parse(text.decode(entry.bytes)) as Json;
}

export function jsonEntry(name: string, value: unknown): Entry {
  return { name, bytes: utf8.encode(JSON.stringify(value)) };
}

/** The entries with manifest.json replaced by `change(manifest)`. */
export function editManifest(
  entries: readonly Entry[],
  change: (manifest: Record<string, Json>) => unknown,
): Entry[] {
  return entries.map((e) =>
    e.name === 'manifest.json' ? jsonEntry(e.name, change(readJson(e) as Record<string, Json>)) : e,
  );
}

/** Recomputes the manifest's list (sizes and hashes) from the entries, as an honest writer would. */
export async function relist(entries: readonly Entry[]): Promise<Entry[]> {
  const listed = await Promise.all(
    entries
      .filter((e) => e.name !== 'manifest.json')
      .map(async (e) => ({ path: e.name, size: e.bytes.length, sha256: await sha256Hex(e.bytes) })),
  );
  return editManifest(entries, (m) => ({ ...m, entries: listed }));
}

export const readOptions = { appVersion: APP_VERSION };

/** Asserts a refusal with this code and a message, and returns the message. */
export function expectRefused(result: ReadResult, code: BackupErrorCode): string {
  if (result.ok) throw new Error(`expected "${code}", but the backup was accepted`);
  expect(result.error.code, result.error.detail).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(20);
  return result.error.message;
}

/** Offsets of each entry's local and central headers in a zip (no comment-in-data tricks). */
export function headerOffsets(zip: Uint8Array): Array<{ local: number; central: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: Array<{ local: number; central: number }> = [];
  for (let i = 0; i < count; i++) {
    out.push({ local: view.getUint32(p + 42, true), central: p });
    p +=
      46 +
      view.getUint16(p + 28, true) +
      view.getUint16(p + 30, true) +
      view.getUint16(p + 32, true);
  }
  return out;
}

export function setU32(bytes: Uint8Array, offset: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(
    offset,
    value >>> 0,
    true,
  );
}

export function setU16(bytes: Uint8Array, offset: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint16(offset, value, true);
}

/** mulberry32: a small seeded PRNG, so every run builds the same mutants. */
export function prng(seed: number): { next: () => number; int: (n: number) => number } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n) };
}

/** An entry written exactly as given: data already compressed, sizes and CRC as declared. */
export interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** A zip built field by field, so tests can make it lie. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const central = new Uint8Array(46 + name.length);
    for (const [header, base] of [
      [local, 4],
      [central, 6],
    ] as const) {
      setU32(header, 0, header === local ? 0x04034b50 : 0x02014b50);
      setU16(header, base + 4, e.method);
      setU32(header, base + 10, e.crc);
      setU32(header, base + 14, e.data.length);
      setU32(header, base + 18, e.size);
      setU16(header, base + 22, name.length);
    }
    setU32(central, 42, offset);
    local.set(name, 30);
    central.set(name, 46);
    parts.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  setU32(end, 0, 0x06054b50);
  setU16(end, 8, entries.length);
  setU16(end, 10, entries.length);
  setU32(end, 12, centralSize);
  setU32(end, 16, offset);
  const all = [...parts, ...centrals, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Honest raw entries (stored) for a list of entries. */
export function storedEntries(entries: readonly Entry[]): RawEntry[] {
  return entries.map((e) => ({
    name: e.name,
    data: e.bytes,
    method: 0,
    crc: crc32(e.bytes),
    size: e.bytes.length,
  }));
}
