// Files that are not what Import feedback expects, or are built to hurt: each must give its
// error result, quickly, and never throw.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../shared/backup/checksums';
import { writeZip } from '../../../../shared/backup/zip';
import { buildDocument } from '../../../../shared/export/document';
import { renderDocx } from '../../../../shared/export/docx';
import type { FeedbackErrorCode } from '../../../../shared/feedback/errors';
import {
  readFeedbackDocx,
  type FeedbackReadResult,
} from '../../../../shared/feedback/read-feedback-docx';
import { exportFixture } from '../../../fixtures/export/aed-fixture';
import { FIXTURE_FILES } from '../../../fixtures/feedback/fixture-files';
import { prng, rawZip, storedEntries } from '../backup/helpers';
import { comment, commented, docxEntries, makeDocx, para, W } from './docx-builder';

const utf8 = new TextEncoder();
const MiB = 1024 * 1024;

/** Reads `bytes`, checks the refusal and its time, and returns the error's detail. */
async function refused(
  bytes: unknown,
  code: FeedbackErrorCode,
  { withinMs = 3_000 }: { withinMs?: number } = {},
): Promise<string> {
  const started = performance.now();
  // A rejected promise would fail here: the reader must resolve, whatever it is given.
  const result: FeedbackReadResult = await readFeedbackDocx(bytes as Uint8Array);
  const took = performance.now() - started;
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code, result.error.detail).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(20);
  expect(took).toBeLessThan(withinMs);
  return result.error.detail;
}

function randomBytes(length: number): Uint8Array {
  const random = prng(7);
  return Uint8Array.from({ length }, () => random.int(256));
}

const good = () => ({ body: commented(0, 'text'), comments: comment(0, 'A comment.') });

it('the hand-made files these tests spoil are read when unspoiled', async () => {
  expect((await readFeedbackDocx(makeDocx(good()))).ok).toBe(true);
});

describe('not a Word document', () => {
  it.each([
    ['an empty file', new Uint8Array(0)],
    ['text', utf8.encode('Dear Siân, my comments are below.')],
    ['random bytes', randomBytes(5_000)],
    ['a PDF', utf8.encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF')],
  ])('%s → not-a-docx', async (_, bytes) => {
    await refused(bytes, 'not-a-docx');
  });

  it('an old .doc, or a password-protected .docx (an OLE file) → not-a-docx, saying so', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refused(ole, 'not-a-docx')).toMatch(/\.doc, or a password-protected/);
  });

  it('something that is not bytes at all → not-a-docx', async () => {
    await refused('word-shaped.docx', 'not-a-docx');
    await refused(null, 'not-a-docx');
  });

  it('a zip that is no Office document (no _rels/.rels) → not-a-docx', async () => {
    const zip = writeZip([{ name: 'notes.txt', bytes: utf8.encode('hello') }], { mtime: 0 });
    expect(await refused(zip, 'not-a-docx')).toMatch(/_rels\/\.rels/);
  });

  it('an .aedx backup → not-a-docx', async () => {
    const backup = new Uint8Array(
      readFileSync(new URL('../../../fixtures/backup/v1.aedx', import.meta.url)),
    );
    await refused(backup, 'not-a-docx');
  });

  it('a spreadsheet (an Office document whose main part is a workbook) → not-a-docx', async () => {
    const entries = docxEntries({ ...good(), mainName: 'xl/workbook.xml' }).map((e) =>
      e.name === 'xl/workbook.xml'
        ? {
            name: e.name,
            bytes: utf8.encode(
              '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
            ),
          }
        : e,
    );
    expect(await refused(writeZip(entries, { mtime: 0 }), 'not-a-docx')).toMatch(/workbook/);
  });

  it('relationships pointing at a part that is not there → not-a-docx', async () => {
    const entries = docxEntries(good()).filter((e) => e.name !== 'word/document.xml');
    await refused(writeZip(entries, { mtime: 0 }), 'not-a-docx');
  });
});

describe('a Word document without comments', () => {
  it('no comments part → no-comments', async () => {
    await refused(makeDocx({ body: para('Nothing to say.') }), 'no-comments');
  });

  it('a comments part with no comment in it → no-comments', async () => {
    await refused(makeDocx({ body: para('Nothing to say.'), comments: '' }), 'no-comments');
  });

  it('our own export, as AED Writer sent it → no-comments', async () => {
    const { template, draft, sections } = exportFixture();
    const doc = buildDocument({
      template,
      draft,
      sections,
      options: { includeGuidance: true, includeWordCounts: true, omitEmptySections: false },
    });
    await refused(await renderDocx(doc), 'no-comments');
  });
});

describe('zip bombs and oversized files', () => {
  it('an entry that would expand over 400 times is refused before it is inflated', async () => {
    const bomb = writeZip(
      [...docxEntries(good()), { name: 'word/media/image1.png', bytes: new Uint8Array(64 * MiB) }],
      { mtime: 0 },
    );
    expect(bomb.length).toBeLessThan(MiB);
    expect(await refused(bomb, 'too-large', { withinMs: 2_000 })).toMatch(
      /would expand \d+ times, to 64 MiB/,
    );
  });

  it('an entry that inflates to more than it declares is stopped early', async () => {
    const honest = docxEntries(good());
    const small = honest.find((e) => e.name === 'word/document.xml')!;
    const lying = rawZip([
      ...storedEntries(honest.filter((e) => e !== small)),
      {
        name: small.name,
        data: deflateSync(new Uint8Array(64 * MiB), { level: 9 }),
        method: 8,
        crc: crc32(small.bytes),
        size: small.bytes.length,
      },
    ]);
    expect(await refused(lying, 'too-large', { withinMs: 2_000 })).toMatch(
      /holds more than it declares/,
    );
  });

  it('a 50 MB comments.xml is refused on its size, before it is inflated or parsed', async () => {
    const one = comment(0, 'A comment of a hundred bytes or so, to fill the part up.');
    const comments = one.repeat(Math.ceil((50 * 1_000_000) / one.length));
    const docx = makeDocx({ body: commented(0, 'x'), comments });
    expect(await refused(docx, 'too-large', { withinMs: 2_000 })).toMatch(
      /comments\.xml would be 4\d\.\d MiB; the limit is 16 MiB/,
    );
  });

  it('100,000 comments are refused once past 5,000, without reading them all', async () => {
    const comments = Array.from(
      { length: 100_000 },
      (_, i) =>
        `<w:comment w:id="${i}" w:author="A"><w:p><w:r><w:t>c</w:t></w:r></w:p></w:comment>`,
    ).join('');
    // Under the size limit: it is the number of comments that is refused.
    expect(comments.length).toBeLessThan(16 * MiB);
    const docx = makeDocx({ body: commented(0, 'x'), comments });
    // The machine may be busy: the bound that matters is that the count, not the size, refused it.
    expect(await refused(docx, 'too-large', { withinMs: 5_000 })).toMatch(
      /more than 5000 comments/,
    );
  });

  it('a file over the size limit is refused without being opened', async () => {
    const docx = makeDocx(good());
    expect((await readFeedbackDocx(docx, { limits: { maxFileBytes: docx.length - 1 } })).ok).toBe(
      false,
    );
  });
});

describe('entities and DOCTYPEs', () => {
  const LAUGHS =
    '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
    ).join('') +
    ']>';

  it('a billion laughs in the main document → corrupt, at once', async () => {
    const docx = makeDocx({
      ...good(),
      raw: {
        'word/document.xml': `<?xml version="1.0"?>${LAUGHS}<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`,
      },
    });
    expect(await refused(docx, 'corrupt', { withinMs: 2_000 })).toMatch(/DOCTYPE/);
  });

  it('a billion laughs in the comments → corrupt, at once', async () => {
    const docx = makeDocx({
      ...good(),
      raw: {
        'word/comments.xml': `<?xml version="1.0"?>${LAUGHS}<w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="&lol9;"/></w:comments>`,
      },
    });
    expect(await refused(docx, 'corrupt', { withinMs: 2_000 })).toMatch(
      /comments\.xml has a DOCTYPE/,
    );
  });

  it('an external entity (a file of this computer) → corrupt, nothing fetched', async () => {
    const docx = makeDocx({
      ...good(),
      raw: {
        'docProps/custom.xml': `<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><property name="AEDWriterDraftId">&x;</property></Properties>`,
      },
      custom: { AEDWriterDraftId: 'd1' },
    });
    await refused(docx, 'corrupt');
  });

  it('an entity that is never declared → corrupt', async () => {
    const docx = makeDocx({ body: commented(0, 'x'), comments: comment(0, 'Say&nbsp;more') });
    expect(await refused(docx, 'corrupt')).toMatch(/comments\.xml/);
  });
});

describe('damaged files', () => {
  const withDocument = (xml: string) => makeDocx({ ...good(), raw: { 'word/document.xml': xml } });

  it.each([
    ['an unclosed element', `<w:document xmlns:w="${W}"><w:body><w:p></w:body></w:document>`],
    ['an unbound prefix', `<w:document xmlns:w="${W}"><w:body><x:p/></w:body></w:document>`],
    ['text after the root', `<w:document xmlns:w="${W}"><w:body/></w:document>trailing`],
    ['a second root', `<w:document xmlns:w="${W}"/><w:document xmlns:w="${W}"/>`],
    ['no XML at all', 'this is not XML'],
    ['nothing', ''],
    [
      'a declared encoding it is not in',
      `<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="${W}"/>`,
    ],
  ])('main document with %s → corrupt', async (_, xml) => {
    await refused(withDocument(xml), 'corrupt');
  });

  it('bytes that are not UTF-8 → corrupt', async () => {
    const bytes = Uint8Array.from([...utf8.encode(`<w:document xmlns:w="${W}">`), 0xff, 0xfe]);
    const docx = makeDocx({ ...good(), raw: { 'word/document.xml': bytes } });
    expect(await refused(docx, 'corrupt')).toMatch(/not UTF-8/);
  });

  it('malformed comments, relationships or styles → corrupt', async () => {
    await refused(makeDocx({ ...good(), comments: '<w:comment w:id="0">' }), 'corrupt');
    await refused(
      makeDocx({ ...good(), raw: { '_rels/.rels': '<Relationships><Relationship' } }),
      'corrupt',
    );
    await refused(makeDocx({ ...good(), styles: '<w:style>' }), 'corrupt');
  });

  it('a real file cut short, or with a flipped byte → corrupt', async () => {
    const real = new Uint8Array(readFileSync(FIXTURE_FILES.wordShaped));
    await refused(real.subarray(0, Math.floor(real.length / 2)), 'corrupt');
    const flipped = real.slice();
    // In the middle of the first entry's compressed data.
    flipped[200] = flipped[200]! ^ 0xff;
    await refused(flipped, 'corrupt');
  });
});
