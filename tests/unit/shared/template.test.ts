import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import sdlp from '../../../resources/templates/sdlp-aed.json';
import { checkBuiltInTemplate, parseTemplate, TemplateError } from '../../../shared/template';
import { builtInTemplates, getTemplate } from '../../../shared/templates';

const clone = () =>
  structuredClone(sdlp) as Record<string, unknown> & { sections: Record<string, unknown>[] };

function rejectAt(json: unknown): TemplateError {
  try {
    parseTemplate(json);
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateError);
    return e as TemplateError;
  }
  throw new Error('the template was accepted');
}

describe('the SDLP AED template', () => {
  it('is valid and holds the sections of AED-MODEL.md in order', () => {
    const t = getTemplate('sdlp-aed');
    expect(t.sections.map((s) => s.title)).toEqual([
      'About you',
      'The school you are supporting',
      'The initiative',
      'Explore — why this initiative?',
      'Prepare — what will we do?',
      'Deliver — how do we effect change?',
      'Sustain — why continue?',
      'Evaluation',
      'Reflection on your development as an SD Lead',
      'Evidence',
      'Accreditation criteria',
      'Cohort Lead feedback',
    ]);
    expect(t.stages.map((s) => s.id)).toEqual(['explore', 'prepare', 'deliver', 'sustain']);
    expect(t.domains).toHaveLength(4);
    expect(t.criteria).toHaveLength(7);
    expect(t.sections.find((s) => s.id === 'about-you')!.fields.map((f) => f.label)).toContain(
      'Full name',
    );
  });

  it('is listed among the built-in templates', () => {
    expect([...builtInTemplates().keys()]).toContain('sdlp-aed');
    expect(() => getTemplate('nope')).toThrow(/does not have/);
  });
});

describe('the built-in templates are used as their JSON is, unparsed', () => {
  const folder = new URL('../../../resources/templates/', import.meta.url);
  const files = readdirSync(folder).filter((f) => f.endsWith('.json'));

  it.each(files)('%s is exactly what the schema returns, every default written out', (file) => {
    const json: unknown = JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
    const checked = checkBuiltInTemplate(json, file);
    // What the app uses is that same JSON.
    expect(getTemplate(checked.id)).toEqual(json);
  });

  it('every file in resources/templates is a built-in template', () => {
    expect([...builtInTemplates().keys()].sort()).toEqual(
      files.map((f) => f.replace(/\.json$/, '')).sort(),
    );
  });

  it('a default left out, or a key the schema would drop, fails with its path', () => {
    const missing = clone();
    delete missing.sections[2]!.criteriaChecklist;
    const e = (() => {
      try {
        checkBuiltInTemplate(missing, 'x.json');
      } catch (error) {
        return error as TemplateError;
      }
      throw new Error('accepted');
    })();
    expect(e).toBeInstanceOf(TemplateError);
    expect(e.path).toBe('sections[2].criteriaChecklist');
    expect(e.message).toBe('x.json must spell out sections[2].criteriaChecklist: false');

    const extra = clone();
    (extra.sections[0]! as { fields: Record<string, unknown>[] }).fields[0]!.labl = 'Name';
    expect(() => checkBuiltInTemplate(extra, 'x.json')).toThrow(
      'x.json has a key the template schema does not know at sections[0].fields[0].labl',
    );
  });

  it('an invalid template fails as parseTemplate does', () => {
    const t = clone();
    t.sections[0]!.id = 'About You';
    expect(() => checkBuiltInTemplate(t, 'x.json')).toThrow(
      /x\.json is invalid at sections\[0\]\.id/,
    );
  });
});

describe('parseTemplate rejects bad templates with the path of the bad value', () => {
  it('a missing section title', () => {
    const t = clone();
    delete t.sections[3]!.title;
    expect(rejectAt(t).path).toBe('sections[3].title');
  });

  it('a choice field without options', () => {
    const t = clone();
    const school = t.sections[1]! as { fields: Record<string, unknown>[] };
    school.fields[1]!.options = [];
    const e = rejectAt(t);
    expect(e.path).toBe('sections[1].fields[1].options');
    expect(e.message).toContain('sections[1].fields[1].options');
  });

  it('an unknown field type', () => {
    const t = clone();
    (t.sections[0]! as { fields: Record<string, unknown>[] }).fields[0]!.type = 'date';
    expect(rejectAt(t).path).toBe('sections[0].fields[0].type');
  });

  it('a stage that the template does not define', () => {
    const t = clone();
    t.sections[4]!.stage = 'reflect';
    expect(rejectAt(t).path).toBe('sections[4].stage');
  });

  it('duplicate section ids', () => {
    const t = clone();
    t.sections[2]!.id = t.sections[1]!.id;
    const e = rejectAt(t);
    expect(e.path).toBe('sections[2].id');
    expect(e.message).toMatch(/duplicate section id/);
  });

  it('a word guide with a target above its limit, or neither', () => {
    const t = clone();
    t.sections[3]!.richText = { wordGuide: { target: 900, limit: 800 } };
    expect(rejectAt(t).path).toBe('sections[3].richText.wordGuide');
    const u = clone();
    u.sections[3]!.richText = { wordGuide: {} };
    expect(rejectAt(u).path).toBe('sections[3].richText.wordGuide');
  });

  it('an id with spaces, and a document that is not an object', () => {
    const t = clone();
    t.sections[0]!.id = 'About You';
    expect(rejectAt(t).path).toBe('sections[0].id');
    expect(rejectAt('nonsense').path).toBe('(root)');
  });
});
