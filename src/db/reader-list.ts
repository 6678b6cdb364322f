// The list the reader walks with previous/next: a list view, or the results of a search. Its text form is the
// reader address's view= value (#entry=42&view=search:harbour%20news), written and read here only.
import { decodeView, encodeView, type ListView } from './views';

/** The results of the popup's search for `query` (trimmed, as the popup searched it). */
export interface SearchList {
  kind: 'search';
  query: string;
}

/** What the reader was opened from. */
export type ReaderList = ListView | SearchList;

/** A longer query is not one the popup sends; refused so the address stays of sane size. */
export const MAX_QUERY_LENGTH = 500;

/** A list as text ("unread", "feed:3:u", "search:<query>"); the query as typed, not yet URL-encoded. */
export function encodeList(list: ReaderList): string {
  return list.kind === 'search' ? `search:${list.query}` : encodeView(list);
}

/** The list `text` names, or undefined: an unknown view, or a query that is empty, untrimmed, too long or has control characters. */
export function decodeList(text: string): ReaderList | undefined {
  if (!text.startsWith('search:')) return decodeView(text);
  const query = text.slice('search:'.length);
  const valid = query !== '' && query === query.trim() && query.length <= MAX_QUERY_LENGTH && !/\p{Cc}/u.test(query);
  return valid ? { kind: 'search', query } : undefined;
}

/** `value` (from a message) as a list, checked by round-tripping its text form; undefined when it is not one. */
export function checkedList(value: unknown): ReaderList | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as { kind?: unknown; query?: unknown };
  if (candidate.kind === 'search') return typeof candidate.query === 'string' ? decodeList(`search:${candidate.query}`) : undefined;
  return decodeView(encodeView(value as ListView));
}

/** The reader's hash showing entry `id` within `list` (no list: the reader's default, Unread). */
export function readerHash(id: number, list?: ReaderList): string {
  if (!list) return `#entry=${id}`;
  // Views keep their readable form (feed:3:u); a query is percent-encoded so "&", "#" and spaces survive.
  const text = encodeList(list);
  return `#entry=${id}&view=${list.kind === 'search' ? `search:${encodeURIComponent(list.query)}` : text}`;
}
