/**
 * Small Word files written by hand for the reader's edge cases: the parts as XML text, zipped
 * with the backup writer. Real writers' files are in tests/fixtures/feedback; these are for what
 * no fixture shows (a renamed style, a tracked deletion, a hostile part).
 */
import { writeZip, type ZipWriteEntry } from '../../../../shared/backup/zip';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
export const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface DocxParts {
  /** The inside of w:body. */
  body: string;
  /** The inside of w:comments, or null for no comments part. */
  comments?: string | null;
  /** The inside of w15:commentsEx. */
  commentsExtended?: string;
  /** The inside of w:styles. */
  styles?: string;
  /** Custom properties: name → value. */
  custom?: Record<string, string>;
  /** Parts to put in as they are, or in place of the ones above (by name). */
  raw?: Record<string, string | Uint8Array>;
  /** The main document's name (default word/document.xml). */
  mainName?: string;
}

const utf8 = new TextEncoder();

export function docxEntries(parts: DocxParts): ZipWriteEntry[] {
  const main = parts.mainName ?? 'word/document.xml';
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const base = main.slice(main.lastIndexOf('/') + 1);
  const files: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="/${main}"/>${parts.custom ? `<Relationship Id="rId2" Type="${R}/custom-properties" Target="docProps/custom.xml"/>` : ''}</Relationships>`,
    [main]: `${XML}<w:document xmlns:w="${W}" xmlns:w14="${W14}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${parts.body}</w:body></w:document>`,
  };
  const rels: string[] = [];
  if (parts.comments !== null && parts.comments !== undefined) {
    files[`${folder}comments.xml`] =
      `${XML}<w:comments xmlns:w="${W}" xmlns:w14="${W14}">${parts.comments}</w:comments>`;
    rels.push(`<Relationship Id="rId1" Type="${R}/comments" Target="comments.xml"/>`);
  }
  if (parts.commentsExtended !== undefined) {
    files[`${folder}commentsExtended.xml`] =
      `${XML}<w15:commentsEx xmlns:w15="${W15}">${parts.commentsExtended}</w15:commentsEx>`;
    rels.push(
      `<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>`,
    );
  }
  if (parts.styles !== undefined) {
    files[`${folder}styles.xml`] = `${XML}<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`;
    rels.push(`<Relationship Id="rId3" Type="${R}/styles" Target="styles.xml"/>`);
  }
  if (rels.length > 0) {
    files[`${folder}_rels/${base}.rels`] =
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  }
  if (parts.custom) {
    const properties = Object.entries(parts.custom).map(
      ([name, value], i) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${name}"><vt:lpwstr>${value}</vt:lpwstr></property>`,
    );
    files['docProps/custom.xml'] =
      `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${properties.join('')}</Properties>`;
  }
  Object.assign(files, parts.raw ?? {});
  return Object.entries(files).map(([name, content]) => ({
    name,
    bytes: typeof content === 'string' ? utf8.encode(content) : content,
  }));
}

export function makeDocx(parts: DocxParts): Uint8Array {
  return writeZip(docxEntries(parts), { mtime: Date.UTC(2026, 2, 14) });
}

/** A paragraph: its style (if any) and its runs' texts. */
export function para(texts: string | readonly string[], style?: string, extra = ''): string {
  const runs = (typeof texts === 'string' ? [texts] : texts)
    .map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`)
    .join('');
  const props =
    style || extra ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${extra}</w:pPr>` : '';
  return `<w:p>${props}${runs}</w:p>`;
}

/** A paragraph whose text `anchor` carries comment `id` (range, then the reference run). */
export function commented(id: number, anchor: string, before = '', after = ''): string {
  return `<w:p><w:r><w:t xml:space="preserve">${before}</w:t></w:r><w:commentRangeStart w:id="${id}"/><w:r><w:t>${anchor}</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r><w:r><w:t xml:space="preserve">${after}</w:t></w:r></w:p>`;
}

/** A comment of comments.xml. */
export function comment(
  id: number,
  text: string | readonly string[],
  {
    author = 'Priya Shah',
    initials = 'PS',
    date = '2026-03-20T09:41:00Z',
    paraId,
  }: { author?: string; initials?: string; date?: string; paraId?: string } = {},
): string {
  const paragraphs = typeof text === 'string' ? [text] : text;
  const body = paragraphs
    .map(
      (t, i) =>
        `<w:p${paraId && i === paragraphs.length - 1 ? ` w14:paraId="${paraId}"` : ''}><w:r><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`,
    )
    .join('');
  return `<w:comment w:id="${id}" w:author="${author}" w:initials="${initials}" w:date="${date}">${body}</w:comment>`;
}
