/**
 * Format version 1 keeps importing: the committed v1.aedx (and the code that made it) read back
 * as the records it was written with. Future format versions add their own fixture beside it.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { prepareImport, readBackup } from '../../../../shared/backup';
import { V1_CONTENT, V1_FILE, makeV1Backup } from '../../../fixtures/backup/make-v1';
import { readOptions } from './helpers';

const committed = new URL('../../../fixtures/backup/v1.aedx', import.meta.url);

describe('a format 1 backup', () => {
  it.each([
    ['the committed v1.aedx', async () => new Uint8Array(await readFile(committed))],
    ['as make-v1.ts builds it now', makeV1Backup],
  ])('%s imports with every record intact', async (_, load) => {
    const result = await readBackup(await load(), readOptions);
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.backup.manifest.formatVersion).toBe(1);
    expect(result.backup.drafts).toStrictEqual([{ ...V1_CONTENT, files: [V1_FILE] }]);

    let n = 0;
    const prepared = prepareImport(result.backup, { newId: () => `imported-${++n}`, now: 1 });
    expect(prepared.drafts[0]).toMatchObject({ id: 'imported-1', title: V1_CONTENT.draft.title });
    expect(prepared.snapshots.map((s) => s.submission)).toEqual([
      V1_CONTENT.snapshots[0]!.submission,
      undefined,
    ]);
  });

  it('is built the same, byte for byte, on every run', async () => {
    expect(await makeV1Backup()).toEqual(await makeV1Backup());
  });
});
