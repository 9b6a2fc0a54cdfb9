/**
 * The zip container of a backup: a small writer and a defensive reader, with fflate doing the
 * deflate itself.
 *
 * Why not fflate's zipSync/unzipSync: unzipSync returns an object keyed by name, so duplicate
 * entries collapse silently (and a name like `__proto__` misbehaves); it does not check CRC-32,
 * so a flipped bit in a stored entry would pass; and inflating into a buffer of the declared size
 * still runs a lying entry's whole stream. zipSync stamps entries with local time, so the same
 * backup would differ by time zone. Reading the central directory here lets every size, name and
 * offset be checked before a byte is inflated.
 *
 * Only what AED Writer writes is supported: deflate or stored entries, one disk, no encryption,
 * no zip64 (a backup is capped far below 4 GiB).
 */
import { deflateSync, Inflate } from 'fflate';
import { crc32 } from './checksums';
import { fail } from './errors';
import { unsafePathReason } from './paths';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;

// Compressed bytes handed to the inflater at a time: small enough that an entry lying about its
// size is stopped within ~16 MiB of output (deflate expands at most ~1032×), large enough to
// inflate at full speed.
const INFLATE_CHUNK = 16 * 1024;

export interface ZipWriteEntry {
  name: string;
  bytes: Uint8Array;
  /**
   * False to store the bytes as they are without trying deflate: for content already compressed
   * (photos, Office files), where deflating megabytes costs time and saves nothing.
   */
  deflate?: boolean;
}

export interface ZipWriteOptions {
  /** Modification time stamped on every entry (ms since the epoch, written as UTC). */
  mtime: number;
  /** The archive comment, shown by zip tools. ASCII. */
  comment?: string;
}

const utf8 = new TextEncoder();

/** DOS date and time fields from UTC, so the same backup is the same bytes in every time zone. */
function dosDateTime(ms: number): { date: number; time: number } {
  const d = new Date(Number.isFinite(ms) ? ms : 0);
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  if (year !== d.getUTCFullYear()) return { date: ((year - 1980) << 9) | (1 << 5) | 1, time: 0 };
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/** Builds a zip of the entries, in order; deterministic for the same input. */
export function writeZip(entries: readonly ZipWriteEntry[], options: ZipWriteOptions): Uint8Array {
  const { date, time } = dosDateTime(options.mtime);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = utf8.encode(entry.name);
    const deflated = entry.deflate === false ? null : deflateSync(entry.bytes, { level: 6 });
    // Already-compressed attachments (images, PDFs) are stored when deflate does not help.
    const stored = deflated === null || deflated.length >= entry.bytes.length;
    const data = stored ? entry.bytes : deflated;
    const crc = crc32(entry.bytes);
    const flags = name.length !== entry.name.length ? FLAG_UTF8 : 0;
    const method = stored ? METHOD_STORED : METHOD_DEFLATE;

    const local = new Uint8Array(30 + name.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL_HEADER, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, entry.bytes.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    local.set(data, 30 + name.length);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, CENTRAL_HEADER, true);
    cv.setUint16(4, (3 << 8) | 20, true); // made by Unix, so extracted files get sane permissions
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, entry.bytes.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(38, (0o100644 << 16) >>> 0, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);

    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const comment = utf8.encode(options.comment ?? '');
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(EOCD_SIZE + comment.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, END_OF_CENTRAL_DIRECTORY, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  ev.setUint16(20, comment.length, true);
  end.set(comment, EOCD_SIZE);

  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Caps that keep a hostile zip from exhausting memory or time. */
export interface ZipLimits {
  /** The zip file itself, in bytes. */
  maxFileBytes: number;
  maxEntries: number;
  /** The sum of all entries' uncompressed sizes. */
  maxTotalBytes: number;
  /** The largest uncompressed size allowed for an entry of this name. */
  maxEntryBytes: (name: string) => number;
  /**
   * The most an entry of at least {@link ZipLimits.ratioCheckBytes} may expand (uncompressed
   * size ÷ compressed size). Deflate reaches ~1032× only on runs of one byte: a few hundred KB
   * that declare hundreds of MiB are a zip bomb, refused before they take the memory.
   */
  maxCompressionRatio: number;
  ratioCheckBytes: number;
}

/** One entry of the central directory, checked but not yet inflated. */
export interface ZipEntryInfo {
  name: string;
  /** Uncompressed size as declared (and enforced when extracting). */
  size: number;
  /** True for a folder entry (name ending in `/`), which holds no data. */
  folder: boolean;
}

export interface ZipDirectory {
  entries: readonly ZipEntryInfo[];
  /** Inflates an entry and checks its size and CRC-32; a fresh array, never a view of the zip. */
  extract: (entry: ZipEntryInfo) => Uint8Array;
}

interface EntryRecord extends ZipEntryInfo {
  method: number;
  crc: number;
  compressedSize: number;
  localOffset: number;
  dataStart: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function mib(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - EOCD_SIZE;
  let sawSignature = false;
  for (let e = last; e >= 0 && e >= last - MAX_COMMENT; e--) {
    if (view.getUint32(e, true) !== END_OF_CENTRAL_DIRECTORY) continue;
    // The comment must end exactly at the end of the file; anything else is a signature that
    // happens to appear inside data, or a file with bytes cut or added at its end.
    if (e + EOCD_SIZE + view.getUint16(e + 20, true) === bytes.length) return e;
    sawSignature = true;
  }
  if (sawSignature) fail('damaged', 'the end of the zip does not add up');
  if (bytes.length >= 4 && view.getUint32(0, true) === LOCAL_HEADER) {
    fail('truncated', 'the end of the file is missing');
  }
  return fail('not-a-zip', bytes.length === 0 ? 'the file is empty' : 'no zip directory');
}

/**
 * Reads and checks a zip's directory: structure, names, duplicates, declared sizes, and that
 * entries neither overlap nor run past the directory. Inflates nothing.
 */
export function openZip(bytes: Uint8Array, limits: ZipLimits): ZipDirectory {
  if (bytes.length > limits.maxFileBytes) {
    fail('too-large', `the file is ${mib(bytes.length)}; the limit is ${mib(limits.maxFileBytes)}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);

  const disk = view.getUint16(eocd + 4, true);
  const directoryDisk = view.getUint16(eocd + 6, true);
  const countOnDisk = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || directoryDisk !== 0 || countOnDisk !== count) {
    fail('unsupported', 'a zip split over several disks');
  }
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_END_LOCATOR) {
    fail('unsupported', 'a zip64 archive');
  }
  if (count > limits.maxEntries) {
    fail('too-large', `${count} entries; the limit is ${limits.maxEntries}`);
  }
  if (directoryOffset + directorySize !== eocd) {
    fail(directoryOffset + directorySize > eocd ? 'truncated' : 'damaged', 'the zip directory');
  }

  const records: EntryRecord[] = [];
  const names = new Set<string>();
  let total = 0;
  let p = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_HEADER) {
      fail('damaged', `entry ${i + 1} of the zip directory`);
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > eocd) fail('damaged', `entry ${i + 1} of the zip directory`);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    p = next;

    let name: string;
    try {
      name = strictUtf8.decode(nameBytes);
    } catch {
      return fail('unsafe-path', `entry ${i + 1} has a name that is not UTF-8`);
    }
    const unsafe = unsafePathReason(name);
    if (unsafe !== null) fail('unsafe-path', `"${printable(name)}": ${unsafe}`);
    if (names.has(name)) fail('duplicate-entry', `"${name}" appears twice`);
    names.add(name);

    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) fail('unsupported', 'encryption');
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) {
      fail('unsupported', `compression method ${method}`);
    }
    const limit = limits.maxEntryBytes(name);
    if (size > limit) {
      fail('too-large', `"${name}" would be ${mib(size)}; the limit is ${mib(limit)}`);
    }
    if (
      size >= limits.ratioCheckBytes &&
      size > limits.maxCompressionRatio * Math.max(compressedSize, 1)
    ) {
      fail(
        'too-large',
        `"${name}" would expand ${Math.round(size / Math.max(compressedSize, 1))} times, to ${mib(size)}: no real file does`,
      );
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      fail('too-large', `more than ${mib(limits.maxTotalBytes)} in all`);
    }
    if (method === METHOD_STORED && compressedSize !== size) {
      fail('damaged', `"${name}" has inconsistent sizes`);
    }
    const folder = name.endsWith('/');
    if (folder && size !== 0) fail('damaged', `folder "${name}" holds data`);

    // The local header must agree with the directory: a zip whose two copies of a name differ
    // is how some tools are tricked into extracting one file under another's name.
    if (localOffset + 30 > directoryOffset || view.getUint32(localOffset, true) !== LOCAL_HEADER) {
      fail('damaged', `"${name}" has no local header`);
    }
    const localFlags = view.getUint16(localOffset + 6, true);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    if (
      view.getUint16(localOffset + 8, true) !== method ||
      localNameLength !== nameLength ||
      !sameBytes(bytes.subarray(localOffset + 30, localOffset + 30 + nameLength), nameBytes) ||
      (!(localFlags & FLAG_DATA_DESCRIPTOR) &&
        (view.getUint32(localOffset + 14, true) !== crc ||
          view.getUint32(localOffset + 18, true) !== compressedSize ||
          view.getUint32(localOffset + 22, true) !== size))
    ) {
      fail('damaged', `the two headers of "${name}" differ`);
    }
    if (dataStart + compressedSize > directoryOffset) {
      fail('truncated', `"${name}" runs past the end of its data`);
    }
    records.push({ name, size, folder, method, crc, compressedSize, localOffset, dataStart });
  }
  if (p !== eocd) fail('damaged', 'the zip directory has extra bytes');

  // Overlapping entries are the trick behind "quoted overlap" zip bombs; a real zip has none.
  const byStart = [...records].sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 1; i < byStart.length; i++) {
    const prev = byStart[i - 1]!;
    if (prev.dataStart + prev.compressedSize > byStart[i]!.localOffset) {
      fail('damaged', `"${prev.name}" and "${byStart[i]!.name}" overlap`);
    }
  }

  const known = new Set<ZipEntryInfo>(records);
  return {
    entries: records,
    extract(info) {
      if (!known.has(info)) return fail('internal', 'extract() was given an entry of another zip');
      const entry = info as EntryRecord;
      const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
      const out = entry.method === METHOD_STORED ? data.slice() : inflateCapped(data, entry);
      if (crc32(out) !== entry.crc) fail('damaged', `"${entry.name}" fails its CRC check`);
      return out;
    },
  };
}

/** Inflates into a buffer of the declared size, stopping as soon as the output would exceed it. */
function inflateCapped(data: Uint8Array, entry: EntryRecord): Uint8Array {
  const out = new Uint8Array(entry.size);
  let length = 0;
  let overflow = false;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (length + chunk.length > out.length) {
      overflow = true;
      throw new Error('overflow');
    }
    out.set(chunk, length);
    length += chunk.length;
    if (final) ended = true;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += INFLATE_CHUNK) {
      inflater.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
    }
  } catch {
    if (overflow) fail('too-large', `"${entry.name}" holds more than it declares`);
    fail('damaged', `"${entry.name}" cannot be decompressed`);
  }
  if (!ended || length !== entry.size) fail('damaged', `"${entry.name}" has the wrong size`);
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A name as it can be shown in a message: control characters made visible, length capped. */
function printable(name: string): string {
  const visible = name.replace(
    // eslint-disable-next-line no-control-regex -- making control characters visible is the point
    /[\u0000-\u001f\u007f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return visible.length > 80 ? `${visible.slice(0, 77)}…` : visible;
}
