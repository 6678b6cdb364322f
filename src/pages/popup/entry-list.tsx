// The popup's list of unread entries: plain-text titles, feed names and relative times, one button each.
// Arrow keys and j/k move focus; Enter or a click opens the entry.
import { useEffect, useRef } from 'preact/hooks';
import type { EntryRow } from '../../db/model';
import { t, uiLocale } from '../../ui/i18n';
import { shortcutKey } from '../../ui/keys';
import { relativeTime } from '../../ui/time';

/** Props: the entries to show, feed titles by id, what opening does, and when "now" is. */
export interface EntryListProps {
  entries: EntryRow[];
  feedTitles: ReadonlyMap<number, string>;
  onOpen: (entryId: number) => void;
  now: number;
}

/** Focus moves for the keys the list answers to. */
const MOVES: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
  ArrowDown: 'next', j: 'next', ArrowUp: 'previous', k: 'previous', Home: 'first', End: 'last',
};

/** The unread list, keyboard-navigable from anywhere in the popup. */
export function EntryList({ entries, feedTitles, onOpen, now }: EntryListProps) {
  const list = useRef<HTMLUListElement>(null);
  const locale = uiLocale();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const move = MOVES[shortcutKey(event) ?? ''];
      if (!move || !list.current) return;
      const buttons = [...list.current.querySelectorAll<HTMLButtonElement>('button')];
      const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const target = pick(buttons.length, current, move);
      if (target === undefined) return;
      event.preventDefault();
      buttons[target]?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <ul class="entries" aria-label={t('unreadEntriesLabel')} ref={list}>
      {entries.map((entry) => {
        const at = entry.publishedAt ?? entry.sortAt;
        return (
          <li key={entry.id}>
            <button type="button" onClick={() => onOpen(entry.id)}>
              <span class="title">{entry.title.trim() || t('untitled')}</span>
              <span class="meta">
                <span class="feed">{feedTitles.get(entry.feedId) ?? t('unknownFeed')}</span>
                <time dateTime={new Date(at).toISOString()}>{relativeTime(at, now, locale)}</time>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The index to focus for `move` from `current` (-1 when focus is outside the list). */
export function pick(count: number, current: number, move: 'next' | 'previous' | 'first' | 'last'): number | undefined {
  if (count === 0) return undefined;
  if (move === 'first' || (current < 0 && move === 'next')) return 0;
  if (move === 'last' || (current < 0 && move === 'previous')) return count - 1;
  return move === 'next' ? Math.min(current + 1, count - 1) : Math.max(current - 1, 0);
}
