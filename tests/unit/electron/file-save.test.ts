import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  describeSaveError,
  nodeFileWriteOps,
  saveFile,
  writeFileAtomically,
} from '../../../electron/main/file-save';
import type { ChooseSaveDestination, FileWriteOps } from '../../../electron/main/file-save';
import { MAX_FILE_NAME_LENGTH } from '../../../shared/export/file-name';
import type { FileSaveArgs } from '../../../shared/ipc';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aed-file-save-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = new TextEncoder().encode('the new export');
const args: FileSaveArgs = {
  suggestedName: 'My AED.docx',
  bytes,
  mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, except that one call fails with `code`. */
function failing(call: keyof FileWriteOps, code: string): FileWriteOps {
  return {
    ...nodeFileWriteOps,
    [call]: vi.fn(() => Promise.reject(errno(code))),
  };
}

describe('saveFile', () => {
  it('writes the bytes to the chosen path in a real folder', async () => {
    const target = join(dir, 'out.docx');
    const choose = vi.fn(() => Promise.resolve(target));
    const result = await saveFile(args, choose);
    expect(result).toEqual({ ok: true, saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('the new export');
    expect(choose).toHaveBeenCalledWith({ defaultName: 'My AED.docx', filters: undefined });
    expect(await readdir(dir)).toEqual(['out.docx']);
  });

  it('replaces an existing file', async () => {
    const target = join(dir, 'out.docx');
    await writeFile(target, 'old');
    await saveFile(args, () => Promise.resolve(target));
    expect(await readFile(target, 'utf8')).toBe('the new export');
  });

  it('reports a cancelled dialog as ok and not saved', async () => {
    expect(await saveFile(args, () => Promise.resolve(undefined))).toEqual({
      ok: true,
      saved: false,
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('passes filters through and makes the suggested name safe', async () => {
    const choose = vi.fn(() => Promise.resolve(undefined));
    const filters = [{ name: 'Word document', extensions: ['docx'] }];
    await saveFile({ ...args, suggestedName: 'Year 5/6: maths?.docx', filters }, choose);
    expect(choose).toHaveBeenCalledWith({ defaultName: 'Year 5-6- maths-.docx', filters });
  });

  it.each([
    ['ENOSPC', 'writeFile', /enough space on the disk/],
    ['EACCES', 'writeFile', /permission/],
    ['EPERM', 'rename', /permission was denied.*open in another program/],
    ['EBUSY', 'rename', /open in another program \(Word\?\) — close it and try again/],
    ['EROFS', 'writeFile', /read-only/],
  ] as const)('maps %s from %s to a clear sentence', async (code, call, message) => {
    const target = join(dir, 'locked.docx');
    await writeFile(target, 'previous copy');
    const result = await saveFile(args, () => Promise.resolve(target), failing(call, code));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(message);
    expect(result.error).toContain('“locked.docx”');
    expect(result.error).not.toContain(code);
    // The previous copy survives and no temporary file is left behind.
    expect(await readFile(target, 'utf8')).toBe('previous copy');
    expect(await readdir(dir)).toEqual(['locked.docx']);
  });

  it('reports a folder that has gone away (real ENOENT from the file system)', async () => {
    const result = await saveFile(args, () => Promise.resolve(join(dir, 'gone', 'x.docx')));
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/no longer exists/) as unknown,
    });
  });

  it('reports a dialog that fails to open', async () => {
    const result = await saveFile(args, () => Promise.reject(new Error('no display')));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/no display/) as unknown });
  });
});

describe('writeFileAtomically', () => {
  it('removes its temporary file when the rename fails', async () => {
    const ops = failing('rename', 'EBUSY');
    await expect(writeFileAtomically(join(dir, 'a.pdf'), bytes, ops)).rejects.toMatchObject({
      code: 'EBUSY',
    });
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('describeSaveError', () => {
  it('falls back to the error message for unknown failures', () => {
    expect(describeSaveError(new Error('weird'), 'a.docx')).toBe(
      '“a.docx” could not be saved (weird). Try again, or choose another folder.',
    );
  });
});

// Main names the file itself from the renderer's suggestion, with the strict shared sanitiser
// (shared/export/file-name.ts): a page that skipped the renderer's cleaning gets nothing through.
describe('the name main proposes in the save dialog', () => {
  async function proposed(suggestedName: string): Promise<string> {
    const choose = vi.fn<ChooseSaveDestination>(() => Promise.resolve(undefined));
    await saveFile({ ...args, suggestedName }, choose);
    return choose.mock.calls[0]![0].defaultName;
  }

  it.each([
    ['AED draft.docx', 'AED draft.docx'],
    ['a/b\\c.pdf', 'a-b-c.pdf'],
    ['../../etc/passwd', '-..-etc-passwd'],
    ['name. ', 'name'],
    ['...', 'Untitled'],
    ['CON.docx', '_CON.docx'],
    ['tab\there', 'tab here'],
  ])('%j → %j', async (input, expected) => {
    expect(await proposed(input)).toBe(expected);
  });

  it('takes out a right-to-left override, so "…xcod.exe" cannot pass for "….docx"', async () => {
    const name = await proposed('AED - Smith\u202excod.exe');
    expect(name).toBe('AED - Smith xcod.exe');
    expect(name).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(await proposed('\u2067Jane\u2069 Smith\u200f.docx')).toBe('Jane Smith.docx');
  });

  it.each([
    ['CONIN$.docx', '_CONIN$.docx'],
    ['conout$', '_conout$'],
    ['COM¹.pdf', '_COM¹.pdf'],
    ['LPT3.docx', '_LPT3.docx'],
  ])('refuses the Windows device name in %j: %j', async (input, expected) => {
    expect(await proposed(input)).toBe(expected);
  });

  it('keeps the extension when shortening a long name', async () => {
    const name = await proposed(`${'x'.repeat(300)}.docx`);
    expect(name).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.docx')).toBe(true);
  });
});
