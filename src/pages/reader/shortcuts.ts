// The reader's single-key shortcuts: j/n next unread, k/p previous unread, o open original,
// m toggle read, ? help, Escape closes help.
import { useEffect, useRef } from 'preact/hooks';
import { shortcutKey } from '../../ui/keys';

/** What each shortcut does. */
export interface ReaderActions {
  next: () => void;
  previous: () => void;
  openOriginal: () => void;
  toggleRead: () => void;
  toggleHelp: () => void;
  closeHelp: () => void;
}

/** The action for a key, or undefined when the key is not a shortcut. */
export function actionFor(key: string): keyof ReaderActions | undefined {
  switch (key) {
    case 'j':
    case 'n':
      return 'next';
    case 'k':
    case 'p':
      return 'previous';
    case 'o':
      return 'openOriginal';
    case 'm':
      return 'toggleRead';
    case '?':
      return 'toggleHelp';
    case 'Escape':
      return 'closeHelp';
    default:
      return undefined;
  }
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
