/**
 * Lexical's serialized editor state as plain JSON: the walks the editor does before a state
 * becomes nodes (opening a stored section, pasting this app's own clipboard JSON). Iterative:
 * stored or pasted JSON may be nested far deeper than the call stack, and Lexical's own parser
 * and reconciler are recursive.
 */

export type JsonNode = Record<string, unknown>;

export function isJsonNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: JsonNode): unknown[] {
  return Array.isArray(node.children) ? (node.children as unknown[]) : [];
}

const isList = (value: unknown): value is JsonNode => isJsonNode(value) && value.type === 'list';

/** Every type named in `nodes` and below that is not in `known`. */
export function unknownTypes(nodes: readonly unknown[], known: ReadonlySet<string>): Set<string> {
  const unknown = new Set<string>();
  const pending = [...nodes];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isJsonNode(node)) continue;
    const type = typeof node.type === 'string' ? node.type : '';
    if (!known.has(type)) unknown.add(type === '' ? 'untyped' : type);
    pending.push(...childrenOf(node));
  }
  return unknown;
}

/**
 * Flattens lists nested deeper than `maxDepth` onto level `maxDepth`: the items below keep their
 * words and their order, and lose only the extra indent. `depth` is how many lists `nodes` are
 * already inside. Changes the nodes in place; true when anything was flattened.
 */
export function flattenDeepLists(nodes: readonly unknown[], maxDepth: number, depth = 0): boolean {
  let changed = false;
  const pending = nodes.map((node) => ({ node, lists: depth }));
  while (pending.length > 0) {
    const { node, lists } = pending.pop()!;
    if (!isJsonNode(node)) continue;
    const inLists = node.type === 'list' ? lists + 1 : lists;
    if (node.type === 'list' && inLists >= maxDepth && childrenOf(node).some(holdsList)) {
      node.children = flatItems(node);
      changed = true;
    }
    for (const child of childrenOf(node)) pending.push({ node: child, lists: inLists });
  }
  return changed;
}

function holdsList(item: unknown): boolean {
  return isList(item) || (isJsonNode(item) && childrenOf(item).some(isList));
}

/** The items of a list's whole subtree in reading order, none of them holding a list. */
function flatItems(list: JsonNode): unknown[] {
  const out: unknown[] = [];
  const stack: { items: unknown[]; next: number }[] = [{ items: childrenOf(list), next: 0 }];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.next++];
    if (isList(item)) {
      // A list straight inside a list (Lexical wraps it in an item of its own).
      stack.push({ items: childrenOf(item), next: 0 });
      continue;
    }
    if (!isJsonNode(item)) continue;
    const children = childrenOf(item);
    const lists = children.filter(isList);
    if (lists.length === 0) {
      out.push(item);
      continue;
    }
    const content = children.filter((c) => !isList(c));
    if (content.length > 0) out.push({ ...item, children: content });
    // Its lists come next, before the item's next sibling.
    for (let i = lists.length - 1; i >= 0; i--) {
      stack.push({ items: childrenOf(lists[i]!), next: 0 });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A readable copy: what can be shown of a state holding types the editor lacks

const INLINE_TYPES = new Set(['text', 'linebreak', 'tab']);
/** Known containers of inline content only. */
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'quote', 'link', 'autolink', 'listitem']);
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'list', 'table']);

const element = (type: string, children: unknown[], extra: JsonNode = {}): JsonNode => ({
  children,
  direction: null,
  format: '',
  indent: 0,
  type,
  version: 1,
  ...extra,
});

const paragraph = (children: unknown[]): JsonNode =>
  element('paragraph', children, { textFormat: 0, textStyle: '' });

const textNode = (text: string): JsonNode => ({
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
  type: 'text',
  version: 1,
});

const lineBreak = (): JsonNode => ({ type: 'linebreak', version: 1 });

/**
 * The words of a node and everything under it as inline nodes (text, line breaks and tabs kept,
 * links and unknown wrappers let go), with a line break between blocks.
 */
export function inlineContent(node: JsonNode): JsonNode[] {
  const out: JsonNode[] = [];
  const pending: { node: unknown; breakBefore: boolean }[] = [{ node, breakBefore: false }];
  while (pending.length > 0) {
    const { node: next, breakBefore } = pending.pop()!;
    if (!isJsonNode(next)) continue;
    if (breakBefore && out.length > 0 && out.at(-1)!.type !== 'linebreak') out.push(lineBreak());
    const type = String(next.type);
    if (INLINE_TYPES.has(type)) {
      // No inline style: it could hide the words (font-size:0) it is meant to show.
      if (type !== 'text') out.push({ type, version: 1 });
      else if (typeof next.text === 'string' && next.text !== '') {
        out.push({
          ...textNode(next.text),
          format: typeof next.format === 'number' ? next.format : 0,
        });
      }
      continue;
    }
    const children = childrenOf(next);
    if (children.length === 0 && typeof next.text === 'string' && next.text !== '') {
      // An unknown leaf with words (a mention, an equation's source).
      out.push(textNode(next.text));
      continue;
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      const blockish =
        isJsonNode(child) && !INLINE_TYPES.has(String(child.type)) && 'children' in child;
      pending.push({ node: child, breakBefore: i > 0 && blockish });
    }
  }
  while (out.at(-1)?.type === 'linebreak') out.pop();
  return out;
}

/** What stands in for an unknown node inside a parent of `parentType`. */
function standIn(node: JsonNode, parentType: string, known: ReadonlySet<string>): unknown[] {
  if (parentType === 'root' || parentType === 'tablecell') {
    const children = childrenOf(node);
    // A container of blocks (a collapsible, a layout's columns): its blocks, shown as blocks.
    const isBlock = (c: unknown) =>
      isJsonNode(c) &&
      (BLOCK_TYPES.has(String(c.type)) ||
        (!known.has(String(c.type)) && Array.isArray(c.children)));
    if (children.length > 0 && children.every(isBlock)) return children;
  }
  const inlines = inlineContent(node);
  if (inlines.length === 0) return [];
  if (INLINE_PARENTS.has(parentType)) return inlines;
  const block = paragraph(inlines);
  switch (parentType) {
    case 'list':
      return [element('listitem', inlines, { value: 1 })];
    case 'tablerow':
      return [tableCell(block)];
    case 'table':
      return [element('tablerow', [tableCell(block)])];
    default:
      return [block];
  }
}

function tableCell(block: JsonNode): JsonNode {
  return element('tablecell', [block], {
    backgroundColor: null,
    colSpan: 1,
    headerState: 0,
    rowSpan: 1,
  });
}

/**
 * Replaces, in place, every node of a type not in `known` with what the editor can show of it:
 * its blocks, or its words as text. For display only: the result is never stored.
 */
export function replaceUnknownNodes(root: JsonNode, known: ReadonlySet<string>): void {
  const pending: JsonNode[] = [root];
  while (pending.length > 0) {
    const parent = pending.pop()!;
    const children = childrenOf(parent);
    if (children.length === 0) continue;
    const parentType = String(parent.type);
    if (children.every((c) => isJsonNode(c) && known.has(String(c.type)))) {
      for (const child of children) pending.push(child as JsonNode);
      continue;
    }
    const replaced: unknown[] = [];
    // Next child last; stand-ins (the blocks of a container) are looked at in their turn.
    const next = [...children].reverse();
    while (next.length > 0) {
      const child = next.pop();
      if (!isJsonNode(child)) continue;
      if (known.has(String(child.type))) {
        replaced.push(child);
        pending.push(child);
      } else {
        next.push(...standIn(child, parentType, known).reverse());
      }
    }
    parent.children = replaced;
  }
}

/**
 * The whole state as plain paragraphs, one for each block with words (at least one paragraph:
 * Lexical's root may not be empty): the last resort for display.
 */
export function plainParagraphs(root: JsonNode): JsonNode[] {
  const paragraphs = childrenOf(root)
    .filter(isJsonNode)
    .map((block) => paragraph(inlineContent(block)))
    .filter((p) => childrenOf(p).length > 0);
  return paragraphs.length > 0 ? paragraphs : [paragraph([])];
}
