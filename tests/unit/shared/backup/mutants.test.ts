/**
 * Mutation fuzzing: well over 1,000 broken and hostile variants of a real backup, built
 * deterministically from a seed. For each, readBackup must resolve (never throw, never hang) and
 * either refuse with a message, or accept only when the result is exactly the original backup
 * (a flipped bit in the zip comment or an entry's date changes nothing that is read).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  readBackup,
  writeBackup,
  type Backup,
  type BackupErrorCode,
  type ReadResult,
} from '../../../../shared/backup';
import {
  APP_VERSION,
  SAMPLE_NOW,
  evidenceDraft,
  richDraft,
  smallDraft,
} from '../../../fixtures/backup/sample-drafts';
import {
  editManifest,
  headerOffsets,
  jsonEntry,
  prng,
  readJson,
  readOptions,
  relist,
  repack,
  repackDeflated,
  setU16,
  setU32,
  unpack,
  utf8,
  type Entry,
  type Json,
} from './helpers';

interface Mutant {
  kind: string;
  bytes: Uint8Array;
  /** The refusal this mutant must get; undefined when any refusal (or an identical read) will do. */
  expected?: BackupErrorCode | readonly BackupErrorCode[];
  /** Set for changes to bytes the reader ignores: the mutant must read as the original. */
  harmless?: true;
}

const rand = prng(20260314);
const EVIDENCE_DRAFT = 'draft-3';
const pick = <T>(items: readonly T[]): T => items[rand.int(items.length)]!;

let original: Uint8Array;
let entries: Entry[];
let originalBackup: Backup;

beforeAll(async () => {
  original = await writeBackup({
    drafts: [
      richDraft(),
      { ...smallDraft('draft-2', 'Second'), files: [{ name: 'a.txt', bytes: utf8.encode('½') }] },
      await evidenceDraft(EVIDENCE_DRAFT),
    ],
    appVersion: APP_VERSION,
    now: SAMPLE_NOW,
  });
  entries = unpack(original);
  const result = await readBackup(original, readOptions);
  if (!result.ok) throw new Error(result.error.detail);
  originalBackup = result.backup;
});

const draftJsonNames = () =>
  entries.filter((e) => e.name.endsWith('/draft.json')).map((e) => e.name);

function truncations(count: number): Mutant[] {
  return Array.from({ length: count }, () => ({
    kind: 'truncate',
    bytes: original.slice(0, rand.int(original.length)),
  }));
}

function bitFlips(count: number): Mutant[] {
  return Array.from({ length: count }, () => {
    const bytes = original.slice();
    const flips = 1 + rand.int(4);
    for (let i = 0; i < flips; i++) bytes[rand.int(bytes.length)]! ^= 1 << rand.int(8);
    return { kind: 'bit-flip', bytes };
  });
}

function overwrites(count: number): Mutant[] {
  return Array.from({ length: count }, () => {
    const bytes = original.slice();
    const start = rand.int(bytes.length);
    const end = Math.min(bytes.length, start + 1 + rand.int(256));
    for (let i = start; i < end; i++) bytes[i] = rand.int(256);
    return { kind: 'overwrite', bytes };
  });
}

const HOSTILE_NAMES = [
  '../x',
  '../../../../etc/passwd',
  'drafts/../../x',
  '/abs/x',
  '/',
  'C:/x',
  'c:x',
  'a\\b',
  '\\\\server\\share\\x',
  'x\u0000.json',
  'drafts//x',
  './x',
  '',
];

function hostileNames(): Mutant[] {
  return entries.flatMap((_, index) =>
    HOSTILE_NAMES.map((name) => ({
      kind: 'hostile-name',
      bytes: repack(entries.map((e, i) => (i === index ? { ...e, name } : e))),
      expected: 'unsafe-path' as const,
    })),
  );
}

function duplicates(): Mutant[] {
  return entries.flatMap((entry) =>
    [0, 1, entries.length].map((at) => {
      const copy = { name: entry.name, bytes: rand.next() < 0.5 ? entry.bytes : utf8.encode('{}') };
      const list = [...entries];
      list.splice(at, 0, copy);
      return {
        kind: 'duplicate',
        bytes: repackDeflated(list),
        expected: 'duplicate-entry' as const,
      };
    }),
  );
}

const WRONG_VALUES: Json[] = [null, 0, -1, 1.5, 2, '', 'x', true, [], {}, [1], { a: 1 }];
const DELETE: unique symbol = Symbol('delete');
const VALUES: Array<typeof DELETE | Json> = [DELETE, ...WRONG_VALUES];

function manifestFields(): Mutant[] {
  const out: Mutant[] = [];
  const top = ['format', 'formatVersion', 'appVersion', 'createdAt', 'drafts', 'entries'];
  for (const key of top) {
    for (const value of VALUES) {
      // Any non-empty appVersion is valid: that one would be a changed backup, not a broken one.
      if (key === 'appVersion' && typeof value === 'string' && value !== '') continue;
      const mutated = editManifest(entries, (m) => {
        const copy: Record<string, Json> = { ...m };
        if (value === DELETE) delete copy[key];
        else copy[key] = value;
        return copy;
      });
      // A bigger integer version is a newer format; anything else wrong is refused as content.
      out.push({ kind: 'manifest-field', bytes: repack(mutated) });
    }
  }
  for (const key of ['path', 'size', 'sha256']) {
    for (const value of VALUES) {
      const index = rand.int(entries.length - 1);
      const mutated = editManifest(entries, (m) => {
        const listed = (m.entries as Array<Record<string, Json>>).map((e) => ({ ...e }));
        if (value === DELETE) delete listed[index]![key];
        else listed[index]![key] = value;
        return { ...m, entries: listed };
      });
      out.push({ kind: 'manifest-entry-field', bytes: repack(mutated) });
    }
  }
  return out;
}

/** Indices of JSON's structural characters outside strings. */
function structuralIndices(text: string): number[] {
  const out: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out.push(i);
    } else if ('{}[]:,'.includes(c)) {
      out.push(i);
    }
  }
  return out;
}

async function jsonSyntax(count: number): Promise<Mutant[]> {
  const out: Mutant[] = [];
  for (let n = 0; n < count; n++) {
    const name = pick(draftJsonNames());
    const text = new TextDecoder().decode(entries.find((e) => e.name === name)!.bytes);
    let broken: string;
    if (n % 3 === 0) {
      broken = text.slice(0, rand.int(text.length));
    } else {
      const at = pick(structuralIndices(text));
      const replacement =
        n % 3 === 1 ? '' : pick(['{', '}', '[', ']', ':', ',', '"'].filter((c) => c !== text[at]));
      broken = text.slice(0, at) + replacement + text.slice(at + 1);
    }
    const changed = entries.map((e) =>
      e.name === name ? { name, bytes: utf8.encode(broken) } : e,
    );
    // Half relisted (the JSON itself is what fails), half not (the checksum catches it first).
    const relisted = n % 2 === 0;
    out.push({
      kind: relisted ? 'json-syntax' : 'json-syntax-unlisted-hash',
      bytes: repack(relisted ? await relist(changed) : changed),
      expected: relisted ? 'bad-json' : 'checksum-mismatch',
    });
  }
  return out;
}

type Path = Array<string | number>;

/** Every path in the JSON tree where a wrong type is certainly wrong for the schema. */
function typedPaths(value: Json, path: Path = []): Path[] {
  const out: Path[] = path.length > 0 ? [path] : [];
  const parent = path[path.length - 1];
  // A field's value may be a string, number or null, and fields/criteria are open records: a
  // changed type or a removed key there can be valid, so only their containers are mutated.
  if (parent === 'fields' || parent === 'criteria') return out;
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...typedPaths(v, [...path, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...typedPaths(v, [...path, k]));
  }
  return out;
}

function wrongValueFor(current: Json): Json {
  // null is left out for strings and numbers (editorState, deletedAt… are nullable), numbers
  // for null (deletedAt may be a number), strings for strings, and so on.
  const candidates: Json[] =
    current === null
      ? [true, [], {}]
      : typeof current === 'string'
        ? [7, false, [], { a: 1 }]
        : typeof current === 'number'
          ? ['7', true, [], {}]
          : typeof current === 'boolean'
            ? ['true', 1, []]
            : Array.isArray(current)
              ? ['[]', 0, {}, true]
              : ['{}', 0, [], true];
  return pick(candidates);
}

async function jsonTypes(count: number): Promise<Mutant[]> {
  const out: Mutant[] = [];
  const parsed = new Map(
    draftJsonNames().map((name) => [name, readJson(entries.find((e) => e.name === name)!)]),
  );
  for (let n = 0; n < count; n++) {
    const name = pick([...parsed.keys()]);
    const json = structuredClone(parsed.get(name)!);
    const path = pick(typedPaths(json));
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1]!;
    let parent: Json = json;
    for (const k of parentPath) parent = (parent as Record<string | number, Json>)[k]!;
    const container = parent as Record<string | number, Json>;
    const action = n % 5;
    // `submission`, `evidence` and `feedback` may be absent (a draft or version without them).
    if (
      action === 0 &&
      !Array.isArray(container) &&
      !['submission', 'evidence', 'feedback'].includes(String(key))
    ) {
      delete container[key];
    } else if (
      action === 1 &&
      !Array.isArray(container) &&
      !['fields', 'criteria'].includes(String(parentPath[parentPath.length - 1]))
    ) {
      container.unexpected = 1;
    } else {
      container[key] = wrongValueFor(container[key]!);
    }
    const changed = entries.map((e) => (e.name === name ? jsonEntry(name, json) : e));
    out.push({
      kind: 'json-wrong-type',
      bytes: repack(await relist(changed)),
      expected: 'invalid-content',
    });
  }
  return out;
}

/**
 * Content of the right types but past the limits a draft may hold (shared/content-limits.ts):
 * huge table spans, widths and rows, lists nested past the limit, long titles and labels, too
 * many sections or versions. Each would import and then hang or bloat the app.
 */
async function pastLimits(count: number): Promise<Mutant[]> {
  const out: Mutant[] = [];
  const parsed = new Map(
    draftJsonNames().map((name) => [name, readJson(entries.find((e) => e.name === name)!)]),
  );
  const state = (...blocks: Json[]) => JSON.stringify({ root: { type: 'root', children: blocks } });
  const table = (rows: Json[], extra: Record<string, Json> = {}): Json => ({
    type: 'table',
    children: rows,
    ...extra,
  });
  const row = (cells: number, extra: Record<string, Json> = {}): Json => ({
    type: 'tablerow',
    children: Array.from({ length: cells }, () => ({ type: 'tablecell', children: [], ...extra })),
  });
  const list = (depth: number): Json => {
    let node: Json = { type: 'listitem', children: [] };
    for (let i = 0; i < depth; i++) {
      node = { type: 'listitem', children: [{ type: 'list', children: [node] }] };
    }
    return { type: 'list', children: [node] };
  };
  const huge = () => pick([64, 1000, 1e6, 1e9, 2 ** 31, Number.MAX_SAFE_INTEGER]);
  const changes: Array<(json: Record<string, Json>) => void> = [
    (j) => void (firstSection(j).editorState = state(table([row(1, { colSpan: huge() })]))),
    (j) => void (firstSection(j).editorState = state(table([row(1, { rowSpan: 2000 + huge() })]))),
    (j) => void (firstSection(j).editorState = state(table([row(1, { width: 1e4 + huge() })]))),
    (j) =>
      void (firstSection(j).editorState = state(table([row(1)], { colWidths: [1e4 + huge()] }))),
    (j) => void (firstSection(j).editorState = state(table([row(64 + rand.int(3000))]))),
    (j) => void (firstSection(j).editorState = state(list(21 + rand.int(900)))),
    (j) => void ((j.draft as Record<string, Json>).title = 'x'.repeat(501 + rand.int(100_000))),
    (j) =>
      void (j.sections = Array.from({ length: 201 + rand.int(2000) }, (_, i) => ({
        ...firstSection(j),
        sectionId: `extra-${i}`,
      }))),
    (j) =>
      void (firstSection(j).fields = Object.fromEntries(
        Array.from({ length: 501 + rand.int(1000) }, (_, i) => [`f${i}`, 'x']),
      )),
    (j) => {
      const snapshot = (j.snapshots as Json[])[0] as Record<string, Json> | undefined;
      if (snapshot) snapshot.label = 'x'.repeat(1001 + rand.int(10_000));
      else (j.draft as Record<string, Json>).title = 'x'.repeat(501);
    },
  ];
  for (let n = 0; n < count; n++) {
    const name = pick([...parsed.keys()]);
    const json = structuredClone(parsed.get(name)!) as Record<string, Json>;
    changes[n % changes.length]!(json);
    const changed = entries.map((e) => (e.name === name ? jsonEntry(name, json) : e));
    out.push({
      kind: 'past-limits',
      bytes: repack(await relist(changed)),
      expected: 'invalid-content',
    });
  }
  return out;
}

/**
 * Evidence of the right types but past its limits or not matching its files: too many items or
 * tags, long captions and names, files over 25 MB, an item whose bytes are missing, of another
 * size or of another type.
 */
async function evidenceMismatches(count: number): Promise<Mutant[]> {
  const name = `drafts/${EVIDENCE_DRAFT}/draft.json`;
  const parsed = readJson(entries.find((e) => e.name === name)!) as Record<string, Json>;
  const item = (j: Record<string, Json>) => {
    const list = j.evidence as Json[];
    return list[rand.int(list.length)] as Record<string, Json>;
  };
  const versionItem = (j: Record<string, Json>) => {
    const list = ((j.snapshots as Json[])[0] as Record<string, Json>).evidence as Json[];
    return list[rand.int(list.length)] as Record<string, Json>;
  };
  const otherHash = () =>
    Array.from({ length: 64 }, () => '0123456789abcdef'[rand.int(16)]).join('');
  const changes: Array<(json: Record<string, Json>) => void> = [
    (j) =>
      void (j.evidence = Array.from({ length: 1001 + rand.int(500) }, (_, i) => ({
        ...item(j),
        id: `e${i}`,
      }))),
    (j) => void (item(j).caption = 'x'.repeat(2001 + rand.int(10_000))),
    (j) => void (item(j).fileName = 'x'.repeat(256 + rand.int(1000))),
    (j) => void (item(j).criteria = Array.from({ length: 101 + rand.int(400) }, (_, i) => `c${i}`)),
    (j) => void (item(j).size = 25 * 1024 * 1024 + 1 + rand.int(1e9)),
    (j) => void (item(j).size = (item(j).size as number) + 1 + rand.int(100)),
    (j) => void (item(j).sha256 = otherHash()),
    (j) => void (versionItem(j).sha256 = otherHash()),
    (j) =>
      void (item(j).mimeType = pick(['image/heic', 'application/pdf', 'text/csv', 'image/gif'])),
    (j) => void (versionItem(j).draftId = 'draft-2'),
  ];
  const out: Mutant[] = [];
  for (let n = 0; n < count; n++) {
    const json = structuredClone(parsed);
    const before = JSON.stringify(json);
    changes[n % changes.length]!(json);
    // A type change that picked the item's own type changes nothing: not a mutant.
    if (JSON.stringify(json) === before) continue;
    const changed = entries.map((e) => (e.name === name ? jsonEntry(name, json) : e));
    out.push({
      kind: 'evidence-mismatch',
      bytes: repack(await relist(changed)),
      expected: 'invalid-content',
    });
  }
  return out;
}

function firstSection(json: Record<string, Json>): Record<string, Json> {
  return (json.sections as Json[])[0] as Record<string, Json>;
}

function unlisted(count: number): Mutant[] {
  return Array.from({ length: count }, (_, n) => {
    const name = pick([
      'extra.txt',
      'drafts/x/draft.json',
      'drafts/draft-2/files/b.txt',
      '.DS_Store',
      `junk-${n}`,
    ]);
    const bytes = new Uint8Array(rand.int(64)).map(() => rand.int(256));
    const list = [...entries];
    list.splice(1 + rand.int(list.length), 0, { name, bytes });
    return {
      kind: 'unlisted-entry',
      bytes: repackDeflated(list),
      expected: 'unlisted-entry' as const,
    };
  });
}

function listingMismatches(count: number): Mutant[] {
  return Array.from({ length: count }, (_, n) => {
    if (n % 4 === 3) {
      const index = 1 + rand.int(entries.length - 1);
      return {
        kind: 'missing-entry',
        bytes: repack(entries.filter((_, i) => i !== index)),
        expected: 'missing-entry' as const,
      };
    }
    const index = rand.int(entries.length - 1);
    const mutated = editManifest(entries, (m) => {
      const listed = (m.entries as Array<Record<string, Json>>).map((e) => ({ ...e }));
      const entry = listed[index]!;
      if (n % 4 === 0) entry.size = (entry.size as number) + 1;
      else if (n % 4 === 1) entry.size = Math.max(0, (entry.size as number) - 1);
      else {
        const hash = entry.sha256 as string;
        const at = rand.int(64);
        entry.sha256 = hash.slice(0, at) + (hash[at] === '0' ? '1' : '0') + hash.slice(at + 1);
      }
      return { ...m, entries: listed };
    });
    return {
      kind: 'size-or-hash-mismatch',
      bytes: repack(mutated),
      expected: 'checksum-mismatch' as const,
    };
  });
}

function hugeSizes(count: number): Mutant[] {
  const offsets = headerOffsets(original);
  return Array.from({ length: count }, (_, n) => {
    const bytes = original.slice();
    const entry = pick(offsets);
    if (n % 5 === 4) {
      // An end record claiming more entries than a backup may have.
      setU16(bytes, endRecordOffset(bytes) + 8, 0xffff);
      setU16(bytes, endRecordOffset(bytes) + 10, 0xffff);
      return { kind: 'huge-entry-count', bytes, expected: 'too-large' as const };
    }
    const huge = pick([
      0xffffffff,
      0x80000000,
      600 * 1024 * 1024,
      300 * 1024 * 1024 + rand.int(1000),
    ]);
    setU32(bytes, entry.central + 24, huge);
    if (n % 2 === 0) setU32(bytes, entry.local + 22, huge);
    return { kind: 'huge-declared-size', bytes, expected: 'too-large' as const };
  });
}

/** Where the end-of-central-directory record starts (the writer adds a comment after it). */
function endRecordOffset(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = bytes.length - 22;
  while (view.getUint32(at, true) !== 0x06054b50) at--;
  return at;
}

/**
 * Flips in bytes that carry nothing the reader uses: the zip comment, entry dates, "version made
 * by", file attributes. The reader must accept these and read exactly the original.
 */
function harmlessFlips(count: number): Mutant[] {
  const end = endRecordOffset(original);
  const regions: Array<[number, number]> = [[end + 22, original.length]];
  for (const { local, central } of headerOffsets(original)) {
    regions.push(
      [local + 10, local + 14],
      [central + 4, central + 6],
      [central + 12, central + 16],
    );
    regions.push([central + 36, central + 42]);
  }
  return Array.from({ length: count }, () => {
    const bytes = original.slice();
    const [from, to] = pick(regions);
    bytes[from + rand.int(to - from)]! ^= 1 << rand.int(8);
    return { kind: 'harmless-flip', bytes, harmless: true as const };
  });
}

async function allMutants(): Promise<Mutant[]> {
  return [
    ...truncations(200),
    ...bitFlips(300),
    ...harmlessFlips(40),
    ...overwrites(150),
    ...hostileNames(),
    ...duplicates(),
    ...manifestFields(),
    ...(await jsonSyntax(60)),
    ...(await jsonTypes(200)),
    ...(await pastLimits(60)),
    ...(await evidenceMismatches(60)),
    ...unlisted(30),
    ...listingMismatches(40),
    ...hugeSizes(40),
  ];
}

describe('mutants of a real backup', () => {
  it('are all refused with a message, or read as exactly the original; none throws or hangs', async () => {
    const started = Date.now();
    const mutants = await allMutants();
    const built = Date.now();
    expect(mutants.length).toBeGreaterThanOrEqual(1000);

    const stats = new Map<
      string,
      { mutants: number; refused: number; identical: number; codes: Set<string> }
    >();
    let slowest = 0;
    for (const [index, mutant] of mutants.entries()) {
      const t = Date.now();
      let result: ReadResult;
      try {
        result = await readBackup(mutant.bytes, readOptions);
      } catch (error) {
        throw new Error(`mutant ${index} (${mutant.kind}) made readBackup throw: ${String(error)}`);
      }
      slowest = Math.max(slowest, Date.now() - t);
      const row = stats.get(mutant.kind) ?? {
        mutants: 0,
        refused: 0,
        identical: 0,
        codes: new Set(),
      };
      stats.set(mutant.kind, row);
      row.mutants++;
      if (result.ok) {
        // Accepted only if nothing that is read changed.
        expect(
          result.backup,
          `mutant ${index} (${mutant.kind}) was accepted but differs`,
        ).toStrictEqual(originalBackup);
        expect(
          mutant.expected,
          `mutant ${index} (${mutant.kind}) should have been refused`,
        ).toBeUndefined();
        row.identical++;
      } else {
        expect(
          mutant.harmless,
          `mutant ${index} (${mutant.kind}): ${result.error.detail}`,
        ).toBeUndefined();
        row.refused++;
        row.codes.add(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(20);
        expect(result.error.code).not.toBe('internal');
        if (mutant.expected !== undefined) {
          const expected = [mutant.expected].flat();
          expect(expected, `mutant ${index} (${mutant.kind}): ${result.error.detail}`).toContain(
            result.error.code,
          );
        }
      }
    }

    console.log(
      `${mutants.length} mutants: built in ${built - started} ms, read in ${Date.now() - built} ms (slowest read ${slowest} ms)`,
    );
    console.table(
      Object.fromEntries(
        [...stats].map(([kind, r]) => [
          kind,
          {
            mutants: r.mutants,
            refused: r.refused,
            'read identical': r.identical,
            codes: [...r.codes].join(' '),
          },
        ]),
      ),
    );
    // A hang fails on the timeout; speed itself is for `npm run bench`, not a loaded test machine.
  }, 120_000);
});
