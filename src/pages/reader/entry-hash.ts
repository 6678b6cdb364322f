// The reader shows the entry named in its address: index.html#entry=<id>. The worker reuses the tab by
// changing only the hash, so the page follows hashchange instead of reloading.
import { useEffect, useState } from 'preact/hooks';

/** The entry id in a location hash such as "#entry=42", or undefined. */
export function entryIdFromHash(hash: string): number | undefined {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get('entry');
  if (!value || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The hash that shows entry `id`. */
export function hashForEntry(id: number): string {
  return `#entry=${id}`;
}

/** The current entry id, updated on every hashchange. */
export function useEntryId(): number | undefined {
  const [id, setId] = useState(() => entryIdFromHash(location.hash));
  useEffect(() => {
    const onChange = () => setId(entryIdFromHash(location.hash));
    window.addEventListener('hashchange', onChange);
    // The hash may have changed between the first render and this effect.
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return id;
}
