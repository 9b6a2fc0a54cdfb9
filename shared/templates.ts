/**
 * The built-in templates. Their JSON is used as it is: the build and the unit tests check it
 * against the template schema (checkBuiltInTemplate), so opening a draft parses no template and
 * loads no zod.
 */
import sdlpAed from '../resources/templates/sdlp-aed.json';
import type { Template } from './template';

export const DEFAULT_TEMPLATE_ID = 'sdlp-aed';

const templates: ReadonlyMap<string, Template> = new Map(
  [sdlpAed as Template].map((t) => [t.id, t]),
);

export function builtInTemplates(): ReadonlyMap<string, Template> {
  return templates;
}

export function getTemplate(id: string): Template {
  const t = templates.get(id);
  if (!t)
    throw new Error(
      `This draft uses a template ("${id}") that this version of AED Writer does not have.`,
    );
  return t;
}
