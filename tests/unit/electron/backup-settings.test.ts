// The backups folder setting, read and written on the real file system.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_SETTINGS_FILE_NAME,
  backupsFolderFrom,
  defaultBackupsFolder,
  readBackupSettings,
  writeBackupSettings,
} from '../../../electron/main/backup-settings';
import { BackupWriteError, realFsPromises } from '../../../electron/main/backup-writer';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aed-backup-settings-'));
  file = join(dir, BACKUP_SETTINGS_FILE_NAME);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('backup settings', () => {
  it('default to AED Writer backups in Documents', async () => {
    expect(await readBackupSettings(file)).toEqual({ folder: null });
    const folder = defaultBackupsFolder((name) => `/home/t/${name}`);
    expect(folder).toBe(join('/home/t/documents', 'AED Writer backups'));
    expect(backupsFolderFrom({ folder: null }, folder)).toBe(folder);
  });

  it('fall back to the home folder when the OS has no Documents folder', () => {
    const getPath = (name: string): string => {
      if (name === 'documents') throw new Error('Failed to get documents path');
      return '/home/t';
    };
    expect(defaultBackupsFolder(getPath)).toBe(join('/home/t', 'AED Writer backups'));
  });

  it('remember a changed folder in backup-settings.json', async () => {
    const chosen = join(dir, 'USB stick', 'Backups');
    await writeBackupSettings(file, { folder: chosen });
    expect(await readBackupSettings(file)).toEqual({ folder: chosen });
    expect(backupsFolderFrom({ folder: chosen }, '/default')).toBe(chosen);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ folder: chosen });
    // Written atomically: no temporary file left beside it.
    expect(await readdir(dir)).toEqual([BACKUP_SETTINGS_FILE_NAME]);
    await writeBackupSettings(file, { folder: null });
    expect(await readBackupSettings(file)).toEqual({ folder: null });
  });

  it.each([
    ['not JSON', '{"folder": "/x"'],
    ['empty', ''],
    ['JSON of the wrong shape', '["/x"]'],
    ['a folder that is not a string', '{"folder": 42}'],
    ['a relative folder', '{"folder": "backups"}'],
    ['an empty folder', '{"folder": ""}'],
    ['null', 'null'],
  ])('read as the default when the file is %s', async (_label, text) => {
    await writeFile(file, text);
    expect(await readBackupSettings(file)).toEqual({ folder: null });
  });

  it('read as the default when the file is not UTF-8 or is a folder', async () => {
    await writeFile(file, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(await readBackupSettings(file)).toEqual({ folder: null });
    await rm(file);
    await realFsPromises.mkdir(file, { recursive: true });
    expect(await readBackupSettings(file)).toEqual({ folder: null });
  });

  it('keep settings a later version added, and still find the folder', async () => {
    const chosen = join(dir, 'B');
    await writeFile(file, JSON.stringify({ folder: chosen, keep: 20 }));
    expect(await readBackupSettings(file)).toEqual({ folder: chosen });
  });

  it('report a failed save with a sentence, leaving the previous choice readable', async () => {
    const chosen = join(dir, 'A');
    await writeBackupSettings(file, { folder: chosen });
    const full = {
      ...realFsPromises,
      rename: () => Promise.reject(Object.assign(new Error('nospc'), { code: 'ENOSPC' })),
    };
    await expect(writeBackupSettings(file, { folder: join(dir, 'B') }, full)).rejects.toThrow(
      BackupWriteError,
    );
    expect(await readBackupSettings(file)).toEqual({ folder: chosen });
  });
});
