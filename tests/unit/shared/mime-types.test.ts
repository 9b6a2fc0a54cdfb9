import { describe, expect, it } from 'vitest';
import { mimeTypeFor } from '../../../shared/mime-types';

describe('mimeTypeFor', () => {
  it('knows the MIME types the build emits', () => {
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('a.png')).toBe('image/png');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('reads the extension of the last segment only, of paths and URL paths alike', () => {
    expect(mimeTypeFor('/srv/out/web/assets/index-Ab12.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('C:\\app\\out\\renderer\\index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/srv/v1.2/README')).toBe('application/octet-stream');
    expect(mimeTypeFor('/home/me/.bashrc')).toBe('application/octet-stream');
    expect(mimeTypeFor('archive.tar.gz')).toBe('application/octet-stream');
  });

  it('names the exported and backup files the app saves', () => {
    expect(mimeTypeFor('AED - Jane - 2026-03-14.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(mimeTypeFor('AED.pdf')).toBe('application/pdf');
    expect(mimeTypeFor('Year 5.aedx')).toBe('application/zip');
  });
});
