/**
 * Zod schemas for everything that comes out of a backup file. A backup is hostile input until
 * proven otherwise (hand-edited, half-copied, made by another version), so every record is
 * checked field by field before the importer sees it. The shapes are those of shared/model.ts;
 * the compile-time checks at the bottom fail the build if the two drift apart.
 *
 * Objects are strict: an unknown key is refused rather than dropped, because dropping a field a
 * newer writer added would lose data silently. Any change to what a backup holds bumps
 * FORMAT_VERSION instead (see migrations.ts).
 */
import { z } from 'zod';
import {
  MAX_AUTHOR_CHARS,
  MAX_CAPTION_CHARS,
  MAX_EDITOR_STATE_CHARS,
  MAX_EVIDENCE_FILE_BYTES,
  MAX_EVIDENCE_ITEMS,
  MAX_EVIDENCE_TAGS,
  MAX_FEEDBACK_ITEMS,
  MAX_FEEDBACK_REPLIES,
  MAX_FEEDBACK_TEXT_CHARS,
  MAX_FILE_NAME_CHARS,
  MAX_FIELD_CHARS,
  MAX_KEYS_PER_SECTION,
  MAX_LABEL_CHARS,
  MAX_SECTIONS,
  MAX_SECTION_TEXT_CHARS,
  MAX_SNAPSHOTS,
  MAX_TITLE_CHARS,
  editorStateLimitProblem,
} from '../content-limits';
import { EVIDENCE_MIME_TYPES, MAX_RECORD_ID_LENGTH, RECORD_ID_PATTERN } from '../model';
import type {
  CriterionAssessment,
  CriterionDetail,
  DraftRecord,
  EvidenceItem,
  FeedbackItem,
  FieldValue,
  SectionRecord,
} from '../model';

/**
 * Ids of records (drafts, snapshots). Draft ids name a folder in the zip, so they are restricted
 * to characters that are safe in a path on every system (the same rule IPC checks, see
 * RECORD_ID_PATTERN); crypto.randomUUID() ids fit.
 */
export const recordIdSchema = z
  .string()
  .regex(
    RECORD_ID_PATTERN,
    `an id is letters, digits, "-" and "_", at most ${MAX_RECORD_ID_LENGTH} of them`,
  );

/**
 * Ids that come from a template (sections, fields, criteria, domains): the template schema's rule.
 * Using it for record keys also keeps names such as `__proto__` out of parsed objects.
 */
export const templateIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,127}$/, 'an id is lower-case letters, digits and hyphens');

/** A time in ms since the epoch, as Date.now() gives it. */
const timestampSchema = z.number().int().nonnegative();

const countSchema = z.number().int().nonnegative();

export const fieldValueSchema = z.union([z.string().max(MAX_FIELD_CHARS), z.number(), z.null()]);

export const criterionAssessmentSchema = z.enum(['not-yet', 'partly', 'met']);

/** Where a criterion is shown and the participant's note on it (shared/model.ts). */
export const criterionDetailSchema = z.strictObject({
  sections: z.array(templateIdSchema).max(MAX_KEYS_PER_SECTION),
  note: z.string().max(MAX_FIELD_CHARS),
});

/** True when the text is JSON whose top level is an object with a `root` object (Lexical). */
export function isLexicalStateJson(text: string): boolean {
  return parseLexicalState(text) !== undefined;
}

function parseLexicalState(text: string): { root: object } | undefined {
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
    const root = (data as { root?: unknown }).root;
    return typeof root === 'object' && root !== null && !Array.isArray(root)
      ? (data as { root: object })
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Lexical's serialized editor state: a string, itself JSON with a `root` object, within the
 * content limits (depth, tables, size: shared/content-limits.ts); or null.
 */
export const editorStateSchema = z
  .string()
  .max(MAX_EDITOR_STATE_CHARS)
  .superRefine((text, ctx) => {
    const state = parseLexicalState(text);
    if (state === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'the editor state is not Lexical JSON with a root object',
      });
      return;
    }
    const problem = editorStateLimitProblem(state);
    if (problem) ctx.addIssue({ code: 'custom', message: `the section holds ${problem}` });
  })
  .nullable();

/**
 * A record keyed by template ids. Zod's record drops a `__proto__` key silently (JSON.parse makes
 * it an own property); a backup holding one is crafted, so it is refused instead of trimmed.
 */
function idRecord<T extends z.ZodType>(value: T) {
  return z
    .unknown()
    .refine(
      (raw) => typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, '__proto__'),
      'a key named __proto__',
    )
    .refine(
      (raw) =>
        typeof raw !== 'object' || raw === null || Object.keys(raw).length <= MAX_KEYS_PER_SECTION,
      `more than ${MAX_KEYS_PER_SECTION} entries`,
    )
    .pipe(z.record(templateIdSchema, value));
}

export const draftRecordSchema = z.strictObject({
  id: recordIdSchema,
  title: z.string().max(MAX_TITLE_CHARS),
  templateId: templateIdSchema,
  templateVersion: z.number().int().positive(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
  lastSectionId: templateIdSchema.nullable(),
});

export const sectionRecordSchema = z.strictObject({
  draftId: recordIdSchema,
  sectionId: templateIdSchema,
  editorState: editorStateSchema,
  text: z.string().max(MAX_SECTION_TEXT_CHARS),
  wordCount: countSchema,
  fields: idRecord(fieldValueSchema),
  domains: z.array(templateIdSchema).max(MAX_KEYS_PER_SECTION),
  criteria: idRecord(criterionAssessmentSchema),
  /** Format 2 (unreleased before it had this): absent in sections that have none. */
  criteriaDetail: idRecord(criterionDetailSchema).optional(),
  updatedAt: timestampSchema,
});

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lower-case hex digits');

/** Stage, domain or criterion ids an evidence item is tagged with. */
const tagsSchema = z.array(templateIdSchema).max(MAX_EVIDENCE_TAGS);

/**
 * One evidence item (shared/model.ts, EvidenceItem). Its bytes are a file of the same draft in
 * the backup, found by `sha256`; the reader checks that file exists, has this size and is of
 * this type (consistency.ts).
 */
export const evidenceItemSchema = z.strictObject({
  id: recordIdSchema,
  draftId: recordIdSchema,
  fileName: z
    .string()
    .min(1)
    .max(MAX_FILE_NAME_CHARS)
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'a control character in a file name'),
  mimeType: z.enum(EVIDENCE_MIME_TYPES),
  size: z.number().int().positive().max(MAX_EVIDENCE_FILE_BYTES),
  sha256: sha256Schema,
  caption: z.string().max(MAX_CAPTION_CHARS),
  date: z.union([z.iso.date(), z.literal('')]),
  stages: tagsSchema,
  domains: tagsSchema,
  criteria: tagsSchema,
  createdAt: timestampSchema,
});

/** A draft's evidence list, or a version's. */
export const evidenceListSchema = z.array(evidenceItemSchema).max(MAX_EVIDENCE_ITEMS);

const feedbackTextSchema = z.string().max(MAX_FEEDBACK_TEXT_CHARS);
const authorSchema = z.string().max(MAX_AUTHOR_CHARS);
/** As the Word file records it (ISO 8601, which Word writes to the second) or a typed day. */
const feedbackDateSchema = z
  .union([z.iso.datetime({ offset: true, local: true }), z.iso.date()])
  .nullable();

/**
 * One piece of Cohort Lead feedback (shared/model.ts, FeedbackItem). Its submission and section
 * are ids only: a submission may have been deleted from History, a section dropped by a newer
 * template, and the feedback is kept either way.
 */
export const feedbackItemSchema = z.strictObject({
  id: recordIdSchema,
  draftId: recordIdSchema,
  submissionId: recordIdSchema.nullable(),
  sectionId: templateIdSchema.nullable(),
  source: z.enum(['imported', 'typed']),
  key: z.union([sha256Schema, z.literal('')]),
  author: authorSchema,
  initials: authorSchema,
  date: feedbackDateSchema,
  text: feedbackTextSchema,
  anchorText: feedbackTextSchema,
  resolved: z.boolean(),
  replies: z
    .array(
      z.strictObject({
        key: z.union([sha256Schema, z.literal('')]),
        author: authorSchema,
        initials: authorSchema,
        date: feedbackDateSchema,
        text: feedbackTextSchema,
      }),
    )
    .max(MAX_FEEDBACK_REPLIES),
  addressed: z.boolean(),
  response: feedbackTextSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

/** A draft's feedback. */
export const feedbackListSchema = z.array(feedbackItemSchema).max(MAX_FEEDBACK_ITEMS);

/** Why a snapshot was taken (shared/model.ts, SnapshotKind). */
export const snapshotKindSchema = z.enum(['auto', 'manual', 'submission', 'before-restore']);

/** How a submission was sent, so it can be exported again exactly. */
export const submissionInfoSchema = z.strictObject({
  format: z.enum(['docx', 'pdf']),
  fileName: z.string().min(1).max(255),
});

/**
 * A frozen copy of a whole draft (history and submissions share one store). Mirrors
 * SnapshotRecord in shared/model.ts; tests check the two agree.
 */
export const snapshotRecordSchema = z.strictObject({
  id: recordIdSchema,
  draftId: recordIdSchema,
  createdAt: timestampSchema,
  kind: snapshotKindSchema,
  label: z.string().max(MAX_LABEL_CHARS),
  wordCount: countSchema,
  draft: draftRecordSchema,
  sections: z.array(sectionRecordSchema).max(MAX_SECTIONS),
  submission: submissionInfoSchema.optional(),
  /** The evidence as it was (format 2); absent in versions taken before evidence existed. */
  evidence: evidenceListSchema.optional(),
});

export type BackupSnapshotRecord = z.infer<typeof snapshotRecordSchema>;

/**
 * `drafts/<draftId>/draft.json`: one draft with everything that belongs to it. Attached files
 * are separate entries (`drafts/<draftId>/files/<name>`), listed in the manifest; evidence items
 * (format 2) point at them by SHA-256.
 */
export const draftFileSchema = z.strictObject({
  draft: draftRecordSchema,
  sections: z.array(sectionRecordSchema).max(MAX_SECTIONS),
  snapshots: z.array(snapshotRecordSchema).max(MAX_SNAPSHOTS),
  /** The draft's evidence items (format 2; a format 1 draft.json has none). */
  evidence: evidenceListSchema.optional(),
  /** The Cohort Lead's feedback and the responses to it (format 2; absent when there is none). */
  feedback: feedbackListSchema.optional(),
});

export type DraftFile = z.infer<typeof draftFileSchema>;

/** One entry of the zip other than manifest.json. */
export const manifestEntrySchema = z.strictObject({
  /** The entry's name in the zip, e.g. `drafts/<draftId>/draft.json`. */
  path: z.string().min(1),
  /** Its uncompressed size in bytes. */
  size: countSchema,
  /** SHA-256 of its uncompressed bytes, lower-case hex. */
  sha256: sha256Schema,
});

/**
 * The part of a manifest every format version keeps, so any version can tell "not a backup",
 * "newer than me" and "damaged" apart before it knows anything else about the file.
 */
export const manifestEnvelopeSchema = z.object({
  format: z.literal('aedx'),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().optional(),
  entries: z.array(manifestEntrySchema),
});

/** manifest.json of the current format version (2; format 1's is the same). */
export const manifestSchema = z.strictObject({
  /** Always `aedx`: what kind of file this is. */
  format: z.literal('aedx'),
  /**
   * The backup format's version the file was written in, an integer; readers refuse a version
   * newer than theirs and upgrade an older one's content (migrations.ts), which keeps its number.
   */
  formatVersion: z.literal([1, 2]),
  /** The AED Writer version that wrote the file (package.json `version`). */
  appVersion: z.string().min(1).max(64),
  /** When the backup was made, ISO 8601 in UTC. */
  createdAt: z.iso.datetime(),
  /** The ids of the drafts the backup holds, in order; one for `Back up`, all for the menu item. */
  drafts: z.array(recordIdSchema).min(1),
  /** Every entry of the zip except manifest.json, with its size and SHA-256. */
  entries: z.array(manifestEntrySchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

// Compile-time proof that the schemas and shared/model.ts describe the same records. If this
// fails, update the schema (and FORMAT_VERSION with a migration if stored content changes).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShapes: [
  Same<z.infer<typeof draftRecordSchema>, DraftRecord>,
  Same<z.infer<typeof sectionRecordSchema>, SectionRecord>,
  Same<z.infer<typeof fieldValueSchema>, FieldValue>,
  Same<z.infer<typeof criterionAssessmentSchema>, CriterionAssessment>,
  Same<z.infer<typeof criterionDetailSchema>, CriterionDetail>,
  Same<z.infer<typeof evidenceItemSchema>, EvidenceItem>,
  Same<z.infer<typeof feedbackItemSchema>, FeedbackItem>,
] = [true, true, true, true, true, true, true];
void sameShapes;
