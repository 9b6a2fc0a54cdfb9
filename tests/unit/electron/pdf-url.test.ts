import { describe, expect, it } from 'vitest';
import { PrintUrlError, printViewUrl } from '../../../electron/main/pdf-url';
import { printJobHash } from '../../../shared/export/print-job';
import { pdfExportArgsSchema } from '../../../shared/ipc';

describe('printViewUrl', () => {
  it('puts a print view hash on the app’s entry page', () => {
    expect(printViewUrl('#/print/d1?label=Interim%201&counts=1')).toBe(
      'app://aed/index.html#/print/d1?label=Interim%201&counts=1',
    );
    expect(printViewUrl('#/print/5f0c2b1e-7d1a-4c55-9f0e-2a1b3c4d5e6f')).toBe(
      'app://aed/index.html#/print/5f0c2b1e-7d1a-4c55-9f0e-2a1b3c4d5e6f',
    );
  });

  it('takes autoprint out: nobody could answer a print dialog in a hidden window', () => {
    expect(printViewUrl('#/print/d1?autoprint=1')).toBe('app://aed/index.html#/print/d1');
    expect(printViewUrl('#/print/d1?label=Final&autoprint=1&counts=1')).toBe(
      'app://aed/index.html#/print/d1?label=Final&counts=1',
    );
  });

  it.each([
    ['another route', '#/draft/d1'],
    ['the library', '#/'],
    ['a bare print prefix', '#/print/'],
    ['no hash', '/print/d1'],
    ['a full URL', 'https://evil.example/#/print/d1'],
    ['another origin after the prefix', '#/print/d1#https://evil.example/'],
    ['a second fragment', '#/print/d1?x=1#@evil.example'],
    ['a backslash', '#/print/..\\..\\evil'],
    ['white space', '#/print/d1 onload=alert(1)'],
    ['a line break', '#/print/d1\nhttps://evil.example'],
    ['a quote', '#/print/d1"><script>'],
    ['a javascript URL', 'javascript:alert(1)//#/print/d1'],
    ['a malformed escape', '#/print/%E0%A4%A'],
    ['a very long hash', `#/print/${'a'.repeat(5000)}`],
  ])('refuses %s', (_name, hash) => {
    expect(() => printViewUrl(hash)).toThrow(PrintUrlError);
  });

  it('never leaves the app origin, whatever follows the prefix', () => {
    for (const tail of [
      '//evil.example/x',
      '@evil.example',
      '..%2F..%2Fetc%2Fpasswd',
      '%23x',
      'x?a=//b',
    ]) {
      const url = new URL(printViewUrl(`#/print/${tail}`));
      expect(`${url.protocol}//${url.host}${url.pathname}`).toBe('app://aed/index.html');
      expect(url.hash).toBe(`#/print/${tail}`);
    }
  });

  it('loads the print job addresses main makes, and the renderer cannot send one', () => {
    // pdf:export takes a print job (checked in pdf-export.test.ts); an address is refused.
    expect(
      pdfExportArgsSchema.safeParse({ printUrlHash: '#/print/d1?counts=1', suggestedName: 'a.pdf' })
        .success,
    ).toBe(false);
    const draftId = crypto.randomUUID();
    const exportId = crypto.randomUUID();
    expect(printViewUrl(printJobHash(draftId, exportId))).toBe(
      `app://aed/index.html#/print/${draftId}?export=${exportId}`,
    );
  });
});
