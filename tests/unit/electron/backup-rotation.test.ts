// Backup file names and rotation, on the real file system.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backupDraftKey,
  backupFileName,
  backupTimestamp,
  parseBackupFileName,
} from '../../../electron/main/backup-file-name';
import { rotateBackups } from '../../../electron/main/backup-rotation';
import { realFsPromises } from '../../../electron/main/backup-writer';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aed-backup-rotation-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DRAFT_A = '3f2a9c1e-7b4d-4e1a-9c3b-2d5e8f6a1b0c';
const DRAFT_B = '9d8c7b6a-1111-4222-8333-444455556666';
const at = (minutes: number) => new Date(2026, 2, 14, 9, minutes, 5);

describe('backup file names', () => {
  it('read title, draft key and local time, and are safe on every OS', () => {
    expect(backupFileName('Year 5/6: maths?', DRAFT_A, new Date(2026, 2, 14, 15, 30, 5))).toBe(
      'Year 5-6- maths- - 3f2a9c1e - 2026-03-14 153005.aedx',
    );
    expect(backupTimestamp(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 030405');
  });

  it('name an untitled draft, and cut a very long title', () => {
    expect(backupFileName('   ', DRAFT_A, at(0))).toMatch(/^Untitled - 3f2a9c1e - /);
    const long = backupFileName('Evidence '.repeat(40), DRAFT_A, at(0));
    expect(long.length).toBeLessThanOrEqual(80 + ' - 3f2a9c1e - 2026-03-14 090005.aedx'.length);
    expect(parseBackupFileName(long)?.draftKey).toBe('3f2a9c1e');
  });

  it('drop bidirectional overrides and never start with a Windows device name', () => {
    // "Plan<U+202E>xcod.exe" would display as "Planexe.docx…" in a file manager.
    const reversed = backupFileName('Plan\u202excod.exe', DRAFT_A, at(0));
    expect(reversed).toBe('Plan xcod.exe - 3f2a9c1e - 2026-03-14 090005.aedx');
    expect(reversed).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(backupFileName('CONIN$', DRAFT_A, at(0))).toMatch(/^_CONIN\$ - 3f2a9c1e - /);
  });

  it('use a short lower-case key from the draft id', () => {
    expect(backupDraftKey(DRAFT_A)).toBe('3f2a9c1e');
    expect(backupDraftKey('AB-cd_E')).toBe('abcde');
    expect(() => backupDraftKey('--')).toThrow();
  });

  it('parse back, even when the title itself looks like a backup name', () => {
    const name = backupFileName('Plan - deadbeef - 2020-01-01 000000', DRAFT_A, at(7));
    expect(parseBackupFileName(name)).toEqual({
      name,
      draftKey: '3f2a9c1e',
      timestamp: '2026-03-14 090705',
    });
    for (const other of [
      'notes.txt',
      'Plan - 3f2a9c1e - 2026-03-14 090705.aedx.bak',
      '.Plan - 3f2a9c1e - 2026-03-14 090705.aedx.0a1b2c3d4e5f.tmp',
      'Plan - 3f2a9c1e - 2026-03-14 0907.aedx',
      'AED - Jane Smith - Draft - 2026-03-14.aedx',
    ]) {
      expect(parseBackupFileName(other)).toBeUndefined();
    }
  });
});

describe('rotateBackups', () => {
  async function touch(name: string, mtime?: Date): Promise<void> {
    await writeFile(join(dir, name), name);
    if (mtime) await utimes(join(dir, name), mtime, mtime);
  }

  it('keeps exactly the newest 10 of that draft, by the time in the name, and nothing else is touched', async () => {
    const aNames: string[] = [];
    for (let i = 0; i < 13; i++) {
      // The title changed along the way, and modification times run backwards (a copy, a sync):
      // neither may change which backups count as newest.
      const name = backupFileName(i < 6 ? 'Old title' : 'New title', DRAFT_A, at(i * 10 - 60));
      aNames.push(name);
      await touch(name, new Date(2030, 0, 1, 0, 60 - i));
    }
    const bNames = [0, 1, 2].map((i) => backupFileName('Other draft', DRAFT_B, at(i - 300)));
    for (const name of bNames) await touch(name);
    const others = [
      'notes.txt',
      'AED - Jane Smith - Draft - 2026-03-14.aedx',
      `${aNames[0]}.bak`,
      `.${aNames[1]}.0a1b2c3d4e5f.tmp`,
    ];
    for (const name of others) await touch(name);

    const result = await rotateBackups(dir, backupDraftKey(DRAFT_A));

    expect(result.deleted.sort()).toEqual(aNames.slice(0, 3).sort());
    expect(result.failed).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual([...aNames.slice(3), ...bNames, ...others].sort());
  });

  it('does nothing with 10 or fewer, and honours another count', async () => {
    const names = [0, 1, 2, 3].map((i) => backupFileName('T', DRAFT_A, at(i)));
    for (const name of names) await touch(name);
    expect((await rotateBackups(dir, '3f2a9c1e')).deleted).toEqual([]);
    expect((await rotateBackups(dir, '3f2a9c1e', 2)).deleted.sort()).toEqual(names.slice(0, 2));
    expect((await readdir(dir)).sort()).toEqual(names.slice(2));
  });

  it('refuses a keep count that would delete everything', async () => {
    await touch(backupFileName('T', DRAFT_A, at(0)));
    for (const keep of [0, -1, Number.NaN, 1.5]) {
      await expect(rotateBackups(dir, '3f2a9c1e', keep)).rejects.toThrow(RangeError);
    }
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('never deletes the protected file, even when the clock went back', async () => {
    const names = [0, 1, 2].map((i) => backupFileName('T', DRAFT_A, at(i + 10)));
    for (const name of names) await touch(name);
    const justWritten = backupFileName('T', DRAFT_A, at(0));
    await touch(justWritten);
    await rotateBackups(dir, '3f2a9c1e', 2, realFsPromises, { protect: justWritten });
    expect((await readdir(dir)).sort()).toEqual([justWritten, ...names.slice(1)].sort());
  });

  it('reports a backup it could not delete and goes on with the rest', async () => {
    const names = [0, 1, 2, 3].map((i) => backupFileName('T', DRAFT_A, at(i)));
    for (const name of names.slice(1)) await touch(name);
    // A folder with a backup's name: rotation never deletes folders.
    await mkdir(join(dir, names[0]!));
    const result = await rotateBackups(dir, '3f2a9c1e', 1);
    expect(result.failed).toEqual([names[0]]);
    expect(result.deleted.sort()).toEqual(names.slice(1, 3));
    expect((await readdir(dir)).sort()).toEqual([names[0], names[3]]);
  });

  it('deletes with the injected file system and never recursively', async () => {
    const names = [0, 1].map((i) => backupFileName('T', DRAFT_A, at(i)));
    for (const name of names) await touch(name);
    const rmSpy = vi.fn((path: string, options: { force: boolean }) =>
      realFsPromises.rm(path, options),
    );
    await rotateBackups(dir, '3f2a9c1e', 1, { ...realFsPromises, rm: rmSpy });
    expect(rmSpy).toHaveBeenCalledWith(join(dir, names[0]!), { force: true });
  });
});
