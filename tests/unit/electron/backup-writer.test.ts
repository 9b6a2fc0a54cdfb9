// The atomic backup writer on the real file system, with failures injected through its `fs`.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BackupWriteError,
  realFsPromises,
  writeBackupAtomically,
} from '../../../electron/main/backup-writer';
import type { BackupFileHandle, BackupFs } from '../../../electron/main/backup-writer';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aed-backup-writer-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NAME = 'Year 5 maths - 3f2a9c1e - 2026-03-14 153005.aedx';
const OTHER = 'Year 5 maths - 3f2a9c1e - 2026-03-14 150000.aedx';
// Over two of the writer's 4 MiB pieces, so a failure can come part-way through.
const NEW_BYTES = new Uint8Array(randomBytes(9 * 1024 * 1024 + 17));
const OLD_BYTES = new Uint8Array(randomBytes(200_000));
const OTHER_BYTES = new Uint8Array(randomBytes(1000));

/** Whether the file holds exactly `bytes` (toEqual on megabytes is far too slow). */
async function sameBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  return Buffer.from(bytes).equals(await readFile(path));
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, but the handle of the temporary file (opened 'wx') is `wrap`ped. */
function wrappingTempHandle(wrap: (real: BackupFileHandle) => Partial<BackupFileHandle>): BackupFs {
  return {
    ...realFsPromises,
    open: async (path, flags) => {
      const real = await realFsPromises.open(path, flags);
      if (flags !== 'wx') return real;
      return {
        write: (...args) => real.write(...args),
        sync: () => real.sync(),
        close: () => real.close(),
        ...wrap(real),
      };
    },
  };
}

/** The real file system with `call` failing with `code`. */
function failing(call: keyof BackupFs, code: string): BackupFs {
  return { ...realFsPromises, [call]: vi.fn(() => Promise.reject(errno(code))) };
}

/** A folder with a previous backup under the name about to be written, and another backup. */
async function withPreviousBackups(): Promise<void> {
  await writeFile(join(dir, NAME), OLD_BYTES);
  await writeFile(join(dir, OTHER), OTHER_BYTES);
}

async function expectPreviousIntactAndNoTemp(): Promise<void> {
  expect(await sameBytes(join(dir, NAME), OLD_BYTES)).toBe(true);
  expect(await sameBytes(join(dir, OTHER), OTHER_BYTES)).toBe(true);
  expect((await readdir(dir)).sort()).toEqual([OTHER, NAME].sort());
}

async function writeExpectingError(fs: BackupFs): Promise<BackupWriteError> {
  const error: unknown = await writeBackupAtomically(dir, NAME, NEW_BYTES, fs, {
    renameRetries: 0,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupWriteError);
  return error as BackupWriteError;
}

describe('writeBackupAtomically: success', () => {
  it('writes the whole file under its name and leaves no temporary file', async () => {
    await writeBackupAtomically(dir, NAME, NEW_BYTES);
    expect(await sameBytes(join(dir, NAME), NEW_BYTES)).toBe(true);
    expect(await readdir(dir)).toEqual([NAME]);
  });

  it('replaces a previous file of the same name whole, and leaves other files alone', async () => {
    await withPreviousBackups();
    await writeBackupAtomically(dir, NAME, NEW_BYTES);
    expect(await sameBytes(join(dir, NAME), NEW_BYTES)).toBe(true);
    expect(await sameBytes(join(dir, OTHER), OTHER_BYTES)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual([OTHER, NAME].sort());
  });

  it('creates the folder (and its parents) when missing', async () => {
    const folder = join(dir, 'Documents', 'AED Writer backups');
    await writeBackupAtomically(folder, NAME, OLD_BYTES);
    expect(await sameBytes(join(folder, NAME), OLD_BYTES)).toBe(true);
  });

  it('resumes short writes until every byte is written', async () => {
    const fs = wrappingTempHandle((real) => ({
      // The OS may write less than asked for; pretend it always writes at most 1000 bytes.
      write: (buffer, offset, length, position) =>
        real.write(buffer, offset, Math.min(length, 1000), position),
    }));
    await writeBackupAtomically(dir, NAME, OLD_BYTES, fs);
    expect(await sameBytes(join(dir, NAME), OLD_BYTES)).toBe(true);
    expect(await readdir(dir)).toEqual([NAME]);
  });

  it('flushes the file before renaming it, and then the folder', async () => {
    const order: string[] = [];
    const fs: BackupFs = {
      ...realFsPromises,
      open: async (path, flags) => {
        const real = await realFsPromises.open(path, flags);
        const what = flags === 'wx' ? 'file' : 'folder';
        return {
          write: (...args) => real.write(...args),
          sync: async () => {
            order.push(`sync ${what}`);
            await real.sync();
          },
          close: async () => {
            order.push(`close ${what}`);
            await real.close();
          },
        };
      },
      rename: async (from, to) => {
        order.push('rename');
        await realFsPromises.rename(from, to);
      },
    };
    await writeBackupAtomically(dir, NAME, OLD_BYTES, fs);
    expect(order).toEqual(['sync file', 'close file', 'rename', 'sync folder', 'close folder']);
  });

  it.each(['EISDIR', 'EPERM', 'EINVAL'])(
    'goes on when the system cannot sync a folder (%s, as on Windows)',
    async (code) => {
      const fs: BackupFs = {
        ...realFsPromises,
        open: (path, flags) =>
          flags === 'r' ? Promise.reject(errno(code)) : realFsPromises.open(path, flags),
      };
      await writeBackupAtomically(dir, NAME, OLD_BYTES, fs);
      expect(await sameBytes(join(dir, NAME), OLD_BYTES)).toBe(true);
    },
  );

  it('retries a rename a scanner briefly blocks (Windows), then succeeds', async () => {
    let refusals = 2;
    const fs: BackupFs = {
      ...realFsPromises,
      rename: (from, to) =>
        refusals-- > 0 ? Promise.reject(errno('EBUSY')) : realFsPromises.rename(from, to),
    };
    const sleep = vi.fn(() => Promise.resolve());
    await writeBackupAtomically(dir, NAME, OLD_BYTES, fs, { renameRetries: 3, sleep });
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(await sameBytes(join(dir, NAME), OLD_BYTES)).toBe(true);
    expect(await readdir(dir)).toEqual([NAME]);
  });
});

describe('writeBackupAtomically: failures leave the previous backup intact', () => {
  it('disk full mid-write: previous intact byte for byte, no temporary file, "disk is full"', async () => {
    await withPreviousBackups();
    let written = 0;
    const fs = wrappingTempHandle((real) => ({
      // The first write lands half its bytes on the disk; the next finds the disk full.
      write: async (buffer, offset, length, position) => {
        if (written > 0) throw errno('ENOSPC');
        const half = Math.floor(length / 2);
        const result = await real.write(buffer, offset, half, position);
        written += result.bytesWritten;
        return result;
      },
    }));
    const error = await writeExpectingError(fs);
    expect(written).toBeGreaterThan(0);
    expect(error.code).toBe('ENOSPC');
    expect(error.message).toMatch(/isn't enough space on the disk/);
    expect(error.message).toContain(NAME);
    await expectPreviousIntactAndNoTemp();
  });

  it('disk full found only at fsync: previous intact, no temporary file', async () => {
    await withPreviousBackups();
    const fs = wrappingTempHandle(() => ({ sync: () => Promise.reject(errno('ENOSPC')) }));
    const error = await writeExpectingError(fs);
    expect(error.message).toMatch(/enough space/);
    await expectPreviousIntactAndNoTemp();
  });

  it.each(['EIO', 'EDQUOT'])(
    'fsync failing (%s): previous intact, no temporary file',
    async (code) => {
      await withPreviousBackups();
      const fs = wrappingTempHandle(() => ({ sync: () => Promise.reject(errno(code)) }));
      await writeExpectingError(fs);
      await expectPreviousIntactAndNoTemp();
    },
  );

  it('a failure reported only at close (network shares): previous intact, no temporary file', async () => {
    await withPreviousBackups();
    const fs = wrappingTempHandle((real) => ({
      close: async () => {
        await real.close();
        throw errno('EIO');
      },
    }));
    await writeExpectingError(fs);
    await expectPreviousIntactAndNoTemp();
  });

  it.each([
    ['EACCES', /permission/],
    ['EBUSY', /open in another program/],
    ['EPERM', /permission was denied/],
    ['EXDEV', /could not be saved \(EXDEV: simulated\)/],
  ])('rename failing (%s): previous intact, temporary file removed', async (code, message) => {
    await withPreviousBackups();
    const error = await writeExpectingError(failing('rename', code));
    expect(error.message).toMatch(message);
    await expectPreviousIntactAndNoTemp();
  });

  it('gives up on a rename that stays blocked after its retries', async () => {
    await withPreviousBackups();
    const rename = vi.fn(() => Promise.reject(errno('EBUSY')));
    const error: unknown = await writeBackupAtomically(
      dir,
      NAME,
      NEW_BYTES,
      { ...realFsPromises, rename },
      { renameRetries: 2, sleep: () => Promise.resolve() },
    ).catch((e: unknown) => e);
    expect(rename).toHaveBeenCalledTimes(3);
    expect((error as Error).message).toMatch(/open in another program/);
    await expectPreviousIntactAndNoTemp();
  });

  it('does not retry a rename refused for a reason time will not fix', async () => {
    const rename = vi.fn(() => Promise.reject(errno('EXDEV')));
    await expect(
      writeBackupAtomically(
        dir,
        NAME,
        OLD_BYTES,
        { ...realFsPromises, rename },
        {
          renameRetries: 3,
          sleep: () => Promise.resolve(),
        },
      ),
    ).rejects.toThrow(BackupWriteError);
    expect(rename).toHaveBeenCalledTimes(1);
  });

  it('a write that makes no progress stops instead of looping', async () => {
    await withPreviousBackups();
    const fs = wrappingTempHandle(() => ({ write: () => Promise.resolve({ bytesWritten: 0 }) }));
    await writeExpectingError(fs);
    await expectPreviousIntactAndNoTemp();
  });

  it('a folder it may not write in: permission message, nothing written', async () => {
    await withPreviousBackups();
    const error = await writeExpectingError(failing('open', 'EACCES'));
    expect(error.message).toMatch(/don't have permission/);
    await expectPreviousIntactAndNoTemp();
  });

  it('a folder path that is a file: a clear message', async () => {
    await writeFile(join(dir, 'not a folder'), 'x');
    const error: unknown = await writeBackupAtomically(
      join(dir, 'not a folder'),
      NAME,
      OLD_BYTES,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupWriteError);
    expect((error as BackupWriteError).message).toMatch(/folder chosen .* no longer exists/);
    expect(await readFile(join(dir, 'not a folder'), 'utf8')).toBe('x');
  });

  it('a failing folder sync after the rename is reported, and the new file is complete', async () => {
    const fs: BackupFs = {
      ...realFsPromises,
      open: async (path, flags) => {
        const real = await realFsPromises.open(path, flags);
        if (flags !== 'r') return real;
        return {
          write: (...args) => real.write(...args),
          sync: () => Promise.reject(errno('EIO')),
          close: () => real.close(),
        };
      },
    };
    await expect(writeBackupAtomically(dir, NAME, OLD_BYTES, fs)).rejects.toThrow(/EIO/);
    expect(await sameBytes(join(dir, NAME), OLD_BYTES)).toBe(true);
    expect(await readdir(dir)).toEqual([NAME]);
  });
});
