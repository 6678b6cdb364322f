// The reader's single-key shortcuts (help-dialog.tsx lists them): j/n next and k/p previous in the list the
// reader came from, s star, m read/unread, v open the original, o full article (load it, or switch back to
// the feed's text), - and + text size, ? help, Escape closes help and the reading settings.
import { useEffect, useRef } from 'preact/hooks';
import { shortcutKey } from '../../ui/keys';

/** What each shortcut does. */
export interface ReaderActions {
  next: () => void;
  previous: () => void;
  toggleStar: () => void;
  toggleRead: () => void;
  openOriginal: () => void;
  toggleFullArticle: () => void;
  smallerText: () => void;
  largerText: () => void;
  toggleHelp: () => void;
  closePanels: () => void;
}

const KEYS: Record<string, keyof ReaderActions> = {
  j: 'next',
  n: 'next',
  k: 'previous',
  p: 'previous',
  s: 'toggleStar',
  m: 'toggleRead',
  v: 'openOriginal',
  o: 'toggleFullArticle',
  '-': 'smallerText',
  '+': 'largerText',
  '=': 'largerText',
  '?': 'toggleHelp',
  Escape: 'closePanels',
};

/** The action for a key, or undefined when the key is not a shortcut. */
export function actionFor(key: string): keyof ReaderActions | undefined {
  return Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
}

/** Listen for the shortcuts on the document while mounted; always calls the latest `actions`. */
export function useReaderShortcuts(actions: ReaderActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionFor(shortcutKey(event) ?? '');
      if (!action) return;
      event.preventDefault();
      latest.current[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
