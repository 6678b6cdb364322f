// The Dexie database every context shares. Versions are append-only: add `this.version(n+1)` with an
// upgrade() below the last one, never edit an earlier one.
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Enclosure, FeedFormat } from '../feeds/model';

/** A subscription and what the last poll learned about it. */
export interface FeedRow {
  id: number;
  /** The URL the user subscribed to (after redirects are followed, still the one they typed). */
  url: string;
  title: string;
  siteUrl?: string;
  iconUrl?: string;
  description?: string;
  format?: FeedFormat;
  /** Zone for naive dates in this feed (IANA name or ±HH:MM). */
  timeZone?: string;
  addedAt: number;
  lastFetchedAt?: number;
  /** Set when the last poll failed: a message the user can read. Cleared on success. */
  lastError?: string;
  errorCount: number;
  etag?: string;
  lastModified?: string;
  /** Earliest time the scheduler polls this feed again. */
  nextPollAt: number;
}

/** One stored article. `read`/`starred` are 0/1 because IndexedDB cannot index booleans. */
export interface EntryRow {
  id: number;
  feedId: number;
  /** ParsedEntry.id: unique per feed, the de-duplication key. */
  key: string;
  title: string;
  url?: string;
  author?: string;
  publishedAt?: number;
  updatedAt?: number;
  /** The time lists sort by: published, else updated, else when first stored. */
  sortAt: number;
  contentHtml?: string;
  summaryHtml?: string;
  contentText?: string;
  coverUrl?: string;
  categories: string[];
  enclosures: Enclosure[];
  imageMap?: Record<string, string | null>;
  read: 0 | 1;
  starred: 0 | 1;
  fetchedAt: number;
}

/** The typed database; one instance per context via `db`. */
export class ReaderDB extends Dexie {
  feeds!: EntityTable<FeedRow, 'id'>;
  entries!: EntityTable<EntryRow, 'id'>;

  /** `options` lets tests hand in their own IndexedDB factory. */
  constructor(name = 'mirror-reader', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      feeds: '++id, &url, nextPollAt',
      entries: '++id, &[feedId+key], [read+sortAt], [feedId+sortAt], sortAt',
    });
  }
}

/** The shared database instance of this context. */
export const db = new ReaderDB();
