// The search field: results follow the typing after a short pause (Enter searches at once), Escape clears
// it, and the down arrow moves into the results.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../ui/i18n';
import { loadSearch } from './search-loader';

/** Typing pauses this long before a search runs. */
const DEBOUNCE_MS = 200;

/** Props: what to do with the query (trimmed; '' ends the search) and how to move into the list. */
export interface SearchBoxProps {
  onSearch: (query: string) => void;
  onLeave: () => void;
}

/** The labelled search field; '/' anywhere in the popup focuses it. */
export function SearchBox({ onSearch, onLeave }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  // What was last searched: a pause only searches when the text differs (not at mount, not after Enter).
  const sent = useRef('');
  const search = (query: string) => {
    sent.current = query;
    onSearch(query);
  };
  useEffect(() => {
    if (text.trim() === sent.current) return undefined;
    const timer = setTimeout(() => search(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.target === input.current) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    // The field's own value: the state may not have caught up with the last keystroke yet.
    if (event.key === 'Enter') search((event.currentTarget as HTMLInputElement).value.trim());
    else if (event.key === 'Escape' && text !== '') {
      // Escape would otherwise close the popup before clearing the field.
      event.preventDefault();
      setText('');
      search('');
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onLeave();
    }
  };
  return (
    <div class="search-row" role="search">
      <input ref={input} type="search" aria-label={t('search')} placeholder={t('searchPlaceholder')} value={text} onFocus={() => void loadSearch()} onInput={(event) => setText(event.currentTarget.value)} onKeyDown={onKeyDown} />
    </div>
  );
}
