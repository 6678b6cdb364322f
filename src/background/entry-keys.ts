// Entry keys across versions. An id-less entry with a link is keyed `link#hash:…` (src/feeds/normalize.ts);
// earlier versions keyed it by the bare link while no other id-less entry of the document shared that link, and
// rows and retention tombstones stored then keep that key. Ingest and restore match both forms through here.
import { idlessKey } from '../feeds/normalize';

/** The bare link an earlier version may have keyed the entry `key` (with link `url`) by; undefined for other keys. */
export function bareLinkKey(key: string, url: string | undefined): string | undefined {
  return url !== undefined && key.startsWith(`${url}#hash:`) ? url : undefined;
}

/**
 * The bare links of the incoming id-less entries, each with the keys (document order) of the entries that carry
 * it; a bare link that is itself an incoming key (an entry whose id is that link) is left out, it is that entry's.
 */
export function bareLinks(incoming: ReadonlyMap<string, { url?: string }>): Map<string, string[]> {
  const links = new Map<string, string[]>();
  for (const [key, entry] of incoming) {
    const bare = bareLinkKey(key, entry.url);
    if (bare === undefined || incoming.has(bare)) continue;
    links.set(bare, [...(links.get(bare) ?? []), key]);
  }
  return links;
}

/** The other form of an id-less entry's key (bare link ↔ link#hash), for rows a backup and the library key
 * differently; undefined for an entry with an id of its own. */
export function otherKeyForm(key: string, url: string | undefined, title: string, date: number | undefined): string | undefined {
  if (url === undefined) return undefined;
  return bareLinkKey(key, url) ?? (key === url ? idlessKey(url, title, date) : undefined);
}
