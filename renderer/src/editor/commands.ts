import type { LexicalCommand } from 'lexical';
import { createCommand } from 'lexical';

/** Opens the toolbar's link form (Ctrl/Cmd+K and the Link button both dispatch it). */
export const OPEN_LINK_FORM_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_FORM_COMMAND');
