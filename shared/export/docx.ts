/**
 * The export document → a Word file, with `docx`. Runs in Node (tests, benchmark) and in the
 * renderer alike: no Node APIs, and the bytes come from Packer.toArrayBuffer, which both have.
 *
 * What a Cohort Lead opens: a cover page; a table of contents that is a real TOC field (Word
 * updates it on open) already filled in with an entry per heading, so readers that never update
 * fields still show it; numbered Heading 1 sections with Heading 2–4 inside, so Word's
 * navigation pane works; real Word list numbering; tables with repeating header rows that fit
 * the page; a running header and "Page X of Y".
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab as DocxTab,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { FileChild, IParagraphOptions, IRunOptions, ParagraphChild } from 'docx';
import type { Block, ImageBlock, Inline, LinkContent, ListBlock, TableBlock } from './blocks';
import {
  EVIDENCE_APPENDIX_TITLE,
  type CoverageTable,
  type CriterionRow,
  type DocumentSection,
  type EvidenceEntry,
  type ExportDocument,
  type ExportPicture,
  type FieldRow,
  type ShownIn,
} from './document-model';
import { DOCX_ID_PROPERTIES } from './docx-ids';
import {
  CODE_FONT,
  GAP_FILL,
  HEADER_FILL,
  LABEL_FILL,
  LIST,
  MUTED,
  PAGE,
  RULE,
  STYLE,
  STYLES,
  TEXT_WIDTH,
  numberingConfig,
} from './docx-styles';
import {
  CONTENTS_TITLE,
  COVERAGE_CORNER,
  CRITERIA_COLUMNS,
  GUIDANCE_TITLE,
  NOT_GIVEN,
  NOT_YET_WRITTEN,
  NOTHING_WRITTEN,
  NOTHING_YET,
  PAGE_NUMBER_WORDS,
  coverDetails,
  coverSubtitle,
  isAssessmentEmphasised,
  isWideTable,
  sectionMeta,
  shownInText,
} from './presentation';

/**
 * Renders the export document as the bytes of a .docx file. `pictures` holds the images' bytes,
 * prepared for export, by evidence id; an image without one is left out.
 */
export async function renderDocx(
  doc: ExportDocument,
  pictures: ReadonlyMap<string, ExportPicture> = new Map(),
): Promise<Uint8Array> {
  const context = new RenderContext(pictures);
  const body: FileChild[] = [
    ...coverPage(doc),
    new Paragraph({ text: CONTENTS_TITLE, style: STYLE.tocHeading, pageBreakBefore: true }),
    // docx bookmarks every Heading 1–2 and writes an entry for each inside the field (text and a
    // link; the page numbers are left for Word, which updates the field on open). Working the
    // page numbers out too (docx/layout's estimatePageNumbers) took seconds on a 30,000-word
    // document, which the export's time budget can't afford.
    new TableOfContents(CONTENTS_TITLE, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
  if (doc.sections.length === 0) {
    body.push(
      new Paragraph({
        text: NOTHING_WRITTEN,
        style: STYLE.notWritten,
        pageBreakBefore: true,
      }),
    );
  }
  doc.sections.forEach((section, i) => body.push(...renderSection(section, i === 0, context)));
  if (doc.evidence.length > 0) body.push(...evidenceAppendix(doc.evidence, context));

  const runningHeader = new Header({
    children: [new Paragraph({ text: doc.runningHeader, style: STYLE.header })],
  });
  const pageFooter = () =>
    new Footer({
      children: [
        new Paragraph({
          style: STYLE.footer,
          children: [
            new TextRun({
              children: [
                PAGE_NUMBER_WORDS.before,
                PageNumber.CURRENT,
                PAGE_NUMBER_WORDS.between,
                PageNumber.TOTAL_PAGES,
              ],
            }),
          ],
        }),
      ],
    });

  const file = new Document({
    title: doc.properties.title,
    subject: doc.properties.subject,
    creator: doc.properties.author || 'AED Writer',
    lastModifiedBy: 'AED Writer',
    description: `${doc.cover.templateName}: ${doc.cover.label}, ${doc.cover.date}`,
    customProperties: idProperties(doc),
    // Word updates the TOC's page numbers (and every field) when it opens the file.
    features: { updateFields: true },
    styles: STYLES,
    numbering: { config: numberingConfig(context.numberedStarts(doc)) },
    sections: [
      {
        properties: {
          // The cover page has no running header; it still has its page number.
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              right: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              header: 708,
              footer: 708,
            },
          },
        },
        headers: { default: runningHeader, first: new Header({ children: [new Paragraph({})] }) },
        footers: { default: pageFooter(), first: pageFooter() },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

/** The draft's and submission's ids, as custom properties (docx-ids.ts says why). */
function idProperties({ properties }: ExportDocument): Array<{ name: string; value: string }> {
  return [
    { name: DOCX_ID_PROPERTIES.draftId, value: properties.draftId },
    ...(properties.submissionId === null
      ? []
      : [{ name: DOCX_ID_PROPERTIES.submissionId, value: properties.submissionId }]),
  ];
}

/** State of one render: each numbered list needs an instance of its own, so it restarts. */
class RenderContext {
  private nextInstance = 1;

  constructor(readonly pictures: ReadonlyMap<string, ExportPicture>) {}

  listInstance(): number {
    return this.nextInstance++;
  }

  /** The first numbers of every numbered list in the document, to define their numbering. */
  numberedStarts(doc: ExportDocument): Set<number> {
    const starts = new Set<number>();
    const visit = (blocks: readonly Block[]) => {
      for (const block of blocks) {
        if (block.kind === 'list') visitList(block);
        if (block.kind === 'table')
          for (const row of block.rows) for (const c of row.cells) visit(c.blocks);
      }
    };
    const visitList = (list: ListBlock) => {
      if (list.style === 'number') starts.add(list.start);
      for (const item of list.items) item.lists.forEach(visitList);
    };
    for (const section of doc.sections) visit(section.blocks);
    return starts;
  }
}

// ---------------------------------------------------------------------------------------------
// Cover page

function coverPage(doc: ExportDocument): FileChild[] {
  const { cover } = doc;
  const out: FileChild[] = [
    new Paragraph({ text: cover.programme, style: STYLE.coverProgramme }),
    new Paragraph({ text: cover.title, heading: HeadingLevel.TITLE }),
  ];
  const subtitle = coverSubtitle(cover);
  if (subtitle !== null) out.push(new Paragraph({ text: subtitle, style: STYLE.coverSubtitle }));
  out.push(
    new Paragraph({ text: cover.label, style: STYLE.coverLabel }),
    new Paragraph({ text: cover.date, spacing: { after: 720 } }),
  );
  const present = coverDetails(doc);
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
  out.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      layout: TableLayoutType.FIXED,
      columnWidths: splitWidth([30, 70]),
      borders: {
        top: none,
        bottom: none,
        left: none,
        right: none,
        insideHorizontal: none,
        insideVertical: none,
      },
      rows: present.map(
        ([label, value]) =>
          new TableRow({
            children: [
              new TableCell({
                width: { size: splitWidth([30, 70])[0]!, type: WidthType.DXA },
                children: [
                  new Paragraph({
                    style: STYLE.tableText,
                    children: [new TextRun({ text: label, bold: true, color: MUTED })],
                  }),
                ],
              }),
              new TableCell({
                width: { size: splitWidth([30, 70])[1]!, type: WidthType.DXA },
                children: [new Paragraph({ style: STYLE.tableText, children: textLines(value) })],
              }),
            ],
          }),
      ),
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sections

function renderSection(
  section: DocumentSection,
  first: boolean,
  context: RenderContext,
): FileChild[] {
  const out: FileChild[] = [
    // The first section starts after the contents page; the others follow on.
    new Paragraph({
      text: section.heading,
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: first,
    }),
  ];
  for (const line of sectionMeta(section))
    out.push(new Paragraph({ text: line, style: STYLE.meta, keepNext: true }));

  if (section.guidance.length > 0) {
    out.push(
      new Paragraph({
        style: STYLE.guidance,
        keepNext: true,
        children: [new TextRun({ text: GUIDANCE_TITLE, bold: true, italics: false })],
      }),
      ...section.guidance.map(
        (g) => new Paragraph({ text: g, style: STYLE.guidance, keepNext: true }),
      ),
      new Paragraph({ spacing: { after: 0 }, children: [] }),
    );
  }

  if (section.empty && !section.criteria) {
    out.push(new Paragraph({ text: NOT_YET_WRITTEN, style: STYLE.notWritten }));
    return out;
  }
  if (section.fields.length > 0) out.push(fieldsTable(section.fields), spacer());
  if (section.criteria) out.push(criteriaTable(section.criteria), spacer());
  out.push(...renderBlocks(section.blocks, context, null));
  if (section.coverage) out.push(coverageTable(section.coverage), spacer());
  return out;
}

function fieldsTable(fields: readonly FieldRow[]): Table {
  const widths = splitWidth([35, 65]);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    borders: tableBorders(),
    rows: fields.map(
      (field) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(widths[0]!, [new TextRun({ text: field.label, bold: true })], LABEL_FILL),
            cell(
              widths[1]!,
              field.value === null
                ? [new TextRun({ text: NOT_GIVEN, italics: true, color: MUTED })]
                : textLines(field.value),
            ),
          ],
        }),
    ),
  });
}

function criteriaTable(criteria: readonly CriterionRow[]): Table {
  const widths = splitWidth([5, 33, 16, 26, 20]);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: CRITERIA_COLUMNS.map((text, i) =>
      cell(widths[i]!, [new TextRun({ text, bold: true })], HEADER_FILL),
    ),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    borders: tableBorders(),
    rows: [
      header,
      ...criteria.map(
        (c) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(widths[0]!, [new TextRun(`${c.number}`)]),
              cell(widths[1]!, [new TextRun(c.text)]),
              cell(widths[2]!, [new TextRun({ text: c.label, bold: isAssessmentEmphasised(c) })]),
              linesCell(widths[3]!, shownInLines(c.shownIn)),
              cell(widths[4]!, c.note === null ? [] : textLines(c.note)),
            ],
          }),
      ),
    ],
  });
}

function coverageTable(coverage: CoverageTable): Table {
  const stageWidth = Math.floor(80 / Math.max(coverage.stages.length, 1));
  const widths = splitWidth([
    100 - stageWidth * coverage.stages.length,
    ...coverage.stages.map(() => stageWidth),
  ]);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [COVERAGE_CORNER, ...coverage.stages].map((text, i) =>
      cell(widths[i]!, [new TextRun({ text, bold: true })], HEADER_FILL),
    ),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    borders: tableBorders(),
    rows: [
      header,
      ...coverage.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(widths[0]!, [new TextRun({ text: row.domain, bold: true })], LABEL_FILL),
              ...row.cells.map((entries, i) =>
                // A gap is shaded as well as said, so it stands out on the page.
                linesCell(
                  widths[i + 1]!,
                  shownInLines(entries),
                  entries.length === 0 ? GAP_FILL : undefined,
                ),
              ),
            ],
          }),
      ),
    ],
  });
}

/** What shows a criterion or covers a cell, a paragraph each; "Nothing yet" when nothing does. */
function shownInLines(entries: readonly ShownIn[]): ParagraphChild[][] {
  if (entries.length === 0)
    return [[new TextRun({ text: NOTHING_YET, italics: true, color: MUTED })]];
  return entries.map((entry) => [new TextRun(shownInText(entry))]);
}

/** A table cell of several paragraphs. */
function linesCell(width: number, lines: readonly ParagraphChild[][], fill?: string): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children: lines.map((children) => new Paragraph({ style: STYLE.tableText, children })),
  });
}

function cell(width: number, children: ParagraphChild[], fill?: string): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.TOP,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children: [new Paragraph({ style: STYLE.tableText, children })],
  });
}

const CELL_MARGINS = { top: 40, bottom: 40, left: 100, right: 100 };

function tableBorders() {
  const line = { style: BorderStyle.SINGLE, size: 4, color: RULE } as const;
  return {
    top: line,
    bottom: line,
    left: line,
    right: line,
    insideHorizontal: line,
    insideVertical: line,
  };
}

/** Word runs a table straight into the next paragraph; a small gap reads as a careful layout. */
function spacer(): Paragraph {
  return new Paragraph({ spacing: { after: 0, line: 240 }, children: [] });
}

/** Column widths in twips from percentages, summing to at most the text width. */
function splitWidth(percentages: readonly number[]): number[] {
  return percentages.map((p) => Math.floor((TEXT_WIDTH * p) / 100));
}

// ---------------------------------------------------------------------------------------------
// Rich text

const HEADINGS = {
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

/** How text in a table cell differs from body text. */
interface CellText {
  style: string;
  bold: boolean;
}

function renderBlocks(
  blocks: readonly Block[],
  context: RenderContext,
  inCell: CellText | null,
): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  const base: IParagraphOptions = inCell ? { style: inCell.style } : {};
  const bold = inCell?.bold ?? false;
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(
          new Paragraph({ heading: HEADINGS[block.level], children: inlines(block.runs, {}) }),
        );
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            ...base,
            children: inlines(block.runs, { rtl: block.rtl === true, bold }),
            ...(block.align ? { alignment: ALIGN[block.align] } : {}),
            ...(block.rtl ? { bidirectional: true } : {}),
          }),
        );
        break;
      case 'quote':
        out.push(new Paragraph({ style: STYLE.quote, children: inlines(block.runs, { bold }) }));
        break;
      case 'list':
        renderList(out, block, 0, context, inCell);
        break;
      case 'table':
        out.push(renderTable(block, context));
        // A table straight after a table would merge with it in Word; a paragraph keeps them apart.
        if (!inCell) out.push(spacer());
        break;
      case 'image':
        out.push(...renderImage(block, context, inCell !== null));
        break;
    }
  }
  return out;
}

/** Twips in a CSS pixel (docx sizes pictures in pixels at 96 per inch). */
const TWIPS_PER_PX = 15;
/** The appendix's pictures: about 5 cm wide. */
const THUMBNAIL_PX = 189;

/** A picture scaled to fit `maxWidth` pixels, never drawn larger than it is. */
function pictureRun(
  picture: ExportPicture,
  maxWidth: number,
  altText: { name: string; description: string; title: string },
): ImageRun {
  const width = Math.max(1, Math.min(maxWidth, picture.width));
  const height = Math.max(1, Math.round((picture.height * width) / picture.width));
  return new ImageRun({
    type: picture.type,
    data: picture.bytes,
    transformation: { width, height },
    altText,
  });
}

function renderImage(block: ImageBlock, context: RenderContext, inCell: boolean): Paragraph[] {
  const picture = context.pictures.get(block.evidenceId);
  if (!picture) return [];
  // The text's width (a cell's is less: the picture is kept to a third of the page there).
  const textWidth = Math.floor(TEXT_WIDTH / TWIPS_PER_PX / (inCell ? 3 : 1));
  const image = new Paragraph({
    keepNext: block.caption !== '',
    children: [
      pictureRun(picture, Math.min(block.width ?? textWidth, textWidth), {
        name: block.caption || block.altText || 'Image',
        description: block.altText,
        title: block.caption,
      }),
    ],
  });
  return block.caption
    ? [image, new Paragraph({ text: block.caption, style: STYLE.meta })]
    : [image];
}

/** Every evidence item: its number and name, the picture of an image, its caption, date, tags. */
function evidenceAppendix(entries: readonly EvidenceEntry[], context: RenderContext): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({
      text: EVIDENCE_APPENDIX_TITLE,
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
    }),
  ];
  for (const entry of entries) {
    out.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 240, after: 80 },
        children: [
          new TextRun({ text: `${entry.number}. ${entry.fileName}`, bold: true }),
          new TextRun({ text: ` (${entry.kind})`, color: MUTED }),
        ],
      }),
    );
    const picture = entry.picture ? context.pictures.get(entry.id) : undefined;
    if (picture) {
      out.push(
        new Paragraph({
          keepNext: true,
          children: [
            pictureRun(picture, THUMBNAIL_PX, {
              name: entry.fileName,
              description: entry.caption || entry.fileName,
              title: entry.caption,
            }),
          ],
        }),
      );
    }
    const lines = [
      entry.caption,
      entry.date ? `Date: ${entry.date}` : '',
      entry.tags.length > 0 ? `Tags: ${entry.tags.join(', ')}` : '',
    ].filter((line) => line !== '');
    for (const line of lines) out.push(new Paragraph({ text: line, style: STYLE.meta }));
  }
  return out;
}

const ALIGN = {
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

function renderList(
  out: Array<Paragraph | Table>,
  list: ListBlock,
  level: number,
  context: RenderContext,
  inCell: CellText | null,
): void {
  const instance = list.style === 'number' ? context.listInstance() : undefined;
  for (const item of list.items) {
    if (item.runs.length > 0 || item.lists.length === 0) {
      const reference =
        list.style === 'number'
          ? LIST.numbered(list.start)
          : list.style === 'check'
            ? item.checked
              ? LIST.checkDone
              : LIST.checkOpen
            : LIST.bullet;
      out.push(
        new Paragraph({
          ...(inCell ? { style: inCell.style } : {}),
          numbering: { reference, level: Math.min(level, 8), ...(instance ? { instance } : {}) },
          children: inlines(item.runs, { bold: inCell?.bold ?? false }),
        }),
      );
    }
    for (const nested of item.lists) renderList(out, nested, level + 1, context, inCell);
  }
}

function renderTable(table: TableBlock, context: RenderContext): Table {
  // Equal columns across the page, fixed layout: however many columns, the table fits the text
  // width and Word doesn't widen a column to fit a long word. Small type in wide tables.
  const column = Math.floor(TEXT_WIDTH / table.columns);
  const style = isWideTable(table) ? STYLE.tableTextSmall : STYLE.tableText;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    columnWidths: Array.from({ length: table.columns }, () => column),
    borders: tableBorders(),
    rows: table.rows.map(
      (row) =>
        new TableRow({
          tableHeader: row.header,
          children: row.cells.map((c) => {
            const blocks = renderBlocks(c.blocks, context, { style, bold: c.header });
            // A cell must hold a paragraph, even an empty one.
            const children = blocks.length > 0 ? blocks : [new Paragraph({ style, children: [] })];
            return new TableCell({
              width: { size: column * c.colSpan, type: WidthType.DXA },
              margins: CELL_MARGINS,
              ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
              ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
              ...(c.header
                ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } }
                : {}),
              children,
            });
          }),
        }),
    ),
  });
}

interface RunContext {
  /** Right-to-left text (the paragraph is). */
  rtl?: boolean;
  /** Every run bold (a header cell). */
  bold?: boolean;
}

function inlines(runs: readonly Inline[], how: RunContext): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of runs) {
    if (run.kind === 'link') {
      out.push(
        new ExternalHyperlink({
          link: run.href,
          children: run.runs.map((r) => textRun(r, how, 'Hyperlink')),
        }),
      );
    } else {
      out.push(textRun(run, how));
    }
  }
  return out;
}

function textRun(run: LinkContent, how: RunContext, style?: string): TextRun {
  const common: IRunOptions = {
    ...(style ? { style } : {}),
    ...(how.rtl ? { rightToLeft: true } : {}),
  };
  if (run.kind === 'break') return new TextRun({ ...common, break: 1 });
  if (run.kind === 'tab') return new TextRun({ ...common, children: [new DocxTab()] });
  return new TextRun({
    ...common,
    text: run.text,
    ...(run.bold || how.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.underline ? { underline: {} } : {}),
    ...(run.strikethrough ? { strike: true } : {}),
    ...(run.subscript ? { subScript: true } : {}),
    ...(run.superscript ? { superScript: true } : {}),
    ...(run.code ? { font: CODE_FONT } : {}),
  });
}

/** Plain text that may hold line breaks (a field's value). */
function textLines(text: string): TextRun[] {
  return text
    .split('\n')
    .map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) }));
}
