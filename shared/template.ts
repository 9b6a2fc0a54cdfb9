/**
 * The template contract: a document's structure is data (resources/templates/*.json), validated
 * here, so a hub that uses other headings changes JSON, not code.
 */
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens');

/** A target the participant aims for, or a limit they must stay under (words). */
export const wordGuideSchema = z
  .object({
    target: z.number().int().positive().optional(),
    limit: z.number().int().positive().optional(),
  })
  .refine(
    (g) => g.target !== undefined || g.limit !== undefined,
    'a word guide needs a target or a limit',
  )
  .refine(
    (g) => g.target === undefined || g.limit === undefined || g.target <= g.limit,
    'a word guide target cannot exceed its limit',
  );

/** What a field's value means on the exported cover page, if anything. */
export const coverRoleSchema = z.enum([
  'participant',
  'maths-hub',
  'cohort',
  'cohort-lead',
  'school',
]);

export const fieldSchema = z.discriminatedUnion('type', [
  z.object({
    id,
    type: z.literal('text'),
    label: z.string().min(1),
    hint: z.string().optional(),
    cover: coverRoleSchema.optional(),
  }),
  z.object({
    id,
    type: z.literal('choice'),
    label: z.string().min(1),
    hint: z.string().optional(),
    options: z.array(z.string().min(1)).min(1),
    cover: coverRoleSchema.optional(),
  }),
  z.object({
    id,
    type: z.literal('number'),
    label: z.string().min(1),
    hint: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    cover: coverRoleSchema.optional(),
  }),
]);

export const sectionSchema = z.object({
  id,
  title: z.string().min(1),
  /** The implementation stage this section records, if it is one of them. */
  stage: id.optional(),
  /** Paragraphs of guidance shown (collapsible) above the section. */
  guidance: z.array(z.string().min(1)).default([]),
  fields: z.array(fieldSchema).default([]),
  /** Whether the section has a rich-text part, and its word guide. */
  richText: z
    .object({ wordGuide: wordGuideSchema.optional(), placeholder: z.string().optional() })
    .optional(),
  /** Whether the participant tags the section with the domains it addresses. */
  domainTags: z.boolean().default(false),
  /** A checklist of the template's criteria, self-assessed, instead of free text. */
  criteriaChecklist: z.boolean().default(false),
  /** Whether the section shows the draft's evidence list (files with captions and tags). */
  evidenceList: z.boolean().default(false),
  /**
   * Whether the section shows all of the Cohort Lead's feedback (where it is imported, typed in
   * and answered); each section also shows its own.
   */
  feedbackList: z.boolean().default(false),
  /** Whether a submission is incomplete without it: the readiness check lists it while empty. */
  required: z.boolean().default(false),
});

export const templateSchema = z
  .object({
    id,
    version: z.number().int().positive(),
    name: z.string().min(1),
    /** The programme the document is for, printed on the exported cover page. */
    programme: z.string().min(1),
    stages: z.array(z.object({ id, label: z.string().min(1), question: z.string().min(1) })),
    domains: z.array(z.object({ id, label: z.string().min(1) })),
    criteria: z.array(z.object({ id, text: z.string().min(1) })).default([]),
    /** Labels a submission can carry; the last is the final one. */
    submissionLabels: z.array(z.string().min(1)).min(1),
    sections: z.array(sectionSchema).min(1),
  })
  .superRefine((t, ctx) => {
    const unique = (ids: string[], path: (string | number)[], what: string) => {
      const seen = new Set<string>();
      ids.forEach((value, i) => {
        if (seen.has(value)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, i, 'id'],
            message: `duplicate ${what} id "${value}"`,
          });
        }
        seen.add(value);
      });
    };
    unique(
      t.sections.map((s) => s.id),
      ['sections'],
      'section',
    );
    unique(
      t.stages.map((s) => s.id),
      ['stages'],
      'stage',
    );
    unique(
      t.domains.map((d) => d.id),
      ['domains'],
      'domain',
    );
    unique(
      t.criteria.map((c) => c.id),
      ['criteria'],
      'criterion',
    );
    const stageIds = new Set(t.stages.map((s) => s.id));
    t.sections.forEach((s, i) => {
      unique(
        s.fields.map((f) => f.id),
        ['sections', i, 'fields'],
        'field',
      );
      if (s.stage !== undefined && !stageIds.has(s.stage)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'stage'],
          message: `unknown stage "${s.stage}"`,
        });
      }
      if (s.domainTags && t.domains.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'domainTags'],
          message: 'domain tags need domains',
        });
      }
      if (s.criteriaChecklist && t.criteria.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'criteriaChecklist'],
          message: 'a checklist needs criteria',
        });
      }
    });
  });

export type Template = z.infer<typeof templateSchema>;
export type TemplateSection = z.infer<typeof sectionSchema>;
export type TemplateField = z.infer<typeof fieldSchema>;
export type WordGuide = z.infer<typeof wordGuideSchema>;
export type CoverRole = z.infer<typeof coverRoleSchema>;

export class TemplateError extends Error {
  constructor(
    message: string,
    /** Where the first bad value is, e.g. `sections[3].fields[0].options`. */
    readonly path: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key),
    '',
  );
}

/** Validates template JSON; throws a TemplateError naming the path of the first bad value. */
export function parseTemplate(json: unknown, source = 'template'): Template {
  const result = templateSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = formatPath(issue.path) || '(root)';
  throw new TemplateError(`${source} is invalid at ${path}: ${issue.message}`, path);
}

/**
 * Checks a built-in template (when the app is built, and in the unit tests) so the app can use
 * its JSON as it is, without zod at start-up: it must be valid and already exactly what
 * {@link parseTemplate} returns, every default written out and no key the schema would drop.
 * Throws a TemplateError naming the first value that differs.
 */
export function checkBuiltInTemplate(json: unknown, source = 'template'): Template {
  const parsed = parseTemplate(json, source);
  const at = firstDifference(parsed, json, []);
  if (at === null) return parsed;
  const path = formatPath(at) || '(root)';
  const expected = valueAt(parsed, at);
  throw new TemplateError(
    expected === undefined
      ? `${source} has a key the template schema does not know at ${path}`
      : `${source} must spell out ${path}: ${JSON.stringify(expected)}`,
    path,
  );
}

function firstDifference(parsed: unknown, raw: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (typeof parsed !== 'object' || parsed === null || typeof raw !== 'object' || raw === null) {
    return Object.is(parsed, raw) ? null : path;
  }
  if (Array.isArray(parsed) !== Array.isArray(raw)) return path;
  const keys = new Set([...Object.keys(parsed), ...Object.keys(raw)]);
  for (const key of keys) {
    const k = Array.isArray(parsed) ? Number(key) : key;
    const found = firstDifference(
      (parsed as Record<string, unknown>)[key],
      (raw as Record<string, unknown>)[key],
      [...path, k],
    );
    if (found) return found;
  }
  return null;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) =>
      typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
}
