// Automatic backups end to end in main (setting, atomic write, rotation), on the real file system.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackupService } from '../../../electron/main/backup-service';
import type { BackupServiceOptions } from '../../../electron/main/backup-service';
import { realFsPromises } from '../../../electron/main/backup-writer';
import type { BackupFs } from '../../../electron/main/backup-writer';
import { readBackup, writeBackup } from '../../../shared/backup';
import { APP_VERSION, SAMPLE_NOW, smallDraft } from '../../fixtures/backup/sample-drafts';

let dir: string;
let defaultFolder: string;
let settingsFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aed-backup-service-'));
  defaultFolder = join(dir, 'Documents', 'AED Writer backups');
  settingsFile = join(dir, 'userData', 'backup-settings.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DRAFT = '3f2a9c1e-7b4d-4e1a-9c3b-2d5e8f6a1b0c';
const OTHER_DRAFT = '9d8c7b6a-1111-4222-8333-444455556666';

/** A real backup of one draft whose title is `title`: main reads what it is handed. */
const backup = (title: string, draftId = DRAFT) =>
  writeBackup({ drafts: [smallDraft(draftId, title)], appVersion: APP_VERSION, now: SAMPLE_NOW });

/** The title of the draft in the backup file at `path`. */
async function titleIn(path: string): Promise<string | undefined> {
  const read = await readBackup(new Uint8Array(await readFile(path)), { appVersion: APP_VERSION });
  return read.ok ? read.backup.drafts[0]?.draft.title : `unreadable: ${read.error.detail}`;
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

function service(options: Partial<BackupServiceOptions> = {}) {
  let minute = 0;
  return createBackupService({
    settingsFile,
    defaultFolder: () => defaultFolder,
    // Each backup a minute after the last, so names differ and order is known.
    now: () => new Date(2026, 2, 14, 9, minute++, 0),
    warn: vi.fn(),
    appVersion: APP_VERSION,
    ...options,
  });
}

describe('backup service', () => {
  it('writes a draft’s backup into the default folder, creating it', async () => {
    const backups = service();
    const result = await backups.writeAutoBackup({
      draftId: DRAFT,
      title: 'Year 5',
      bytes: await backup('v1'),
    });
    const path = join(defaultFolder, 'Year 5 - 3f2a9c1e - 2026-03-14 090000.aedx');
    expect(result).toEqual({ ok: true, path });
    expect(await titleIn(path)).toBe('v1');
    expect(await backups.getFolder()).toBe(defaultFolder);
  });

  it('keeps the newest 10 backups of each draft', async () => {
    const backups = service();
    for (let i = 0; i < 14; i++) {
      await backups.writeAutoBackup({
        draftId: DRAFT,
        title: 'Mine',
        bytes: await backup(`v${i}`),
      });
    }
    for (let i = 0; i < 3; i++) {
      await backups.writeAutoBackup({
        draftId: OTHER_DRAFT,
        title: 'Theirs',
        bytes: await backup('o', OTHER_DRAFT),
      });
    }
    const files = await readdir(defaultFolder);
    const mine = files.filter((name) => name.includes('3f2a9c1e')).sort();
    expect(mine).toHaveLength(10);
    expect(await titleIn(join(defaultFolder, mine[0]!))).toBe('v4');
    expect(await titleIn(join(defaultFolder, mine[9]!))).toBe('v13');
    expect(files.filter((name) => name.includes('9d8c7b6a'))).toHaveLength(3);
  });

  it('answers a full disk with a sentence, keeping the earlier backups', async () => {
    const good = service();
    const first = await good.writeAutoBackup({
      draftId: DRAFT,
      title: 'T',
      bytes: await backup('v1'),
    });
    const full: BackupFs = {
      ...realFsPromises,
      open: async (path, flags) => {
        const handle = await realFsPromises.open(path, flags);
        if (flags !== 'wx') return handle;
        return {
          write: () => Promise.reject(errno('ENOSPC')),
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const result = await service({
      fs: full,
      now: () => new Date(2026, 2, 14, 10, 0, 0),
    }).writeAutoBackup({ draftId: DRAFT, title: 'T', bytes: await backup('v2') });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/enough space on the disk/);
    expect(!result.ok && result.error).toMatch(/Change backups folder/);
    expect(await readdir(defaultFolder)).toEqual([first.ok && first.path.split(/[\\/]/).pop()]);
    expect(await titleIn(first.ok ? first.path : '')).toBe('v1');
  });

  it('still reports success when old backups could not be tidied', async () => {
    const warn = vi.fn();
    const stuck: BackupFs = {
      ...realFsPromises,
      rm: (path, options) =>
        path.endsWith('.aedx') ? Promise.reject(errno('EBUSY')) : realFsPromises.rm(path, options),
    };
    const backups = service({ fs: stuck, keep: 1, warn });
    await backups.writeAutoBackup({ draftId: DRAFT, title: 'T', bytes: await backup('v1') });
    const second = await backups.writeAutoBackup({
      draftId: DRAFT,
      title: 'T',
      bytes: await backup('v2'),
    });
    expect(second.ok).toBe(true);
    expect(warn).toHaveBeenCalled();
    expect(await readdir(defaultFolder)).toHaveLength(2);
  });

  it('changes the folder after checking it can write there, and remembers it', async () => {
    const chosen = join(dir, 'Chosen');
    await service().setFolder(chosen);
    expect(await readdir(chosen)).toEqual([]);
    const later = service();
    expect(await later.getFolder()).toBe(chosen);
    const result = await later.writeAutoBackup({
      draftId: DRAFT,
      title: 'T',
      bytes: await backup('v'),
    });
    expect(result.ok && result.path.startsWith(chosen)).toBe(true);
  });

  it('refuses a folder it cannot write in, keeping the previous choice', async () => {
    const readOnly: BackupFs = {
      ...realFsPromises,
      open: (path, flags) =>
        path.startsWith(join(dir, 'ReadOnly')) && flags === 'wx'
          ? Promise.reject(errno('EROFS'))
          : realFsPromises.open(path, flags),
    };
    const backups = service({ fs: readOnly });
    await expect(backups.setFolder(join(dir, 'ReadOnly'))).rejects.toThrow(
      /Backups can't be kept in .*ReadOnly.*: it is read-only/,
    );
    expect(await backups.getFolder()).toBe(defaultFolder);
    expect(await service().getFolder()).toBe(defaultFolder);
  });

  it('refuses a folder path that is a file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(service().setFolder(join(dir, 'file'))).rejects.toThrow(/not a folder/);
  });

  it('creates the folder for showing it, or says why it cannot', async () => {
    expect(await service().ensureFolder()).toBe(defaultFolder);
    expect(await readdir(defaultFolder)).toEqual([]);
    const denied = { ...realFsPromises, mkdir: () => Promise.reject(errno('EACCES')) };
    await expect(service({ fs: denied }).ensureFolder()).rejects.toThrow(
      /Backups can't be kept in .*: you don't have permission/,
    );
  });

  it('runs one operation at a time and says when it is busy', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let atRename!: () => void;
    const renaming = new Promise<void>((resolve) => (atRename = resolve));
    const slow: BackupFs = {
      ...realFsPromises,
      rename: async (from, to) => {
        atRename();
        await gate;
        await realFsPromises.rename(from, to);
      },
    };
    const backups = service({ fs: slow });
    expect(backups.busy).toBe(false);
    const [one, two] = [await backup('1'), await backup('2')];
    const first = backups.writeAutoBackup({ draftId: DRAFT, title: 'A', bytes: one });
    const second = backups.writeAutoBackup({ draftId: DRAFT, title: 'B', bytes: two });
    expect(backups.busy).toBe(true);
    let idle = false;
    const waiting = backups.idle().then(() => (idle = true));
    // The first write has done real file work and is held at its rename: still not idle.
    await renaming;
    expect(idle).toBe(false);
    release();
    await Promise.all([first, second, waiting]);
    expect(backups.busy).toBe(false);
    expect(await readdir(defaultFolder)).toHaveLength(2);
  });

  it('writes nothing and rotates nothing for bytes that are not a backup of that draft', async () => {
    const backups = service({ keep: 2 });
    await backups.writeAutoBackup({ draftId: DRAFT, title: 'T', bytes: await backup('v1') });
    await backups.writeAutoBackup({ draftId: DRAFT, title: 'T', bytes: await backup('v2') });
    const before = (await readdir(defaultFolder)).sort();

    const twoDrafts = await writeBackup({
      drafts: [smallDraft(DRAFT, 'a'), smallDraft(OTHER_DRAFT, 'b')],
      appVersion: APP_VERSION,
      now: SAMPLE_NOW,
    });
    const refusals = [
      // Another draft's backup under this draft's id: its rotation would cost this one's.
      await backup('theirs', OTHER_DRAFT),
      twoDrafts,
      new TextEncoder().encode('not a backup'),
      (await backup('v3')).slice(0, 200),
    ];
    for (const bytes of refusals) {
      const result = await backups.writeAutoBackup({ draftId: DRAFT, title: 'T', bytes });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/backup/);
    }
    const after = (await readdir(defaultFolder)).sort();
    expect(after).toEqual(before);
    expect(await Promise.all(after.map((name) => titleIn(join(defaultFolder, name))))).toEqual([
      'v1',
      'v2',
    ]);
  });
});
