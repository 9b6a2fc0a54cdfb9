/**
 * Reads an inline `style` attribute into lower-cased property → value pairs without handing it
 * to a CSS engine: the clipboard's styles are only read for a few emphasis properties and never
 * applied, so `url()` or `expression()` in them has nothing to run in.
 */
export function readDeclarations(style: string | null): Map<string, string> {
  const declarations = new Map<string, string>();
  if (style === null) return declarations;
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    const value = part
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    if (property !== '' && value !== '') declarations.set(property, value);
  }
  return declarations;
}

export type Emphasis = 'strong' | 'em' | 'u' | 's';

/** What an element's style says about each emphasis: true adds it, false cancels a tag's own. */
export type EmphasisFromStyle = Partial<Record<Emphasis, boolean>>;

export function emphasisFromStyle(style: string | null): EmphasisFromStyle {
  const declarations = readDeclarations(style);
  const result: EmphasisFromStyle = {};

  const weight = declarations.get('font-weight');
  if (weight !== undefined) {
    const numeric = Number.parseInt(weight, 10);
    if (weight === 'bold' || weight === 'bolder' || numeric >= 600) result.strong = true;
    else if (weight === 'normal' || weight === 'lighter' || numeric < 600) result.strong = false;
  }

  const fontStyle = declarations.get('font-style');
  if (fontStyle !== undefined) result.em = fontStyle === 'italic' || fontStyle === 'oblique';

  const decoration = [declarations.get('text-decoration'), declarations.get('text-decoration-line')]
    .filter((value): value is string => value !== undefined)
    .join(' ');
  if (decoration !== '') {
    if (decoration.includes('underline')) result.u = true;
    if (decoration.includes('line-through')) result.s = true;
    if (/(^|\s)none(\s|$)/.test(decoration)) {
      result.u ??= false;
      result.s ??= false;
    }
  }
  return result;
}
