import type { ErrorCode, ErrorParams } from '../shared/errors';

// The one normalized model every feed format maps onto. Field names are fixed by the parsing issue;
// add fields freely, never rename.

/** Formats the parser recognizes. */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json' | 'mirror-record';

/** A file attached to an entry (podcast audio, RSS enclosure, Atom rel="enclosure"). */
export interface Enclosure {
  url: string;
  type?: string;
  length?: number;
}

/** One article. `id` is the stable de-duplication key within its feed. */
export interface ParsedEntry {
  id: string;
  title: string;
  url?: string;
  author?: string;
  /** Epoch milliseconds, UTC; undefined when absent or unparseable (never NaN, never "now"). */
  publishedAt?: number;
  updatedAt?: number;
  contentHtml?: string;
  summaryHtml?: string;
  /** Plain text, for scrapes that carry no markup. */
  contentText?: string;
  coverUrl?: string;
  categories: string[];
  enclosures: Enclosure[];
  /** Original image URL → CDN copy, or null when the mirror has no copy. */
  imageMap?: Record<string, string | null>;
}

/** A whole feed after parsing and normalizing. */
export interface ParsedFeed {
  format: FeedFormat;
  title: string;
  siteUrl?: string;
  feedUrl?: string;
  description?: string;
  author?: string;
  iconUrl?: string;
  language?: string;
  updatedAt?: number;
  /** When the feed itself says it was first published (RSS pubDate, dcterms:issued, Atom 0.3 issued). */
  publishedAt?: number;
  entries: ParsedEntry[];
}

/** Why a document could not be read as a feed (a subset of the extension's error codes, src/shared/errors.ts). */
export type FeedErrorCode = Extract<ErrorCode, 'not-a-feed' | 'unknown-format' | 'not-json-feed' | 'malformed' | 'malformed-json' | 'empty' | 'too-large'>;

/** The only error parseFeed throws. It carries a code and parameters, never text: pages put it into words. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    readonly params: ErrorParams = {},
    /** For an HTML page: the feeds its <link rel="alternate"> tags point to, resolved. */
    readonly alternates: string[] = [],
  ) {
    // The message is for consoles and test output only.
    super(Object.keys(params).length > 0 ? `${code} ${JSON.stringify(params)}` : code);
  }
}

/** What the caller knows about the document besides its bytes. */
export interface FeedMeta {
  url: string;
  contentType?: string;
  /** IANA zone or ±HH:MM offset for naive dates; per-feed setting. */
  timeZone?: string;
}
