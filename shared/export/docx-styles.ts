/**
 * The Word styles and list definitions of the exported DOCX: the look a careful person would
 * set up in Word (Calibri 11 pt, 1.15 lines, real heading and list styles), in one place so the
 * renderer only names styles.
 */
import { AlignmentType, BorderStyle, LevelFormat, ShadingType } from 'docx';
import type { ILevelsOptions, IStylesOptions, NumberingDefinition } from 'docx';
import { CHECK_BOXES } from './presentation';

/** A4 with 2.54 cm margins, as Word sets up a new UK document (twips). */
export const PAGE = { width: 11906, height: 16838, margin: 1440 } as const;
/** The width text and tables may take. */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const FONT = 'Calibri';
export const CODE_FONT = 'Consolas';
const SYMBOL_FONT = 'Segoe UI Symbol';
export const ACCENT = '1F4E79';
export const MUTED = '595959';
export const RULE = 'A6A6A6';
export const HEADER_FILL = 'DCE6F2';
export const LABEL_FILL = 'F2F2F2';
/** A cell of the Coverage table that nothing covers. */
export const GAP_FILL = 'FBE4D5';

/** Paragraph style ids defined here (besides Word's built-in headings, Title and TOC1–9). */
export const STYLE = {
  quote: 'Quote',
  guidance: 'Guidance',
  meta: 'SectionMeta',
  notWritten: 'NotWritten',
  tableText: 'TableText',
  tableTextSmall: 'TableTextSmall',
  tocHeading: 'TOCHeading',
  header: 'Header',
  footer: 'Footer',
  coverProgramme: 'CoverProgramme',
  coverSubtitle: 'Subtitle',
  coverLabel: 'CoverLabel',
} as const;

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 22, language: { value: 'en-GB' } },
      paragraph: { spacing: { line: 276, after: 160 } },
    },
    title: {
      run: { font: FONT, size: 52, color: ACCENT },
      paragraph: { spacing: { after: 240 } },
    },
    // outlineLevel is what Word's navigation pane and the TOC field's \o switch read.
    heading1: {
      run: { font: FONT, size: 32, bold: true, color: ACCENT },
      paragraph: {
        spacing: { before: 480, after: 160 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
      },
    },
    heading2: {
      run: { font: FONT, size: 26, bold: true, color: ACCENT },
      paragraph: {
        spacing: { before: 280, after: 100 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 1,
      },
    },
    heading3: {
      run: { font: FONT, size: 24, bold: true, color: '2E5C8A' },
      paragraph: {
        spacing: { before: 240, after: 80 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 2,
      },
    },
    heading4: {
      run: { font: FONT, size: 22, bold: true, italics: true, color: '2E5C8A' },
      paragraph: {
        spacing: { before: 200, after: 60 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 3,
      },
    },
    // Word's own list look: no gap between items (contextual spacing), a normal gap after the list.
    listParagraph: {
      paragraph: { spacing: { after: 160 }, contextualSpacing: true },
    },
    hyperlink: {
      run: { color: '0563C1', underline: {} },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: '404040' },
      paragraph: {
        indent: { left: 567, right: 567 },
        border: { left: { style: BorderStyle.SINGLE, size: 18, color: RULE, space: 8 } },
      },
    },
    {
      id: STYLE.guidance,
      name: 'Guidance',
      basedOn: 'Normal',
      next: 'Normal',
      run: { italics: true, color: MUTED, size: 20 },
      paragraph: {
        spacing: { after: 80 },
        indent: { left: 142 },
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: LABEL_FILL },
        border: { left: { style: BorderStyle.SINGLE, size: 12, color: RULE, space: 6 } },
      },
    },
    {
      id: STYLE.meta,
      name: 'Section Details',
      basedOn: 'Normal',
      next: 'Normal',
      run: { color: MUTED, size: 20 },
      paragraph: { spacing: { after: 80 } },
    },
    {
      id: STYLE.notWritten,
      name: 'Not Written',
      basedOn: 'Normal',
      next: 'Normal',
      run: { italics: true, color: '7F7F7F' },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      next: STYLE.tableText,
      run: { size: 20 },
      paragraph: { spacing: { before: 20, after: 40, line: 252 } },
    },
    {
      // Wide tables (six columns and more) in 9 pt, so a column still holds a few words a line.
      id: STYLE.tableTextSmall,
      name: 'Table Text Small',
      basedOn: STYLE.tableText,
      next: STYLE.tableTextSmall,
      run: { size: 18 },
    },
    {
      // Not based on Heading 1, so it stays out of the outline and of the TOC it introduces.
      id: STYLE.tocHeading,
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 32, bold: true, color: ACCENT },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: STYLE.header,
      name: 'Header',
      basedOn: 'Normal',
      run: { size: 18, color: MUTED },
      paragraph: {
        alignment: AlignmentType.RIGHT,
        spacing: { after: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
      },
    },
    {
      id: STYLE.footer,
      name: 'Footer',
      basedOn: 'Normal',
      run: { size: 18, color: MUTED },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
    },
    {
      id: STYLE.coverProgramme,
      name: 'Cover Programme',
      basedOn: 'Normal',
      next: 'Title',
      run: { size: 28, color: ACCENT },
      paragraph: { spacing: { before: 2400, after: 360 } },
    },
    {
      id: STYLE.coverSubtitle,
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 28, color: '404040' },
      paragraph: { spacing: { after: 480 } },
    },
    {
      id: STYLE.coverLabel,
      name: 'Cover Label',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 36, bold: true, color: ACCENT },
      paragraph: { spacing: { after: 120 } },
    },
  ],
};

/** Numbering references: bullets share one definition; numbered lists get one per first number. */
export const LIST = {
  bullet: 'bullet',
  checkOpen: 'check-open',
  checkDone: 'check-done',
  numbered: (start: number) => `numbered-${start}`,
} as const;

const LEVELS = 9;

function indent(level: number) {
  // 0.63 cm steps with a 0.63 cm hanging indent, Word's own list geometry.
  return { paragraph: { indent: { left: 357 * (level + 1) + 6, hanging: 357 } } };
}

function bulletLevels(glyphs: readonly string[], font?: string): ILevelsOptions[] {
  return Array.from({ length: LEVELS }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: glyphs[level % glyphs.length]!,
    alignment: AlignmentType.LEFT,
    style: { ...indent(level), ...(font ? { run: { font } } : {}) },
  }));
}

const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

/** The list definitions the document uses: bullets, check boxes, and numbers from each start. */
export function numberingConfig(starts: Iterable<number>): NumberingDefinition[] {
  const config: NumberingDefinition[] = [
    { reference: LIST.bullet, levels: bulletLevels(['•', '◦', '▪']) },
    { reference: LIST.checkOpen, levels: bulletLevels([CHECK_BOXES.open], SYMBOL_FONT) },
    { reference: LIST.checkDone, levels: bulletLevels([CHECK_BOXES.done], SYMBOL_FONT) },
  ];
  for (const start of new Set([1, ...starts])) {
    config.push({
      reference: LIST.numbered(start),
      levels: Array.from({ length: LEVELS }, (_, level) => ({
        level,
        format: NUMBER_FORMATS[level % NUMBER_FORMATS.length]!,
        text: `%${level + 1}.`,
        alignment: AlignmentType.LEFT,
        // Every level starts at the list's start: a nested numbered list is a list of its own.
        start,
        style: indent(level),
      })),
    });
  }
  return config;
}
