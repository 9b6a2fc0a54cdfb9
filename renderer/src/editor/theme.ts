import type { EditorThemeClasses } from 'lexical';

// Lexical puts these classes on the nodes it renders; section-editor.css styles them. The prefix
// keeps editor content from picking up app styles (and the other way round).
export const theme: EditorThemeClasses = {
  root: 'aed-editor__content',
  paragraph: 'aed-editor__paragraph',
  quote: 'aed-editor__quote',
  heading: {
    h1: 'aed-editor__h1',
    h2: 'aed-editor__h2',
    h3: 'aed-editor__h3',
  },
  list: {
    ul: 'aed-editor__ul',
    ol: 'aed-editor__ol',
    // Numbered lists nest as 1. / a. / i. and bullets as disc / circle / square, as in Word.
    olDepth: ['aed-editor__ol1', 'aed-editor__ol2', 'aed-editor__ol3'],
    ulDepth: ['aed-editor__ul1', 'aed-editor__ul2', 'aed-editor__ul3'],
    listitem: 'aed-editor__listitem',
    nested: {
      listitem: 'aed-editor__nested-listitem',
    },
  },
  link: 'aed-editor__link',
  text: {
    bold: 'aed-editor__bold',
    italic: 'aed-editor__italic',
    underline: 'aed-editor__underline',
    strikethrough: 'aed-editor__strikethrough',
    underlineStrikethrough: 'aed-editor__underline-strikethrough',
  },
  table: 'aed-editor__table',
  tableRow: 'aed-editor__table-row',
  tableCell: 'aed-editor__table-cell',
  tableCellHeader: 'aed-editor__table-cell--header',
  tableSelection: 'aed-editor__table--selection',
  tableCellSelected: 'aed-editor__table-cell--selected',
  tableScrollableWrapper: 'aed-editor__table-wrapper',
};
