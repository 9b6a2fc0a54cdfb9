/**
 * Hostile and broken backups, one case at a time: each is refused with the right code and a
 * message a teacher can act on, and none makes readBackup throw.
 */
import { deflateSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION, readBackup, writeBackup } from '../../../../shared/backup';
import { crc32 } from '../../../../shared/backup/checksums';
import { APP_VERSION, SAMPLE_NOW, smallDraft } from '../../../fixtures/backup/sample-drafts';
import {
  editManifest,
  expectRefused,
  headerOffsets,
  jsonEntry,
  rawZip,
  readJson,
  readOptions,
  relist,
  repack,
  setU16,
  setU32,
  storedEntries,
  unpack,
  utf8,
  type Entry,
  type Json,
} from './helpers';

let original: Uint8Array;
let entries: Entry[];
const DRAFT_JSON = 'drafts/d1/draft.json';
const FILE = 'drafts/d1/files/note.txt';

beforeAll(async () => {
  original = await writeBackup({
    drafts: [
      { ...smallDraft('d1', 'Hostile'), files: [{ name: 'note.txt', bytes: utf8.encode('½ π') }] },
    ],
    appVersion: APP_VERSION,
    now: SAMPLE_NOW,
  });
  entries = unpack(original);
});

const read = (bytes: Uint8Array, limits?: Parameters<typeof readBackup>[1]['limits']) =>
  readBackup(bytes, { ...readOptions, limits });

/** The draft.json of the sample with `change` applied, relisted so only the content is wrong. */
async function withDraftJson(change: (json: Record<string, Json>) => void): Promise<Uint8Array> {
  const changed = entries.map((e) => {
    if (e.name !== DRAFT_JSON) return e;
    const json = readJson(e) as Record<string, Json>;
    change(json);
    return jsonEntry(e.name, json);
  });
  return repack(await relist(changed));
}

describe('files that are not backups', () => {
  it.each([
    ['an empty file', new Uint8Array()],
    ['a text file', utf8.encode('Dear Cohort Lead, here is my AED.')],
    ['a PDF', utf8.encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')],
    ['one byte', new Uint8Array([0x50])],
  ])('%s → not-a-zip', async (_, bytes) => {
    expect(expectRefused(await read(bytes), 'not-a-zip')).toBe(
      'This file is not an AED Writer backup. Choose a file ending in .aedx that AED Writer saved.',
    );
  });

  it('a value that is not bytes at all → not-a-zip, never a throw', async () => {
    const values: unknown[] = [undefined, null, 'PK', 42, {}, [1, 2], new ArrayBuffer(4)];
    for (const value of values) {
      expectRefused(await read(value as Uint8Array), 'not-a-zip');
    }
  });

  it('a zip with no manifest (a .docx, say) → no-manifest', async () => {
    const docx = zipSync({ '[Content_Types].xml': utf8.encode('<Types/>') });
    expectRefused(await read(docx), 'no-manifest');
  });

  it("a zip whose manifest is another program's → not-a-backup", async () => {
    const zip = repack([jsonEntry('manifest.json', { format: 'epub', version: 3 })]);
    expectRefused(await read(zip), 'not-a-backup');
    expectRefused(await read(repack([jsonEntry('manifest.json', [1, 2])])), 'not-a-backup');
  });

  it('a manifest that is not JSON or not UTF-8 → bad-json', async () => {
    expectRefused(
      await read(repack([{ name: 'manifest.json', bytes: utf8.encode('{') }])),
      'bad-json',
    );
    const latin1 = new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]);
    expectRefused(await read(repack([{ name: 'manifest.json', bytes: latin1 }])), 'bad-json');
  });
});

describe('broken backups', () => {
  it('truncated at any point → refused; cut inside the end record → truncated', async () => {
    expect(
      expectRefused(await read(original.subarray(0, original.length >> 1)), 'truncated'),
    ).toMatch(/incomplete.*another copy/);
    for (let length = 0; length < original.length; length += 7) {
      const result = await read(original.slice(0, length));
      expect(result.ok).toBe(false);
    }
  });

  it('a flipped bit in compressed data → damaged (CRC or inflate)', async () => {
    const [, draftJson] = headerOffsets(original);
    const bytes = original.slice();
    bytes[draftJson!.local + 30 + DRAFT_JSON.length + 20]! ^= 0x10;
    expect(expectRefused(await read(bytes), 'damaged')).toMatch(
      /^This backup is damaged \(.*\) — try another copy/,
    );
  });

  it('a flipped bit in a stored CRC → damaged', async () => {
    const bytes = original.slice();
    for (const { local, central } of headerOffsets(bytes)) {
      bytes[local + 14]! ^= 1;
      bytes[central + 16]! ^= 1;
    }
    expectRefused(await read(bytes), 'damaged');
  });

  it('bytes added after the end → damaged', async () => {
    const bytes = new Uint8Array(original.length + 3);
    bytes.set(original);
    expectRefused(await read(bytes), 'damaged');
  });

  it('local and central names that differ → damaged', async () => {
    const bytes = original.slice();
    const [, draftJson] = headerOffsets(bytes);
    bytes[draftJson!.local + 30 + 7] = 'X'.charCodeAt(0);
    expectRefused(await read(bytes), 'damaged');
  });

  it('encryption or another compression method → unsupported', async () => {
    const encrypted = original.slice();
    const [first] = headerOffsets(encrypted);
    setU16(encrypted, first!.central + 8, 1);
    expectRefused(await read(encrypted), 'unsupported');
    const bzip2 = original.slice();
    setU16(bzip2, first!.central + 10, 12);
    expectRefused(await read(bzip2), 'unsupported');
  });

  it('entries that overlap → damaged', async () => {
    const bytes = original.slice();
    const offsets = headerOffsets(bytes);
    // Point the attachment at the draft.json's local header: an "overlapping" zip.
    setU32(bytes, offsets[2]!.central + 42, offsets[1]!.local);
    expectRefused(await read(bytes), 'damaged');
  });
});

describe('hostile entry names', () => {
  it.each([
    ['../x', 'a "." or ".." folder'],
    ['drafts/../../evil.txt', 'a "." or ".." folder'],
    ['drafts/d1/files/../../../x', 'a "." or ".." folder'],
    ['/etc/passwd', 'an absolute path'],
    ['C:/Windows/x', 'a colon (drive letter)'],
    ['C:\\Windows\\x', 'a backslash'],
    ['drafts\\d1\\draft.json', 'a backslash'],
    ['x\u0000y', 'a control character (such as NUL)'],
    ['drafts//d1', 'an empty folder name'],
    ['', 'an empty name'],
    ['./manifest.json', 'a "." or ".." folder'],
  ])('%j → unsafe-path', async (name, reason) => {
    const zip = repack([...entries, { name, bytes: utf8.encode('x') }]);
    const message = expectRefused(await read(zip), 'unsafe-path');
    expect(message).toContain(reason);
    expect(message).toMatch(/unsafe name/);
  });

  it('a name that is not UTF-8 → unsafe-path', async () => {
    const zip = repack([...entries, { name: 'abc', bytes: utf8.encode('x') }]);
    const [, , , extra] = headerOffsets(zip);
    zip[extra!.central + 46] = 0xff;
    zip[extra!.local + 30] = 0xff;
    expectRefused(await read(zip), 'unsafe-path');
  });

  it('the same name twice → duplicate-entry, whichever copy is listed', async () => {
    const fake = { name: DRAFT_JSON, bytes: utf8.encode('{}') };
    expectRefused(await read(repack([...entries, fake])), 'duplicate-entry');
    expectRefused(await read(repack([entries[0]!, fake, ...entries.slice(1)])), 'duplicate-entry');
    expectRefused(await read(repack([...entries, entries[0]!])), 'duplicate-entry');
  });

  it('a name like __proto__ is just an unlisted entry', async () => {
    expectRefused(
      await read(repack([...entries, { name: '__proto__', bytes: utf8.encode('{}') }])),
      'unlisted-entry',
    );
  });
});

describe('the manifest and the entries disagree', () => {
  it('an entry the manifest does not list → unlisted-entry', async () => {
    expectRefused(
      await read(
        repack([...entries, { name: 'drafts/d1/files/extra.txt', bytes: utf8.encode('x') }]),
      ),
      'unlisted-entry',
    );
    expectRefused(
      await read(repack([...entries, { name: 'stray-folder/', bytes: new Uint8Array() }])),
      'unlisted-entry',
    );
  });

  it('folder entries added by a zip tool, holding only listed files, are fine', async () => {
    const result = await read(
      repack([
        ...entries,
        { name: 'drafts/', bytes: new Uint8Array() },
        { name: 'drafts/d1/', bytes: new Uint8Array() },
      ]),
    );
    expect(result.ok).toBe(true);
  });

  it('a listed entry that is missing → missing-entry', async () => {
    expectRefused(await read(repack(entries.filter((e) => e.name !== FILE))), 'missing-entry');
  });

  it('an entry whose bytes differ from its SHA-256 or size → checksum-mismatch', async () => {
    const swapped = entries.map((e) => (e.name === FILE ? { ...e, bytes: utf8.encode('½ e') } : e));
    expectRefused(await read(repack(swapped)), 'checksum-mismatch');
    const longer = entries.map((e) => (e.name === FILE ? { ...e, bytes: utf8.encode('½ π!') } : e));
    expectRefused(await read(repack(longer)), 'checksum-mismatch');
  });

  it('a manifest that lists an entry twice, or itself → invalid-content', async () => {
    const twice = editManifest(entries, (m) => ({
      ...m,
      entries: [...(m.entries as Json[]), (m.entries as Json[])[0]!],
    }));
    expectRefused(await read(repack(twice)), 'invalid-content');
    const self = editManifest(entries, (m) => ({
      ...m,
      entries: [
        ...(m.entries as Json[]),
        { path: 'manifest.json', size: 1, sha256: '0'.repeat(64) },
      ],
    }));
    expectRefused(await read(repack(self)), 'invalid-content');
  });

  it('a listed entry with no place in a backup, or of an unlisted draft → invalid-content', async () => {
    expectRefused(
      await read(
        repack(await relist([...entries, { name: 'notes.txt', bytes: utf8.encode('x') }])),
      ),
      'invalid-content',
    );
    const otherDraft = { name: 'drafts/d2/files/x.txt', bytes: utf8.encode('x') };
    expectRefused(await read(repack(await relist([...entries, otherDraft]))), 'invalid-content');
    const noJson = editManifest(entries, (m) => ({ ...m, drafts: ['d1', 'd9'] }));
    expectRefused(await read(repack(noJson)), 'missing-entry');
  });
});

describe('wrong content', () => {
  it.each<[string, (json: Record<string, Json>) => void]>([
    ['a title that is a number', (j) => void ((j.draft as Record<string, Json>).title = 42)],
    ['a missing sections list', (j) => void delete j.sections],
    ['an unknown key', (j) => void (j.extra = true)],
    [
      'a field value that is an object',
      (j) =>
        void (((j.sections as Json[])[0] as { fields: Record<string, Json> }).fields.pupils = {
          n: 1,
        }),
    ],
    [
      'a criterion outside the enum',
      (j) =>
        void (((j.sections as Json[])[0] as { criteria: Record<string, Json> }).criteria.c1 =
          'done'),
    ],
    [
      'an editor state that is not JSON',
      (j) => void (((j.sections as Json[])[0] as Record<string, Json>).editorState = 'not json'),
    ],
    [
      'an editor state without root',
      (j) =>
        void (((j.sections as Json[])[0] as Record<string, Json>).editorState = '{"children":[]}'),
    ],
    [
      'a __proto__ field',
      (j) =>
        void (((j.sections as Json[])[0] as Record<string, Json>).fields = JSON.parse(
          '{"__proto__": "x"}',
        ) as Json),
    ],
    [
      'a snapshot kind outside the enum',
      (j) => void (((j.snapshots as Json[])[0] as Record<string, Json>).kind = 'hourly'),
    ],
    [
      'a submission in another format',
      (j) =>
        void (((j.snapshots as Json[])[0] as Record<string, Json>).submission = {
          format: 'odt',
          fileName: 'x.odt',
        }),
    ],
    [
      'a negative word count',
      (j) => void (((j.sections as Json[])[0] as Record<string, Json>).wordCount = -1),
    ],
    [
      'a section of another draft',
      (j) => void (((j.sections as Json[])[0] as Record<string, Json>).draftId = 'd2'),
    ],
    [
      'a snapshot of another draft',
      (j) =>
        void ((
          ((j.snapshots as Json[])[0] as Record<string, Json>).draft as Record<string, Json>
        ).id = 'd2'),
    ],
    [
      'a section twice',
      (j) => void (j.sections = [...(j.sections as Json[]), (j.sections as Json[])[0]!]),
    ],
    [
      'a draft with another id than its folder',
      (j) => void ((j.draft as Record<string, Json>).id = 'd2'),
    ],
    ['an array instead of the object', (j) => void Object.assign(j, { draft: [] })],
  ])('%s → invalid-content', async (_, change) => {
    const message = expectRefused(await read(await withDraftJson(change)), 'invalid-content');
    expect(message).toMatch(/^This backup is damaged \(drafts\/d1\/draft\.json/);
  });

  it('draft.json that is not JSON → bad-json', async () => {
    const broken = entries.map((e) =>
      e.name === DRAFT_JSON ? { ...e, bytes: e.bytes.subarray(0, 40) } : e,
    );
    expectRefused(await read(repack(await relist(broken))), 'bad-json');
  });

  it.each<[string, (m: Record<string, Json>) => unknown]>([
    ['formatVersion as a string', (m) => ({ ...m, formatVersion: '1' })],
    ['formatVersion 0', (m) => ({ ...m, formatVersion: 0 })],
    ['formatVersion 1.5', (m) => ({ ...m, formatVersion: 1.5 })],
    ['no entries', (m) => ({ ...m, entries: undefined })],
    ['a bad createdAt', (m) => ({ ...m, createdAt: 'yesterday' })],
    ['drafts as a number', (m) => ({ ...m, drafts: 1 })],
    ['no drafts', (m) => ({ ...m, drafts: [] })],
    ['a draft twice', (m) => ({ ...m, drafts: ['d1', 'd1'] })],
    ['an unknown key', (m) => ({ ...m, surprise: 1 })],
    [
      'an upper-case hash',
      (m) => ({
        ...m,
        entries: (m.entries as Array<Record<string, Json>>).map((e) => ({
          ...e,
          sha256: (e.sha256 as string).toUpperCase(),
        })),
      }),
    ],
  ])('a manifest with %s → invalid-content', async (_, change) => {
    expectRefused(await read(repack(editManifest(entries, change))), 'invalid-content');
  });
});

describe('a backup from a newer AED Writer', () => {
  it('→ newer-format, saying it is newer and to update, before looking at anything else', async () => {
    const newer = editManifest(entries, () => ({
      format: 'aedx',
      formatVersion: BACKUP_FORMAT_VERSION + 1,
      appVersion: '3.0.0',
      everything: 'else changed',
    }));
    const message = expectRefused(await read(repack(newer)), 'newer-format');
    expect(message).toBe(
      'This backup was made by a newer AED Writer (version 3.0.0; this is version 0.1.0) — update AED Writer to open it.',
    );
    const anonymous = editManifest(entries, (m) => ({ ...m, formatVersion: 99, appVersion: 7 }));
    expect(expectRefused(await read(repack(anonymous)), 'newer-format')).toMatch(
      /newer AED Writer.*update AED Writer/,
    );
  });
});

const section0 = (j: Record<string, Json>) => (j.sections as Json[])[0] as Record<string, Json>;
const stateWith = (...blocks: Json[]) =>
  JSON.stringify({ root: { type: 'root', children: blocks } });
const cell = (extra: Record<string, Json> = {}): Json => ({
  type: 'tablecell',
  children: [],
  ...extra,
});
const row = (cells: Json[]): Json => ({ type: 'tablerow', children: cells });
function nestedList(depth: number): Json {
  let node: Json = { type: 'listitem', children: [{ type: 'text', text: 'deep' }] };
  for (let i = 0; i < depth; i++) {
    node = { type: 'listitem', children: [{ type: 'list', listType: 'bullet', children: [node] }] };
  }
  return { type: 'list', listType: 'bullet', children: [node] };
}

describe('content past the limits a draft can hold (it would import, then hang the app)', () => {
  it.each<[string, (json: Record<string, Json>) => void, RegExp]>([
    [
      'a table cell spanning 1e9 columns',
      (j) =>
        void (section0(j).editorState = stateWith({
          type: 'table',
          children: [row([cell({ colSpan: 1e9 })])],
        })),
      /spanning too many columns/,
    ],
    [
      'a table cell spanning 1e9 rows',
      (j) =>
        void (section0(j).editorState = stateWith({
          type: 'table',
          children: [row([cell({ rowSpan: 1e9 })])],
        })),
      /spanning too many rows/,
    ],
    [
      'a table column 1e9 pixels wide',
      (j) =>
        void (section0(j).editorState = stateWith({
          type: 'table',
          colWidths: [1e9],
          children: [row([cell()])],
        })),
      /impossible width/,
    ],
    [
      'a table row of 2,000 cells',
      (j) =>
        void (section0(j).editorState = stateWith({
          type: 'table',
          children: [row(Array.from({ length: 2000 }, () => cell()))],
        })),
      /row of more than 63 cells/,
    ],
    [
      'lists nested 1,000 deep',
      (j) => void (section0(j).editorState = stateWith(nestedList(1000))),
      /nested more than/,
    ],
    [
      'a 50 MB section text',
      (j) => void (section0(j).text = 'x'.repeat(50 * 1024 * 1024)),
      /sections\[0\]\.text/,
    ],
    [
      'a 50 MB title',
      (j) => void ((j.draft as Record<string, Json>).title = 'x'.repeat(50 * 1024 * 1024)),
      /draft\.title/,
    ],
    [
      '20,000 versions',
      (j) =>
        void (j.snapshots = Array.from({ length: 20_000 }, (_, i) => ({
          ...((j.snapshots as Json[])[0] as Record<string, Json>),
          id: `v${i}`,
        }))),
      /snapshots/,
    ],
    [
      '50,000 sections the template does not have',
      (j) =>
        void (j.sections = Array.from({ length: 50_000 }, (_, i) => ({
          ...section0(j),
          sectionId: `extra-${i}`,
        }))),
      /sections/,
    ],
  ])('%s → invalid-content, with what is wrong', async (_, change, detail) => {
    const result = await read(await withDraftJson(change), {
      maxDraftJsonBytes: 512 * 1024 * 1024,
      maxTotalBytes: 1024 * 1024 * 1024,
      maxFileBytes: 1024 * 1024 * 1024,
    });
    expectRefused(result, 'invalid-content');
    if (!result.ok) expect(result.error.detail).toMatch(detail);
  });

  it('lists nested 20 deep and a 63-column table are still fine', async () => {
    const ok = await read(
      await withDraftJson(
        (j) =>
          void (section0(j).editorState = stateWith(nestedList(19), {
            type: 'table',
            colWidths: Array.from({ length: 63 }, () => 120),
            children: [row(Array.from({ length: 63 }, () => cell({ colSpan: 1, rowSpan: 1 })))],
          })),
      ),
    );
    expect(ok.ok).toBe(true);
  });
});

describe('zip bombs and oversized files', () => {
  it('an entry declaring a huge size is refused before anything is inflated', async () => {
    const bytes = original.slice();
    const [, draftJson] = headerOffsets(bytes);
    setU32(bytes, draftJson!.central + 24, 0xfffffff0);
    expect(expectRefused(await read(bytes), 'too-large')).toMatch(/too large to open safely/);
  });

  it('entries whose declared sizes add up past the total cap → too-large', async () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const many = [
      ...entries,
      ...[1, 2, 3].map((i) => ({ name: `drafts/d1/files/z${i}`, bytes: zeros })),
    ];
    expectRefused(await read(repack(many), { maxTotalBytes: 8 * 1024 * 1024 }), 'too-large');
  });

  it('an entry that inflates to more than it declares is stopped early → too-large', async () => {
    // 64 MiB of zeros declared (and listed) as 1 KiB: a bomb that lies about its size.
    const declared = new Uint8Array(1024);
    const name = 'drafts/d1/files/bomb';
    const honest = await relist([...entries, { name, bytes: declared }]);
    const zip = rawZip([
      ...storedEntries(honest.filter((e) => e.name !== name)),
      {
        name,
        data: deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }),
        method: 8,
        crc: crc32(declared),
        size: declared.length,
      },
    ]);
    // The message is the streaming inflater's, which stops once past the declared size.
    expect(expectRefused(await read(zip), 'too-large')).toMatch(/holds more than it declares/);
  });

  it('a small entry that declares it inflates to hundreds of MiB is refused before inflating', async () => {
    // 64 KB that inflate to 64 MiB, listed with its true size (the same ratio as the 0.5 MB
    // file that inflated to 510 MiB): refused on the sizes alone, before any of it is inflated.
    const name = 'drafts/d1/files/bomb';
    const huge = new Uint8Array(64 * 1024 * 1024);
    const data = deflateSync(huge, { level: 9 });
    const listed = await relist([...entries, { name, bytes: new Uint8Array(0) }]);
    const manifest = listed.find((e) => e.name === 'manifest.json')!;
    const json = readJson(manifest) as {
      entries: { path: string; size: number; sha256: string }[];
    };
    const item = json.entries.find((e) => e.path === name)!;
    item.size = huge.length;
    item.sha256 = '0'.repeat(64);
    const zip = rawZip([
      ...storedEntries(
        listed
          .filter((e) => e.name !== name)
          .map((e) => (e.name === 'manifest.json' ? jsonEntry('manifest.json', json) : e)),
      ),
      { name, data, method: 8, crc: 0, size: huge.length },
    ]);
    const result = await read(zip, {
      maxTotalBytes: 1024 * 1024 * 1024,
      maxAttachmentBytes: 1024 * 1024 * 1024,
    });
    expect(expectRefused(result, 'too-large')).toMatch(/too large to open safely/);
    // Refused from the zip's directory, on the declared sizes: nothing was inflated to find out.
    expect(result.ok ? '' : result.error.detail).toMatch(/would expand \d+ times, to 64 MiB/);
  });

  it('a zip made the same way but honest is accepted (the raw builder is sound)', async () => {
    expect((await read(rawZip(storedEntries(entries)))).ok).toBe(true);
  });

  it('more entries than allowed → too-large', async () => {
    const tiny = Array.from({ length: 60 }, (_, i) => ({
      name: `drafts/d1/files/f${i}`,
      bytes: new Uint8Array(1),
    }));
    expectRefused(await read(repack([...entries, ...tiny]), { maxEntries: 50 }), 'too-large');
  });

  it('a file larger than the cap is refused without being read', async () => {
    expectRefused(await read(original, { maxFileBytes: 100 }), 'too-large');
  });
});
