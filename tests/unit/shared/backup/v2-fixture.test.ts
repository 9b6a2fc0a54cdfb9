/**
 * Format version 2 keeps importing: the committed v2.aedx (and the code that made it) read back
 * as the records and files it was written with, evidence included.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { prepareImport, readBackup } from '../../../../shared/backup';
import { makeV2Backup, v2Content } from '../../../fixtures/backup/make-v2';
import { readOptions } from './helpers';

const committed = new URL('../../../fixtures/backup/v2.aedx', import.meta.url);

describe('a format 2 backup', () => {
  it.each([
    ['the committed v2.aedx', async () => new Uint8Array(await readFile(committed))],
    ['as make-v2.ts builds it now', makeV2Backup],
  ])('%s imports with every record and file intact', async (_, load) => {
    const result = await readBackup(await load(), readOptions);
    if (!result.ok) throw new Error(result.error.detail);
    const { json, files } = await v2Content();
    expect(result.backup.manifest.formatVersion).toBe(2);
    expect(result.backup.drafts).toStrictEqual([{ ...json, files }]);

    let n = 0;
    const prepared = prepareImport(result.backup, { newId: () => `imported-${++n}`, now: 1 });
    expect(prepared.evidence.map((e) => [e.fileName, e.caption])).toEqual([
      ['IMG_2041.png', 'Pupils explaining ¾ with a bar model'],
      ['Before and after.csv', ''],
    ]);
    expect(prepared.snapshots[0]!.evidence![0]!.id).toBe(prepared.evidence[0]!.id);
    expect(prepared.blobs.map((b) => b.bytes)).toEqual(files.map((f) => f.bytes));
  });

  it('is built the same, byte for byte, on every run', async () => {
    expect(await makeV2Backup()).toEqual(await makeV2Backup());
  });
});
