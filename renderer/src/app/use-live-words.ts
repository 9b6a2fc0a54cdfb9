import { useSyncExternalStore } from 'react';
import type { LiveWords } from './session/live-words';

/** Re-renders the caller when any count changes; read counts with `words.get`/`words.total`. */
export function useLiveWords(words: LiveWords): void {
  useSyncExternalStore(words.subscribe, words.snapshot);
}
