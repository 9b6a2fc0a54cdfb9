import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT_VERSION,
  BackupWriteError,
  readBackup,
  writeBackup,
  type WriteBackupDraft,
} from '../../../../shared/backup';
import { sha256Hex } from '../../../../shared/backup/checksums';
import {
  APP_VERSION,
  SAMPLE_NOW,
  UNICODE_TITLE,
  allDrafts,
  richDraft,
  smallDraft,
} from '../../../fixtures/backup/sample-drafts';
import { readOptions } from './helpers';

/** What the reader should give back for a draft that was written. */
function expected(d: WriteBackupDraft) {
  return { draft: d.draft, sections: d.sections, snapshots: d.snapshots, files: d.files ?? [] };
}

async function roundTrip(drafts: WriteBackupDraft[]) {
  const bytes = await writeBackup({ drafts, appVersion: APP_VERSION, now: SAMPLE_NOW });
  const result = await readBackup(bytes, readOptions);
  if (!result.ok) throw new Error(result.error.detail);
  return { bytes, backup: result.backup };
}

describe('a backup of one draft', () => {
  it('reads back exactly what was written: text, fields, domains, criteria, history, files', async () => {
    const draft = richDraft();
    const { backup } = await roundTrip([draft]);
    expect(backup.drafts).toStrictEqual([expected(draft)]);

    const [read] = backup.drafts;
    const sections = read!.sections;
    expect(sections.some((s) => s.domains.length > 0)).toBe(true);
    expect(sections.find((s) => s.sectionId === 'criteria')!.criteria).toEqual({
      c1: 'met',
      c2: 'partly',
      c5: 'not-yet',
    });
    expect(sections.find((s) => s.sectionId === 'school')!.fields.pupils).toBe(1234);
    const submission = read!.snapshots.find((s) => s.kind === 'submission')!;
    expect(submission.submission).toEqual({
      format: 'docx',
      fileName: 'Siân Hughes-Zoë — AED — Interim 1.docx',
    });
    expect(read!.files.map((f) => f.name)).toEqual(['lesson-photo.png', 'Plan — été ÷ مدرسة.txt']);
  });

  it('keeps maths symbols, emoji, right-to-left text and unnormalized accents unchanged', async () => {
    const odd = 'x² ≤ √π ∑∠° ½ 👩🏽‍🏫 مرحبا بالعالم é/é \u200f\u200d\ud83e\uddee';
    const rich = richDraft();
    const [first, ...rest] = rich.sections;
    const draft = {
      ...rich,
      sections: [{ ...first!, text: odd, fields: { 'full-name': odd } }, ...rest],
    };
    const { backup } = await roundTrip([draft]);
    expect(backup.drafts[0]!.draft.title).toBe(UNICODE_TITLE);
    expect(backup.drafts[0]!.sections[0]!.text).toBe(odd);
    expect(backup.drafts[0]!.sections[0]!.fields['full-name']).toBe(odd);
  });

  it('has a manifest listing every other entry with its size and SHA-256', async () => {
    const { bytes, backup } = await roundTrip([richDraft()]);
    const entries = unzipSync(bytes);
    const names = Object.keys(entries);
    expect(names[0]).toBe('manifest.json');
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as unknown;
    expect(manifest).toEqual(backup.manifest);
    expect(backup.manifest).toMatchObject({
      format: 'aedx',
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: APP_VERSION,
      createdAt: '2026-03-14T10:30:00.000Z',
      drafts: ['draft-fixture'],
    });
    expect(backup.manifest.entries.map((e) => e.path)).toEqual(names.slice(1));
    for (const entry of backup.manifest.entries) {
      expect(entry.size).toBe(entries[entry.path]!.length);
      expect(entry.sha256).toBe(await sha256Hex(entries[entry.path]!));
    }
    expect(names).toEqual([
      'manifest.json',
      'drafts/draft-fixture/draft.json',
      'drafts/draft-fixture/files/lesson-photo.png',
      'drafts/draft-fixture/files/Plan — été ÷ مدرسة.txt',
    ]);
  });

  it('is the same bytes every time for the same input', async () => {
    const input = { drafts: [richDraft()], appVersion: APP_VERSION, now: SAMPLE_NOW };
    expect(await writeBackup(input)).toEqual(await writeBackup(input));
  });

  it('is read without copying views of the file: the records survive the file being reused', async () => {
    const { bytes } = await roundTrip([richDraft()]);
    const result = await readBackup(bytes, readOptions);
    bytes.fill(0);
    expect(result.ok && result.backup.drafts[0]!.files[0]!.bytes).toEqual(
      richDraft().files![0]!.bytes,
    );
  });
});

describe('a backup of all drafts', () => {
  it('holds three drafts (one in the trash, one with an empty file) and reads them back in order', async () => {
    const drafts = allDrafts();
    const { backup } = await roundTrip(drafts);
    expect(backup.manifest.drafts).toEqual(['draft-fixture', 'draft-2', 'draft-3']);
    expect(backup.drafts).toStrictEqual(drafts.map(expected));
  });
});

describe('the writer', () => {
  const write = (drafts: WriteBackupDraft[]) =>
    writeBackup({ drafts, appVersion: APP_VERSION, now: SAMPLE_NOW });

  it('backs up a section whose stored editor state is corrupt, keeping its text', async () => {
    const draft = smallDraft('d1', 'Corrupt');
    draft.sections[0]!.editorState = '{"root": {"children": [ this is not JSON';
    const { backup } = await roundTrip([draft]);
    expect(backup.drafts[0]!.sections[0]).toEqual({ ...draft.sections[0], editorState: null });
  });

  it('refuses records that could not be read back, with a reason', async () => {
    const bad = smallDraft('d1', 'Bad');
    (bad.sections[0] as { wordCount: unknown }).wordCount = 'many';
    await expect(write([bad])).rejects.toThrow(BackupWriteError);
    await expect(write([bad])).rejects.toThrow(/wordCount/);

    await expect(write([])).rejects.toThrow(/no draft/);
    const d = smallDraft('d1', 'Twice');
    await expect(write([d, d])).rejects.toThrow(/twice/);
    await expect(write([smallDraft('../d', 'Path')])).rejects.toThrow(/folder/);
    const otherDraft = smallDraft('d1', 'Mixed');
    otherDraft.sections[0]!.draftId = 'd2';
    await expect(write([otherDraft])).rejects.toThrow(/another draft/);
    for (const name of ['../x', 'a/b', 'C:x', 'x\u0000y', '', '..']) {
      await expect(
        write([{ ...smallDraft('d1', 'F'), files: [{ name, bytes: new Uint8Array(1) }] }]),
      ).rejects.toThrow(BackupWriteError);
    }
    const f = { name: 'same.txt', bytes: new Uint8Array(1) };
    await expect(write([{ ...smallDraft('d1', 'F'), files: [f, f] }])).rejects.toThrow(
      /Two attached/,
    );
  });

  it('refuses to make a backup larger than the reader accepts', async () => {
    const draft = {
      ...smallDraft('d1', 'Big'),
      files: [{ name: 'big.bin', bytes: new Uint8Array(2048) }],
    };
    await expect(
      writeBackup({
        drafts: [draft],
        appVersion: APP_VERSION,
        now: SAMPLE_NOW,
        limits: { maxAttachmentBytes: 1024 },
      }),
    ).rejects.toThrow(/too large/);
    await expect(
      writeBackup({
        drafts: [draft],
        appVersion: APP_VERSION,
        now: SAMPLE_NOW,
        limits: { maxTotalBytes: 2048 },
      }),
    ).rejects.toThrow(/too large/);
  });
});
