// Entry keys across versions and edits. An id-less entry with a link is keyed `link#hash:…` (src/feeds/normalize.ts),
// the hash of its title and date; earlier versions keyed it by the bare link while no other id-less entry of the
// document shared that link, and rows and retention tombstones stored then keep that key. Ingest and restore
// match both forms through here; ingest also finds the row of a link that is the entry's alone under another
// hash (the title edited, the item re-dated, the feed's time zone changed), as the bare-link key used to.
import { idlessKey } from '../feeds/normalize';

/** What every `link#hash:…` key of link `url` starts with. */
function hashedKeyPrefix(url: string): string {
  return `${url}#hash:`;
}

/** The bare link an earlier version may have keyed the entry `key` (with link `url`) by; undefined for other keys. */
export function bareLinkKey(key: string, url: string | undefined): string | undefined {
  return url !== undefined && key.startsWith(hashedKeyPrefix(url)) ? url : undefined;
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

/** The [feedId+key] range of the rows and tombstones keyed `url#hash:…` in feed `feedId`. */
export function sameLinkRange(feedId: number, url: string): [[number, string], [number, string]] {
  const prefix = hashedKeyPrefix(url);
  return [
    [feedId, prefix],
    [feedId, `${prefix}\uffff`],
  ];
}

/**
 * Of `stored` (rows or tombstones keyed `url#hash:…` under other hashes), the one that is the entry titled `title`:
 * the only one, or else the only one with that title; undefined when none or several could be.
 */
export function sameLinkMatch<T extends { key: string; title?: string }>(stored: readonly T[], url: string, title: string): T | undefined {
  const candidates = stored.filter((row) => bareLinkKey(row.key, url) !== undefined);
  if (candidates.length === 1) return candidates[0];
  const titled = candidates.filter((row) => row.title === title);
  return titled.length === 1 ? titled[0] : undefined;
}
