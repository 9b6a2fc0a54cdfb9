import type { LexicalCommand } from 'lexical';
import { createCommand } from 'lexical';

/** Opens the toolbar's link form (Ctrl/Cmd+K and the Link button both dispatch it). */
export const OPEN_LINK_FORM_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_FORM_COMMAND');

/** Opens the image details form (alt text, caption, width) for the image node with this key. */
export const OPEN_IMAGE_DETAILS_COMMAND: LexicalCommand<string> = createCommand(
  'OPEN_IMAGE_DETAILS_COMMAND',
);
