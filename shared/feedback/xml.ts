/**
 * Reading a part of a Word file as XML, with saxes: a strict, namespace-aware, streaming parser.
 * Nothing here looks at XML with regular expressions, and no document tree is built: each reader
 * keeps only what it needs from the events.
 *
 * A DOCTYPE is refused outright. Word, LibreOffice and Google Docs never write one, and it is
 * the only way to declare entities (the "billion laughs" bomb, external files); saxes expands
 * none but the five predefined ones and character references, so an undeclared entity is an
 * error too.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { fail } from './errors';

/** Namespaces, by the transitional URI; strict OOXML's are read as these (see STRICT). */
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  relationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  customProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
} as const;

/** Strict OOXML (Word's "Strict Open XML Document") names the same things differently. */
const STRICT: Readonly<Record<string, string>> = {
  'http://purl.oclc.org/ooxml/wordprocessingml/main': NS.w,
  'http://purl.oclc.org/ooxml/officeDocument/customProperties': NS.customProperties,
  'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes': NS.vt,
};

/** An element as the readers see it: its namespace and local name, and its attributes. */
export interface XmlElement {
  uri: string;
  local: string;
  /** An attribute's value; `uri` is '' for an attribute without a prefix. */
  attr(uri: string, local: string): string | undefined;
}

export interface XmlHandlers {
  open?(element: XmlElement): void;
  close?(element: XmlElement): void;
  /** Character data (text and CDATA), as the parser delivers it: possibly in pieces. */
  text?(text: string): void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses one part, calling the handlers as it goes. Throws a FeedbackReadFailure ('corrupt') on
 * anything that is not well-formed, namespace-correct UTF-8 XML, or that has a DOCTYPE; a
 * handler may throw one too, to stop early.
 */
export function parseXml(bytes: Uint8Array, part: string, handlers: XmlHandlers): void {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return fail('corrupt', `${part} is not UTF-8 text`);
  }
  // Without position tracking saxes is about twice as fast; the part's name says where enough.
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('xmldecl', (decl) => {
    const encoding = decl.encoding?.toLowerCase();
    if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'utf8') {
      fail('corrupt', `${part} declares the encoding ${encoding.slice(0, 20)}`);
    }
  });
  parser.on('doctype', () => fail('corrupt', `${part} has a DOCTYPE, which Word never writes`));
  parser.on('opentag', (tag) => handlers.open?.(element(tag)));
  parser.on('closetag', (tag) => handlers.close?.(element(tag)));
  if (handlers.text) {
    const text = (data: string) => handlers.text?.(data);
    parser.on('text', text);
    parser.on('cdata', text);
  }
  // saxes reports a fault through the error handler; leaving at once keeps it from going on.
  parser.on('error', (error) => fail('corrupt', `${part}: ${error.message.slice(0, 160)}`));
  parser.write(text).close();
}

function element(tag: SaxesTagNS): XmlElement {
  const attributes = tag.attributes;
  return {
    uri: STRICT[tag.uri] ?? tag.uri,
    local: tag.local,
    attr(uri, local) {
      for (const name in attributes) {
        const a = attributes[name]!;
        if (a.local === local && (STRICT[a.uri] ?? a.uri) === uri) return a.value;
      }
      return undefined;
    },
  };
}
