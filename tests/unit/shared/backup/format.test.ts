/** The format's contract pieces: schemas against the renderer's types, migrations, entry names. */
import { zipSync, unzipSync } from 'fflate';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { SnapshotRecord } from '../../../../shared/model';
import { BACKUP_FORMAT_VERSION, readBackup, writeBackup } from '../../../../shared/backup';
import { crc32 } from '../../../../shared/backup/checksums';
import { migrateToCurrent, type VerifiedContainer } from '../../../../shared/backup/migrations';
import { unsafePathReason, entryRole } from '../../../../shared/backup/paths';
import { isLexicalStateJson } from '../../../../shared/backup/schema';
import type { snapshotRecordSchema } from '../../../../shared/backup/schema';
import { APP_VERSION, SAMPLE_NOW, richDraft } from '../../../fixtures/backup/sample-drafts';
import { readOptions } from './helpers';

describe('the snapshot schema', () => {
  it("matches the model's SnapshotRecord both ways", () => {
    expectTypeOf<z.infer<typeof snapshotRecordSchema>>().toEqualTypeOf<SnapshotRecord>();
  });
});

describe('editor states', () => {
  it.each([
    ['{"root":{"children":[]}}', true],
    ['{"root":{}}', true],
    ['{"root":[]}', false],
    ['{"root":null}', false],
    ['[]', false],
    ['"root"', false],
    ['{"root": {', false],
    ['', false],
  ])('%j is Lexical JSON: %s', (text, ok) => {
    expect(isLexicalStateJson(text)).toBe(ok);
  });
});

describe('migrations', () => {
  const container = (formatVersion: number): VerifiedContainer => ({
    formatVersion,
    manifest: { formatVersion },
    entries: new Map(),
  });

  it('leave a current backup as it is', () => {
    const c = container(BACKUP_FORMAT_VERSION);
    expect(migrateToCurrent(c)).toBe(c);
  });

  it('run every step from an old version up to the current one, in order', () => {
    const steps: string[] = [];
    const step = (from: number) => (c: VerifiedContainer) => {
      steps.push(`${from}→${from + 1}`);
      return {
        ...c,
        formatVersion: from + 1,
        manifest: { ...c.manifest, formatVersion: from + 1 },
      };
    };
    const out = migrateToCurrent(container(1), { 1: step(1), 2: step(2) }, 3);
    expect(steps).toEqual(['1→2', '2→3']);
    expect(out.manifest).toEqual({ formatVersion: 3 });
  });

  it('report a missing step instead of guessing', () => {
    expect(() => migrateToCurrent(container(1), {}, 2)).toThrow(/no upgrade from backup format 1/);
  });
});

describe('entry names', () => {
  it.each(['manifest.json', 'drafts/abc/draft.json', 'drafts/abc/files/Plan — été.pdf', 'drafts/'])(
    '%j is safe',
    (name) => expect(unsafePathReason(name)).toBeNull(),
  );

  it('have roles only where the layout puts them', () => {
    expect(entryRole('drafts/a/draft.json')).toEqual({ kind: 'draft-json', draftId: 'a' });
    expect(entryRole('drafts/a/files/x.png')).toEqual({
      kind: 'file',
      draftId: 'a',
      fileName: 'x.png',
    });
    for (const path of [
      'drafts/a/files/x/y',
      'drafts/a/other.json',
      'draft.json',
      'drafts/a/files/',
    ]) {
      expect(entryRole(path)).toEqual({ kind: 'unknown' });
    }
  });
});

describe('the zip', () => {
  it('is a standard zip other tools read (fflate), with the right CRCs', async () => {
    const bytes = await writeBackup({
      drafts: [richDraft()],
      appVersion: APP_VERSION,
      now: SAMPLE_NOW,
    });
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toContain('drafts/draft-fixture/files/lesson-photo.png');
    expect(entries['drafts/draft-fixture/files/lesson-photo.png']).toEqual(
      richDraft().files![0]!.bytes,
    );
  });

  it('made by another tool (fflate zipSync) is read too', async () => {
    const bytes = await writeBackup({
      drafts: [richDraft()],
      appVersion: APP_VERSION,
      now: SAMPLE_NOW,
    });
    const rezipped = zipSync(unzipSync(bytes), { level: 9 });
    const result = await readBackup(rezipped, readOptions);
    expect(result.ok).toBe(true);
  });

  it('CRC-32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
