import { describe, expect, it } from 'vitest';
import {
  AED_BRIDGE_KEY,
  draftIdSchema,
  IPC_EVENT_CHANNELS,
  IPC_REQUEST_CHANNELS,
  fileSaveArgsSchema,
  fileSaveResultSchema,
  ipcEventContract,
  ipcRequestContract,
  isIpcEventChannel,
  isIpcRequestChannel,
} from '../../../shared/ipc';
import { recordIdSchema } from '../../../shared/backup/schema';
import { MAX_RECORD_ID_LENGTH } from '../../../shared/model';

describe('IPC contract', () => {
  it('gives every listed channel a schema and lists every schema', () => {
    expect(Object.keys(ipcRequestContract).sort()).toEqual([...IPC_REQUEST_CHANNELS].sort());
    expect(Object.keys(ipcEventContract).sort()).toEqual([...IPC_EVENT_CHANNELS].sort());
  });

  it('names channels as area:action in kebab case, once each', () => {
    const all = [...IPC_REQUEST_CHANNELS, ...IPC_EVENT_CHANNELS];
    expect(new Set(all).size).toBe(all.length);
    for (const name of all) expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });

  it('exposes the bridge as window.aed', () => {
    expect(AED_BRIDGE_KEY).toBe('aed');
  });

  it('recognises only its own channels', () => {
    expect(isIpcRequestChannel('file:save')).toBe(true);
    expect(isIpcRequestChannel('app:before-close')).toBe(false);
    expect(isIpcRequestChannel('constructor')).toBe(false);
    expect(isIpcEventChannel('app:before-close')).toBe(true);
    expect(isIpcEventChannel('file:save')).toBe(false);
  });

  it('accepts a well-formed file:save and trims the name', () => {
    const parsed = fileSaveArgsSchema.parse({
      suggestedName: ' AED.docx ',
      bytes: new Uint8Array(3),
      mimeType: 'application/octet-stream',
      filters: [{ name: 'Word', extensions: ['docx', '*'] }],
    });
    expect(parsed.suggestedName).toBe('AED.docx');
    expect(parsed.bytes).toBeInstanceOf(Uint8Array);
  });

  it.each([
    { suggestedName: 'a', bytes: 'text', mimeType: 'm' },
    { suggestedName: 'a', bytes: new ArrayBuffer(1), mimeType: 'm' },
    { suggestedName: 'x'.repeat(256), bytes: new Uint8Array(), mimeType: 'm' },
    { suggestedName: 'a', bytes: new Uint8Array(), mimeType: '' },
    { suggestedName: 'a', bytes: new Uint8Array(), mimeType: 'm', extra: 1 },
    {
      suggestedName: 'a',
      bytes: new Uint8Array(),
      mimeType: 'm',
      filters: [{ name: 'x', extensions: [] }],
    },
  ])('rejects malformed file:save arguments %#', (args) => {
    expect(fileSaveArgsSchema.safeParse(args).success).toBe(false);
  });

  it('describes results as ok/saved or an error sentence', () => {
    expect(fileSaveResultSchema.safeParse({ ok: true, saved: false }).success).toBe(true);
    expect(fileSaveResultSchema.safeParse({ ok: false, error: 'Disk full.' }).success).toBe(true);
    expect(fileSaveResultSchema.safeParse({ ok: false }).success).toBe(false);
  });

  it('takes no arguments for backup:open-folder and a request id for app:ready-to-close', () => {
    expect(ipcRequestContract['backup:open-folder'].args.safeParse(undefined).success).toBe(true);
    expect(ipcRequestContract['backup:open-folder'].args.safeParse({}).success).toBe(false);
    expect(
      ipcRequestContract['app:ready-to-close'].args.safeParse({ requestId: 'r' }).success,
    ).toBe(true);
    expect(ipcRequestContract['app:ready-to-close'].args.safeParse({ requestId: '' }).success).toBe(
      false,
    );
  });

  it('lets the close answer say what is not stored, with a backup of it, and nothing else', () => {
    const args = ipcRequestContract['app:ready-to-close'].args;
    const backup = { fileName: 'AED backup - Y1 - 2026-03-14.aedx', bytes: new Uint8Array([1]) };
    const ok = (value: unknown) => args.safeParse(value).success;
    expect(ok({ requestId: 'r', unsaved: { reason: 'Storage is full.', backup } })).toBe(true);
    expect(ok({ requestId: 'r', unsaved: { reason: 'Storage is full.' } })).toBe(true);
    expect(ok({ requestId: 'r', unsaved: { reason: '' } })).toBe(false);
    expect(
      ok({ requestId: 'r', unsaved: { reason: 'x', backup: { ...backup, bytes: [1] } } }),
    ).toBe(false);
    expect(
      ok({
        requestId: 'r',
        unsaved: { reason: 'x', backup: { ...backup, bytes: new Uint8Array() } },
      }),
    ).toBe(false);
    expect(
      ok({ requestId: 'r', unsaved: { reason: 'x', backup: { ...backup, fileName: ' ' } } }),
    ).toBe(false);
    expect(ok({ requestId: 'r', unsaved: { reason: 'x', path: '/etc/passwd' } })).toBe(false);
    expect(ok({ requestId: 'r', extra: true })).toBe(false);
  });
});

// A draft a backup brings in must be one main will back up again: one rule for both.
describe('record ids over IPC and in backups', () => {
  it.each([
    ['a UUID', crypto.randomUUID(), true],
    ['the longest id', 'a'.repeat(MAX_RECORD_ID_LENGTH), true],
    ['one character too long', 'a'.repeat(MAX_RECORD_ID_LENGTH + 1), false],
    ['a path', '../../etc/passwd', false],
    ['a leading dash', '-abc', false],
    ['an empty id', '', false],
  ])('agree on %s', (_name, id, accepted) => {
    expect(draftIdSchema.safeParse(id).success).toBe(accepted);
    expect(recordIdSchema.safeParse(id).success).toBe(accepted);
  });
});
