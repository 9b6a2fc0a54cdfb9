/** The built-in templates, validated once when first asked for. */
import sdlpAed from '../resources/templates/sdlp-aed.json';
import { parseTemplate, type Template } from './template';

export const DEFAULT_TEMPLATE_ID = 'sdlp-aed';

let cache: ReadonlyMap<string, Template> | null = null;

export function builtInTemplates(): ReadonlyMap<string, Template> {
  cache ??= new Map(
    [sdlpAed].map((json) => {
      const t = parseTemplate(json, 'resources/templates/' + (json as { id: string }).id + '.json');
      return [t.id, t];
    }),
  );
  return cache;
}

export function getTemplate(id: string): Template {
  const t = builtInTemplates().get(id);
  if (!t)
    throw new Error(
      `This draft uses a template ("${id}") that this version of AED Writer does not have.`,
    );
  return t;
}
