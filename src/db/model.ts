// The stored rows (schema v2). Flags are 0 | 1 because IndexedDB cannot index booleans; text is plain text,
// errors are codes with parameters, and nothing stored is a sentence in some language.
import type { Enclosure, FeedFormat } from '../feeds/model';
import type { AppError } from '../shared/errors';

/** A subscription, its settings, and what the last poll learned about it. */
export interface FeedRow {
  id: number;
  /** The primary address: where the feed was finally served from when subscribed (unique across feeds). */
  url: string;
  /** Every address to try, in the user's order; always holds `url`. */
  urls: string[];
  /** The address that answered the last successful poll, tried first next time. */
  servedUrl?: string;
  /** The feed's own title as plain text; '' when it has none. */
  title: string;
  /** The user's name for the feed, shown instead of `title`. */
  customTitle?: string;
  /** The folder the feed is in; 0 for none. */
  folderId: number;
  siteUrl?: string;
  iconUrl?: string;
  description?: string;
  format?: FeedFormat;
  language?: string;
  /** Zone for naive dates in this feed (IANA name or ±HH:MM). */
  timeZone?: string;
  /** Minutes between polls; undefined follows the global setting. */
  intervalMinutes?: number;
  /** Retention limits of this feed; undefined follows the global settings. */
  keepDays?: number;
  keepCount?: number;
  /** 1 while the feed is not polled: the user paused it, the server said 410 Gone, or the user removed the
   * feed but kept its starred entries (it then holds only those, see src/background/feed-removal.ts). */
  paused: 0 | 1;
  pauseReason?: 'user' | 'gone' | 'removed';
  /** 1 to show a notification when new entries arrive. */
  notify: 0 | 1;
  addedAt: number;
  /** When the last poll ended, successfully or not. */
  lastFetchedAt?: number;
  /** When a poll last succeeded (a 304 counts). */
  lastSuccessAt?: number;
  /** Why the last poll failed; absent after a success. */
  lastError?: AppError;
  /** Failed polls in a row. */
  errorCount: number;
  /** Earliest time the scheduler polls this feed again. */
  nextPollAt: number;
  /** When a poll claimed the feed, until that poll is recorded: set, the poll was cut off (a killed worker, a
   * hung fetch), and a resumed round polls the feed after the others. */
  claimedAt?: number;
  /** A server's Retry-After: not even Refresh fetches before this time. */
  retryAfterUntil?: number;
  etag?: string;
  lastModified?: string;
  /** Hash of the last body parsed, so an unchanged body costs no parse and no write. */
  bodyHash?: string;
  /** A redirect of one of `urls` the browser did not call permanent, seen on polls in a row (redirect-policy.ts). */
  redirectStreak?: { from: string; to: string; count: number };
}

/** One entry as lists show it: no bodies (those live in `bodies`). */
export interface EntryRow {
  id: number;
  feedId: number;
  /** ParsedEntry.id: unique per feed, the de-duplication key. */
  key: string;
  /** Plain text; '' when the feed gave none. */
  title: string;
  url?: string;
  author?: string;
  publishedAt?: number;
  updatedAt?: number;
  /** The time lists sort by: published, else updated, else when first stored. */
  sortAt: number;
  /** When the entry was first stored. */
  fetchedAt: number;
  read: 0 | 1;
  starred: 0 | 1;
  /** The start of the entry's text (at most SNIPPET_LENGTH characters), for lists and search. */
  snippet?: string;
  coverUrl?: string;
  /** Hash of the entry's content as last stored: a re-poll compares it instead of reading the body. */
  hash: string;
  /** 1 while the search index holds older text of this entry: set by updateEntries, cleared by src/search/indexer.ts. */
  searchStale?: 1;
}

/** An entry's content, read only by the reader (and backups). `id` is the entry's id. */
export interface BodyRow {
  id: number;
  contentHtml?: string;
  summaryHtml?: string;
  contentText?: string;
  categories: string[];
  enclosures: Enclosure[];
  /** Original image URL → CDN copy, or null when the mirror has none. */
  imageMap?: Record<string, string | null>;
  /** The original page's article ("Load full article"), as the reader extracted it; sanitized at display. */
  article?: StoredArticle;
}

/** An article extracted from the entry's original page. */
export interface StoredArticle {
  /** Raw HTML from Readability, its addresses absolute. */
  html: string;
  /** The page it came from (after redirects). */
  url: string;
  fetchedAt: number;
}

/** Per-feed tallies, kept exact by src/db/entry-writes.ts in the transaction that changes entries. */
export interface FeedCountRow {
  feedId: number;
  unread: number;
  starred: number;
  total: number;
}

/** A folder of feeds. */
export interface FolderRow {
  id: number;
  name: string;
  /** Sort order among folders (ascending). */
  position: number;
}

/** One setting (see src/db/settings.ts for the keys, defaults and validation). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** An entry retention removed, so a feed that still lists it does not bring it back. */
export interface TombstoneRow {
  feedId: number;
  key: string;
  /** When it was removed. */
  at: number;
}

/** A picture kept offline (src/background/offline-images.ts): starred entries' and, optionally, recent ones'. */
export interface ImageRow {
  /** The picture's key (src/images imageKey): its unwrapped original, http: spelling. */
  url: string;
  /** The address it was fetched from (a CDN copy, a rule's, or the original). */
  source: string;
  blob: Blob;
  /** Bytes, so the budget is summed without reading blobs. */
  size: number;
  /** The entries showing it; the row goes when none of them still wants it kept. */
  entryIds: number[];
  storedAt: number;
}

/** Length of EntryRow.snippet. */
export const SNIPPET_LENGTH = 200;

/** The name a feed is shown under: the user's, else its own title, else its address’s host name. */
export function feedDisplayTitle(feed: Pick<FeedRow, 'title' | 'customTitle' | 'url'>): string {
  const custom = feed.customTitle?.trim();
  if (custom) return custom;
  const own = feed.title.trim();
  if (own) return own;
  try {
    return new URL(feed.url).hostname || feed.url;
  } catch {
    return feed.url;
  }
}
