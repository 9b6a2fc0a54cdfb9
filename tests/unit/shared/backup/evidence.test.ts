/**
 * Evidence in backups (format 2): items in draft.json and in its snapshots, pointing at the
 * draft's files by SHA-256. What is written reads back exactly; an item whose file is missing,
 * of another size or of another type is refused by the writer and by the reader.
 */
import { describe, expect, it } from 'vitest';
import {
  BackupWriteError,
  prepareImport,
  readBackup,
  writeBackup,
  type WriteBackupDraft,
} from '../../../../shared/backup';
import { sha256Hex } from '../../../../shared/backup/checksums';
import type { EvidenceItem } from '../../../../shared/model';
import {
  APP_VERSION,
  EVIDENCE_BYTES,
  SAMPLE_NOW,
  evidenceDraft,
  smallDraft,
} from '../../../fixtures/backup/sample-drafts';
import { PNG, jpeg } from '../../../fixtures/evidence/sample-files';
import {
  expectRefused,
  jsonEntry,
  readJson,
  readOptions,
  relist,
  repack,
  unpack,
  type Json,
} from './helpers';

/** The offset of an entry's local header, found by its name. */
function findEntry(zip: Uint8Array, name: string): number {
  const encoded = new TextEncoder().encode(name);
  const view = new DataView(zip.buffer, zip.byteOffset);
  for (let at = 0; at + 30 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50) continue;
    const length = view.getUint16(at + 26, true);
    const found = zip.subarray(at + 30, at + 30 + length);
    if (found.length === encoded.length && found.every((b, i) => b === encoded[i])) return at;
  }
  throw new Error(`no entry ${name}`);
}

const write = (drafts: WriteBackupDraft[]) =>
  writeBackup({ drafts, appVersion: APP_VERSION, now: SAMPLE_NOW });

describe('evidence in a backup', () => {
  it('reads back exactly: items, the version’s items, each content once as a file, and the feedback', async () => {
    const draft = await evidenceDraft();
    const result = await readBackup(
      await write([draft, smallDraft('plain', 'No evidence')]),
      readOptions,
    );
    if (!result.ok) throw new Error(result.error.detail);
    const [read, plain] = result.backup.drafts;
    expect(read).toStrictEqual({
      draft: draft.draft,
      sections: draft.sections,
      snapshots: draft.snapshots,
      files: draft.files,
      evidence: draft.evidence,
      feedback: draft.feedback,
    });
    // A draft written without evidence or feedback reads back without them (as format 1 drafts do).
    expect(plain).not.toHaveProperty('evidence');
    expect(plain).not.toHaveProperty('feedback');
    expect(result.backup.manifest.formatVersion).toBe(2);
  });

  it('imports with new ids: an item keeps one id in the draft and in every version showing it', async () => {
    const result = await readBackup(await write([await evidenceDraft()]), readOptions);
    if (!result.ok) throw new Error(result.error.detail);
    let n = 0;
    const prepared = prepareImport(result.backup, { newId: () => `new-${++n}`, now: 1 });
    const draftId = prepared.drafts[0]!.id;
    const byName = new Map(prepared.evidence.map((e) => [e.fileName, e]));
    expect([...byName.keys()]).toEqual(['Wal arddangos — لوحة.png', 'PD plan.pdf', 'scores.csv']);
    expect(prepared.evidence.every((e) => e.draftId === draftId && e.id.startsWith('new-'))).toBe(
      true,
    );
    const inVersion = prepared.snapshots[0]!.evidence!;
    expect(inVersion.map((e) => e.caption)).toEqual(['An older caption', '']);
    expect(inVersion[0]!.id).toBe(byName.get('Wal arddangos — لوحة.png')!.id);
    expect(inVersion[1]!.id).not.toBe(inVersion[0]!.id);
    // Every content shown, by the draft or a version, once, with its bytes.
    expect(
      await Promise.all(prepared.blobs.map(async (b) => [b.mimeType, await sha256Hex(b.bytes)])),
    ).toEqual(
      await Promise.all(
        [
          ['image/png', EVIDENCE_BYTES.png],
          [
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            EVIDENCE_BYTES.docx,
          ],
          ['application/pdf', EVIDENCE_BYTES.pdf],
          ['text/csv', EVIDENCE_BYTES.csv],
        ].map(async ([type, bytes]) => [type, await sha256Hex(bytes as Uint8Array)]),
      ),
    );
  });

  describe('the writer refuses a draft whose evidence does not match its files', () => {
    const cases: Array<[string, (d: WriteBackupDraft) => WriteBackupDraft, RegExp]> = [
      [
        'an item with no file',
        (d) => ({ ...d, files: d.files!.filter((f) => !f.name.endsWith('.pdf')) }),
        /evidence\[1\] \("PD plan\.pdf"\) has no file/,
      ],
      [
        'a version’s item with no file',
        (d) => ({ ...d, files: d.files!.filter((f) => !f.name.endsWith('.docx')) }),
        /snapshots\[0\]\.evidence\[1\] \("Meeting notes\.docx"\) has no file/,
      ],
      [
        'an item of the wrong size',
        (d) => ({ ...d, evidence: d.evidence!.map((e, i) => (i === 0 ? { ...e, size: 2 } : e)) }),
        /is not its file's size/,
      ],
      [
        'an item calling a PDF an image',
        (d) => ({
          ...d,
          evidence: d.evidence!.map((e, i) =>
            i === 1 ? { ...e, mimeType: 'image/jpeg' as const } : e,
          ),
        }),
        /is not a file of type image\/jpeg/,
      ],
      [
        'an item of another draft',
        (d) => ({ ...d, evidence: d.evidence!.map((e) => ({ ...e, draftId: 'other' })) }),
        /evidence\[0\] belongs to another draft/,
      ],
      [
        'two items of one id',
        (d) => ({ ...d, evidence: [d.evidence![0]!, d.evidence![0]!] }),
        /evidence\[1\] repeats id "ev-photo"/,
      ],
      [
        'a caption past the limit',
        (d) => ({
          ...d,
          evidence: d.evidence!.map((e) => ({ ...e, caption: 'x'.repeat(2001) })),
        }),
        /evidence\.0\.caption/,
      ],
    ];
    it.each(cases)('%s', async (_, change, message) => {
      const draft = change(await evidenceDraft());
      const attempt = write([draft]);
      await expect(attempt).rejects.toBeInstanceOf(BackupWriteError);
      await expect(attempt).rejects.toThrow(message);
    });
  });

  describe('the reader refuses a backup whose evidence was changed', () => {
    const JSON_PATH = 'drafts/draft-evidence/draft.json';
    const item = (j: Record<string, Json>, i = 0) =>
      (j.evidence as Json[])[i] as Record<string, Json>;
    const cases: Array<[string, (j: Record<string, Json>) => void]> = [
      ['an item pointing at bytes the backup lacks', (j) => void (item(j).sha256 = 'a'.repeat(64))],
      ['an item of another size', (j) => void (item(j).size = 99)],
      ['an image type for a PDF', (j) => void (item(j, 1).mimeType = 'image/png')],
      ['a CSV renamed to something that is not', (j) => void (item(j, 2).fileName = 'scores.txt')],
      ['a type no evidence has', (j) => void (item(j).mimeType = 'text/html')],
      ['a file over 25 MB', (j) => void (item(j).size = 26 * 1024 * 1024)],
      ['a date that is no day', (j) => void (item(j).date = '2026-02-30')],
      ['a control character in a name', (j) => void (item(j).fileName = 'a\u0000.png')],
      ['an unknown key', (j) => void (item(j).colour = 'red')],
      ['a tag that is no id', (j) => void (item(j).stages = ['Explore!'])],
      [
        'too many tags',
        (j) => void (item(j).domains = Array.from({ length: 101 }, (_, i) => `d${i}`)),
      ],
      [
        'too many items',
        (j) =>
          void (j.evidence = Array.from({ length: 1001 }, (_, i) => ({ ...item(j), id: `e${i}` }))),
      ],
      [
        'a version’s item pointing at nothing',
        (j) => {
          const snapshot = (j.snapshots as Json[])[0] as Record<string, Json>;
          ((snapshot.evidence as Json[])[1] as Record<string, Json>).sha256 = 'b'.repeat(64);
        },
      ],
    ];
    it.each(cases)('%s → invalid-content', async (_, change) => {
      const entries = unpack(await write([await evidenceDraft()]));
      const json = readJson(entries.find((e) => e.name === JSON_PATH)!) as Record<string, Json>;
      change(json);
      const changed = entries.map((e) => (e.name === JSON_PATH ? jsonEntry(JSON_PATH, json) : e));
      expectRefused(
        await readBackup(repack(await relist(changed)), readOptions),
        'invalid-content',
      );
    });

    it('a file swapped for other bytes of the same size → invalid-content', async () => {
      const draft = await evidenceDraft();
      const entries = unpack(await write([draft]));
      const png = draft.files!.find((f) => f.name.endsWith('.png'))!;
      // Same length, but not a PNG: the manifest is made to agree, the item still does not.
      const fake = jpeg(5, png.bytes.length);
      const path = `drafts/draft-evidence/files/${png.name}`;
      const swapped = entries.map((e) => (e.name === path ? { name: path, bytes: fake } : e));
      expectRefused(
        await readBackup(repack(await relist(swapped)), readOptions),
        'invalid-content',
      );
    });
  });

  it('stores photos and Office files as they are, and deflates text', async () => {
    // Compressible on purpose: only the kind of file decides.
    const photo = new Uint8Array(50_000);
    photo.set(jpeg().subarray(0, 10));
    const text = new TextEncoder().encode('Year 5,55\n'.repeat(5000));
    const bytes = await write([
      {
        ...smallDraft('d1', 'Kinds'),
        files: [
          { name: 'photo.jpg', bytes: photo },
          { name: 'scores.csv', bytes: text },
        ],
      },
    ]);
    const method = (name: string) => {
      const at = findEntry(bytes, `drafts/d1/files/${name}`);
      return new DataView(bytes.buffer, bytes.byteOffset).getUint16(at + 8, true);
    };
    expect(method('photo.jpg')).toBe(0); // stored
    expect(method('scores.csv')).toBe(8); // deflated
  });

  it('files no item points at still read back (format 1 had files without items)', async () => {
    const draft: WriteBackupDraft = {
      ...smallDraft('d1', 'Loose file'),
      files: [{ name: 'photo.png', bytes: PNG }],
    };
    const result = await readBackup(await write([draft]), readOptions);
    expect(result.ok && result.backup.drafts[0]!.files.map((f) => f.name)).toEqual(['photo.png']);
    const items: EvidenceItem[] | undefined = result.ok ? result.backup.drafts[0]!.evidence : [];
    expect(items).toBeUndefined();
  });
});
