import type { ElementTransformer, Transformer } from '@lexical/markdown';
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  ORDERED_LIST,
  QUOTE,
  STRIKETHROUGH,
  UNORDERED_LIST,
} from '@lexical/markdown';
import type { HeadingTagType } from '@lexical/rich-text';
import { $createHeadingNode, $isHeadingNode, $isQuoteNode, HeadingNode } from '@lexical/rich-text';

// Lexical's HEADING transformer accepts # to ######, but a section only has three heading
// levels (the section's own title sits above the editor), so `#### ` stays plain text.
export const HEADING_1_TO_3: ElementTransformer = {
  dependencies: [HeadingNode],
  export: (node, exportChildren) => {
    if (!$isHeadingNode(node)) return null;
    const level = Number(node.getTag().slice(1));
    return `${'#'.repeat(level)} ${exportChildren(node)}`;
  },
  regExp: /^(#{1,3})\s/,
  replace: (parentNode, children, match, isImport) => {
    // Same rule as Lexical's own HEADING: "# " typed inside a quote stays text.
    if (!isImport && $isQuoteNode(parentNode)) return false;
    const hashes = match[1] ?? '#';
    const heading = $createHeadingNode(`h${hashes.length}` as HeadingTagType);
    heading.append(...children);
    parentNode.replace(heading);
    if (!isImport) heading.select(0, 0);
  },
  triggerOnEnter: true,
  type: 'element',
};

/**
 * The markdown shortcuts the editor answers to: `- `/`* ` bulleted list, `1. ` numbered list,
 * `# `–`### ` headings, `> ` quote, and **bold**, *italic*, ~~strikethrough~~ markers. Nothing
 * here creates a node the editor doesn't register (no code blocks, no markdown links, which
 * would dodge the link form's URL check).
 */
export const MARKDOWN_TRANSFORMERS: Transformer[] = [
  HEADING_1_TO_3,
  QUOTE,
  UNORDERED_LIST,
  ORDERED_LIST,
  // Longest markers first, so *** is not read as * around **.
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  STRIKETHROUGH,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
];
