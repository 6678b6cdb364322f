// The popup's list: virtualized, so only the rows on screen (plus a few) exist in the DOM and are read from
// IndexedDB, at any size. Rows are plain text. Keyboard: arrows or j/k move a roving focus (the active row's
// buttons are the only ones in the tab order, and the active row stays rendered while scrolled away), Enter
// opens, m toggles read, s toggles the star, Home/End jump.
import { defaultRangeExtractor, type Range } from '@tanstack/virtual-core';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntryRow } from '../../db/model';
import { t, uiLocale } from '../../ui/i18n';
import { shortcutKey } from '../../ui/keys';
import { relativeTime } from '../../ui/time';
import { useVirtualizer } from './use-virtualizer';

/** Height of one row in pixels (two lines of title, one of feed and time): fixed, so nothing is measured. */
export const ROW_HEIGHT = 64;

/** Props: the size of the list, the rows read so far by position, feed names, and what the keys do. */
export interface EntryListProps {
  label: string;
  count: number;
  rowAt: (index: number) => EntryRow | undefined;
  /** The positions on screen changed: read the rows of [first, last]. */
  onRange: (first: number, last: number) => void;
  feedTitles: ReadonlyMap<number, string>;
  onOpen: (entry: EntryRow) => void;
  onToggleRead: (entry: EntryRow) => void;
  onToggleStar: (entry: EntryRow) => void;
  now: number;
}

/** Focus moves for the keys the list answers to. */
const MOVES: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
  ArrowDown: 'next', j: 'next', ArrowUp: 'previous', k: 'previous', Home: 'first', End: 'last',
};

/** The list; keys work from anywhere in the popup except while typing. */
export function EntryList(props: EntryListProps) {
  const { count, rowAt, onRange } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  /** A row to focus once it is rendered (a key moved to a row scrolled out of the DOM). */
  const pendingFocus = useRef<number | undefined>(undefined);
  const current = Math.min(active, Math.max(count - 1, 0));
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // The first paint happens before the element is measured: assume the popup's list area.
    initialRect: { width: 360, height: 440 },
    // The active row stays in the DOM, so focus is never lost to a row scrolled away.
    rangeExtractor: (range: Range) => [...new Set([...defaultRangeExtractor(range), current])].filter((index) => index < count).sort((a, b) => a - b),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => onRange(first, last), [first, last, count]);

  const focusRow = (index: number) => {
    const button = scroller.current?.querySelector<HTMLButtonElement>(`li[data-index="${index}"] .open`);
    if (!button) return false;
    button.focus();
    pendingFocus.current = undefined;
    return true;
  };
  useEffect(() => {
    if (pendingFocus.current !== undefined) focusRow(pendingFocus.current);
  });

  // Keys read the latest state through refs: effects run after paint, so a listener re-registered per render
  // would see the previous row for a key pressed right after another.
  const latest = useRef({ props, current, virtualizer });
  latest.current = { props, current, virtualizer };
  const activate = (index: number) => {
    latest.current.current = index;
    setActive(index);
  };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { props: now, current: from, virtualizer: list } = latest.current;
      const key = shortcutKey(event);
      if (key === undefined || now.count === 0) return;
      const move = MOVES[key];
      if (move) {
        event.preventDefault();
        const inList = scroller.current?.contains(document.activeElement) ?? false;
        // From outside the list the first key only brings focus back to the active row.
        const target = inList ? pick(now.count, from, move) : from;
        activate(target);
        list.scrollToIndex(target, { align: 'auto' });
        if (!focusRow(target)) pendingFocus.current = target;
        return;
      }
      const entry = now.rowAt(from);
      if (!entry) return;
      if (key === 'm') now.onToggleRead(entry);
      else if (key === 's') now.onToggleStar(entry);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const locale = uiLocale();
  return (
    <div class="entry-scroller" ref={scroller}>
      <ul class="entries" aria-label={props.label} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const entry = rowAt(item.index);
          const tabIndex = item.index === current ? 0 : -1;
          const style = { transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` };
          if (!entry) return <li key={item.key} data-index={item.index} aria-setsize={count} aria-posinset={item.index + 1} class="placeholder" style={style} />;
          const at = entry.publishedAt ?? entry.sortAt;
          return (
            <li key={item.key} data-index={item.index} aria-setsize={count} aria-posinset={item.index + 1} class={entry.read ? 'read' : 'unread'} style={style}>
              <button type="button" class="open" tabIndex={tabIndex} onClick={() => props.onOpen(entry)} onFocus={() => activate(item.index)}>
                <span class="title">{entry.title.trim() || t('untitled')}</span>
                <span class="meta">
                  <span class="feed">{props.feedTitles.get(entry.feedId) ?? t('unknownFeed')}</span>
                  <time dateTime={new Date(at).toISOString()}>{relativeTime(at, props.now, locale)}</time>
                </span>
              </button>
              <button type="button" class="star" tabIndex={tabIndex} aria-pressed={entry.starred === 1} aria-label={t('star')} title={t('star')} onClick={() => props.onToggleStar(entry)} onFocus={() => activate(item.index)}>
                {entry.starred ? '★' : '☆'}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The index to focus for `move` from `current`. */
export function pick(count: number, current: number, move: 'next' | 'previous' | 'first' | 'last'): number {
  if (move === 'first') return 0;
  if (move === 'last') return count - 1;
  return move === 'next' ? Math.min(current + 1, count - 1) : Math.max(current - 1, 0);
}
