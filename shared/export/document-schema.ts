/**
 * The export document as it crosses a boundary: handed to the print view over IPC (the desktop)
 * or through the browser's storage (the web build). Whoever receives one checks it here before
 * rendering it, so a document from another version of the app (a print tab reloaded after an
 * update) or from a page that is not the app's own is refused with a sentence instead of
 * half-rendered. The schemas are checked against the types in document-model.ts and blocks.ts,
 * so neither can change without the other.
 */
import { z } from 'zod';
import { isAllowedLinkUrl } from '../link-url';
import { RECORD_ID_PATTERN } from '../model';
import type {
  Block,
  HeadingBlock,
  ImageBlock,
  Inline,
  LinkContent,
  ListBlock,
  ListItem,
  ParagraphBlock,
  QuoteBlock,
  TableBlock,
  TableCell,
  TableRow,
  TextRun,
} from './blocks';
import type {
  ContentsEntry,
  CoverageTable,
  CoverPage,
  CriterionRow,
  EvidenceEntry,
  DocumentSection,
  ExportDocument,
  ExportOptions,
  ExportWarning,
  FieldRow,
  ShownIn,
} from './document-model';
import type { PrintJob } from './print-job';

const flag = z.boolean().optional();
const recordId = z.string().regex(RECORD_ID_PATTERN, 'a record id');

const textRunSchema = z.strictObject({
  kind: z.literal('text'),
  text: z.string(),
  bold: flag,
  italic: flag,
  underline: flag,
  strikethrough: flag,
  code: flag,
  subscript: flag,
  superscript: flag,
}) satisfies z.ZodType<TextRun>;

const linkContentSchema = z.discriminatedUnion('kind', [
  textRunSchema,
  z.strictObject({ kind: z.literal('break') }),
  z.strictObject({ kind: z.literal('tab') }),
]) satisfies z.ZodType<LinkContent>;

const inlineSchema = z.union([
  linkContentSchema,
  z.strictObject({
    kind: z.literal('link'),
    // The builder keeps only https: and mailto: links; nothing else is printed as a link.
    href: z.string().refine(isAllowedLinkUrl, 'a link is https: or mailto:'),
    runs: z.array(linkContentSchema),
  }),
]) satisfies z.ZodType<Inline>;

const runs = z.array(inlineSchema);

const headingSchema = z.strictObject({
  kind: z.literal('heading'),
  level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
  runs,
}) satisfies z.ZodType<HeadingBlock>;

const paragraphSchema = z.strictObject({
  kind: z.literal('paragraph'),
  runs,
  align: z.enum(['center', 'right', 'justify']).optional(),
  rtl: flag,
}) satisfies z.ZodType<ParagraphBlock>;

const quoteSchema = z.strictObject({
  kind: z.literal('quote'),
  runs,
}) satisfies z.ZodType<QuoteBlock>;

const count = z.number().int().min(0);

// Lists and tables hold blocks (and lists) of their own.
const listSchema: z.ZodType<ListBlock> = z.lazy(() =>
  z.strictObject({
    kind: z.literal('list'),
    style: z.enum(['bullet', 'number', 'check']),
    start: count,
    items: z.array(listItemSchema),
  }),
);

const listItemSchema: z.ZodType<ListItem> = z.lazy(() =>
  z.strictObject({ runs, checked: flag, lists: z.array(listSchema) }),
);

const tableCellSchema: z.ZodType<TableCell> = z.lazy(() =>
  z.strictObject({
    header: z.boolean(),
    colSpan: count.min(1),
    rowSpan: count.min(1),
    blocks: z.array(blockSchema),
  }),
);

const tableRowSchema = z.strictObject({
  header: z.boolean(),
  cells: z.array(tableCellSchema),
}) satisfies z.ZodType<TableRow>;

const tableSchema = z.strictObject({
  kind: z.literal('table'),
  columns: count.min(1),
  rows: z.array(tableRowSchema),
}) satisfies z.ZodType<TableBlock>;

const imageSchema = z.strictObject({
  kind: z.literal('image'),
  evidenceId: recordId,
  altText: z.string(),
  caption: z.string(),
  width: count.min(1).nullable(),
}) satisfies z.ZodType<ImageBlock>;

const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.union([headingSchema, paragraphSchema, quoteSchema, listSchema, tableSchema, imageSchema]),
);

const text = z.string();
const optionalText = z.string().nullable();

const coverSchema = z.strictObject({
  title: text,
  templateName: text,
  programme: text,
  participant: optionalText,
  school: optionalText,
  mathsHub: optionalText,
  cohortLead: optionalText,
  cohort: optionalText,
  label: text,
  isSubmission: z.boolean(),
  date: text,
  isoDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
}) satisfies z.ZodType<CoverPage>;

const fieldRowSchema = z.strictObject({
  label: text,
  value: optionalText,
}) satisfies z.ZodType<FieldRow>;

const shownInSchema = z.strictObject({
  kind: z.enum(['section', 'evidence']),
  text,
}) satisfies z.ZodType<ShownIn>;

const criterionRowSchema = z.strictObject({
  number: count.min(1),
  text,
  assessment: z.enum(['not-yet', 'partly', 'met']).nullable(),
  label: text,
  shownIn: z.array(shownInSchema),
  note: optionalText,
}) satisfies z.ZodType<CriterionRow>;

const coverageSchema = z.strictObject({
  stages: z.array(text),
  rows: z.array(z.strictObject({ domain: text, cells: z.array(z.array(shownInSchema)) })),
}) satisfies z.ZodType<CoverageTable>;

const sectionSchema = z.strictObject({
  id: text,
  number: count.min(1),
  title: text,
  heading: text,
  guidance: z.array(text),
  fields: z.array(fieldRowSchema),
  domains: z.array(text).nullable(),
  criteria: z.array(criterionRowSchema).nullable(),
  coverage: coverageSchema.nullable(),
  blocks: z.array(blockSchema),
  empty: z.boolean(),
  words: z.strictObject({ count, label: text }).nullable(),
}) satisfies z.ZodType<DocumentSection>;

const contentsEntrySchema = z.strictObject({
  level: z.union([z.literal(1), z.literal(2)]),
  text,
  sectionId: text,
}) satisfies z.ZodType<ContentsEntry>;

const warningSchema = z.strictObject({
  sectionId: optionalText,
  message: text,
}) satisfies z.ZodType<ExportWarning>;

const optionsSchema = z.strictObject({
  includeGuidance: z.boolean(),
  includeWordCounts: z.boolean(),
  omitEmptySections: z.boolean(),
  includeCoverage: z.boolean().optional(),
  includeFeedbackResponses: z.boolean().optional(),
}) satisfies z.ZodType<ExportOptions>;

const evidenceEntrySchema = z.strictObject({
  id: recordId,
  number: count.min(1),
  fileName: text,
  kind: text,
  caption: text,
  date: optionalText,
  tags: z.array(text),
  picture: z.strictObject({ width: count.min(1), height: count.min(1) }).nullable(),
}) satisfies z.ZodType<EvidenceEntry>;

/** A whole export document, exactly as buildDocument makes one. */
export const exportDocumentSchema = z.strictObject({
  cover: coverSchema,
  runningHeader: text,
  contents: z.array(contentsEntrySchema),
  sections: z.array(sectionSchema),
  totalWords: count,
  options: optionsSchema,
  properties: z.strictObject({
    title: text,
    author: text,
    subject: text,
    draftId: recordId,
    submissionId: recordId.nullable(),
  }),
  evidence: z.array(evidenceEntrySchema),
  warnings: z.array(warningSchema),
}) satisfies z.ZodType<ExportDocument>;

/** A print job as handed to the print view (print-job.ts). */
export const printJobSchema = z.strictObject({
  draftId: recordId,
  document: exportDocumentSchema,
  fileName: z.string().trim().min(1).max(255),
}) satisfies z.ZodType<PrintJob>;
