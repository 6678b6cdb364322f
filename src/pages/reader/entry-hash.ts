// The reader shows the entry named in its address: index.html#entry=<id>&view=<list> (a list view, or
// search:<query>). The worker reuses the tab by changing only the hash, so the page follows hashchange
// instead of reloading.
import { useEffect, useState } from 'preact/hooks';
import { decodeList, encodeList, readerHash, type ReaderList } from '../../db/reader-list';

/** The entry id in a location hash such as "#entry=42", or undefined. */
export function entryIdFromHash(hash: string): number | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('entry');
  if (!value || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The list in a location hash ("#entry=42&view=starred", "…&view=search:harbour"); the unread list when it names none. */
export function viewFromHash(hash: string): ReaderList {
  return decodeList(new URLSearchParams(hash.replace(/^#/, '')).get('view') ?? '') ?? { kind: 'unread' };
}

/** The hash that shows entry `id` within `list`. */
export function hashForEntry(id: number, list: ReaderList): string {
  return readerHash(id, list);
}

/** The current entry id and list, updated on every hashchange. */
export function useEntryId(): { id: number | undefined; view: ReaderList } {
  const read = () => ({ id: entryIdFromHash(location.hash), view: viewFromHash(location.hash) });
  const [state, setState] = useState(read);
  useEffect(() => {
    const onChange = () => setState((previous) => {
      const next = read();
      return next.id === previous.id && encodeList(next.view) === encodeList(previous.view) ? previous : next;
    });
    window.addEventListener('hashchange', onChange);
    // The hash may have changed between the first render and this effect.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return state;
}
