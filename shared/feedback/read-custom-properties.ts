/**
 * The custom document properties of an Office file (docProps/custom.xml): name → text value.
 * AED Writer's exports record their draft's and submission's ids there (shared/export/docx-ids.ts).
 */
import { NS, parseXml } from './xml';

export function readCustomProperties(
  part: { name: string; bytes: Uint8Array } | null,
): Map<string, string> {
  const values = new Map<string, string>();
  if (!part) return values;
  let name: string | null = null;
  let value = '';
  let depth = 0;
  parseXml(part.bytes, part.name, {
    open(el) {
      depth++;
      if (depth === 2 && el.uri === NS.customProperties && el.local === 'property') {
        name = el.attr('', 'name') ?? null;
        value = '';
      }
    },
    text(text) {
      // The value is the one typed element (vt:lpwstr and the like) inside the property.
      if (name !== null && depth === 3) value += text;
    },
    close() {
      if (depth === 2 && name !== null) {
        if (!values.has(name)) values.set(name, value.trim());
        name = null;
      }
      depth--;
    },
  });
  return values;
}
