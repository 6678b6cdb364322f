// The reader shows the entry named in its address: index.html#entry=<id>&view=<list>. The worker reuses the
// tab by changing only the hash, so the page follows hashchange instead of reloading.
import { useEffect, useState } from 'preact/hooks';
import { decodeView, encodeView, type ListView } from '../../db/views';

/** The entry id in a location hash such as "#entry=42", or undefined. */
export function entryIdFromHash(hash: string): number | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('entry');
  if (!value || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The list view in a location hash ("#entry=42&view=starred"); the unread list when it names none. */
export function viewFromHash(hash: string): ListView {
  return decodeView(new URLSearchParams(hash.replace(/^#/, '')).get('view') ?? '') ?? { kind: 'unread' };
}

/** The hash that shows entry `id` within `view`. */
export function hashForEntry(id: number, view: ListView): string {
  return `#entry=${id}&view=${encodeView(view)}`;
}

/** The current entry id and list view, updated on every hashchange. */
export function useEntryId(): { id: number | undefined; view: ListView } {
  const read = () => ({ id: entryIdFromHash(location.hash), view: viewFromHash(location.hash) });
  const [state, setState] = useState(read);
  useEffect(() => {
    const onChange = () => setState((previous) => {
      const next = read();
      return next.id === previous.id && encodeView(next.view) === encodeView(previous.view) ? previous : next;
    });
    window.addEventListener('hashchange', onChange);
    // The hash may have changed between the first render and this effect.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return state;
}
