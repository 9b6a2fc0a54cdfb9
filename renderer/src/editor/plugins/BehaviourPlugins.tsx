import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { registerHtmlPaste } from './html-paste';
import { registerLinkSafety } from './link-safety';
import { registerLinkShortcut } from './link-shortcut';
import { registerListDepthLimit } from './list-depth';
import { registerTabFocus } from './tab-focus';

// Each behaviour is a plain register function (testable on a headless editor); these
// components only tie them to the composer's editor for as long as they are mounted.
function useRegistration(register: (editor: LexicalEditor) => () => void): void {
  const [editor] = useLexicalComposerContext();
  useEffect(() => register(editor), [editor, register]);
}

export function TabFocusPlugin(): null {
  useRegistration(registerTabFocus);
  return null;
}

export function HtmlPastePlugin(): null {
  useRegistration(registerHtmlPaste);
  return null;
}

export function LinkSafetyPlugin(): null {
  useRegistration(registerLinkSafety);
  return null;
}

export function LinkShortcutPlugin(): null {
  useRegistration(registerLinkShortcut);
  return null;
}

export function ListDepthPlugin(): null {
  useRegistration(registerListDepthLimit);
  return null;
}
