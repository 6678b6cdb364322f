// The one normalizer every format feeds: absolute URLs (links, enclosures, content), stable ids,
// plain-text bodies as contentText, and nothing undefined-but-present.
import { resolveContentUrls } from './content-urls';
import type { Enclosure, FeedFormat, ParsedEntry, ParsedFeed } from './model';
import { hashString } from '../shared/hash';
import { isHttpUrl } from '../shared/url';

/** An entry as a format mapper reads it, before normalizing. */
export interface EntryDraft extends Omit<ParsedEntry, 'id' | 'enclosures'> {
  id?: string;
  enclosures: { url: string; type?: string; length?: number }[];
  /** Base URLs in effect where the content and summary were read (xml:base). */
  contentBase?: string;
  summaryBase?: string;
  /** Base URL in effect for the entry element. */
  base?: string;
}

/** A feed as a format mapper reads it, before normalizing. */
export interface FeedDraft extends Omit<ParsedFeed, 'entries' | 'format'> {
  format: FeedFormat;
  entries: EntryDraft[];
}

/** Finishes a draft: the ParsedFeed every caller sees. */
export function normalizeFeed(draft: FeedDraft, feedUrl: string): ParsedFeed {
  const feed: ParsedFeed = { format: draft.format, title: draft.title.trim(), feedUrl, entries: draft.entries.map((entry) => normalizeEntry(entry, feedUrl)) };
  // The site and entry links are pages to open: only web addresses (a feed's javascript: or data: link is dropped).
  assign(feed, 'siteUrl', webAddress(draft.siteUrl));
  assign(feed, 'description', draft.description);
  assign(feed, 'author', draft.author);
  assign(feed, 'iconUrl', draft.iconUrl);
  assign(feed, 'language', draft.language);
  assign(feed, 'updatedAt', draft.updatedAt);
  assign(feed, 'publishedAt', draft.publishedAt);
  return feed;
}

function normalizeEntry(draft: EntryDraft, feedUrl: string): ParsedEntry {
  const title = draft.title.trim();
  const id = draft.id?.trim() || idlessKey(draft.url, title, draft.publishedAt ?? draft.updatedAt);
  // Built field by field (no spread, no delete): objects keep one fast shape across thousands of entries.
  const entry: ParsedEntry = { id, title, categories: draft.categories, enclosures: cleanEnclosures(draft.enclosures) };
  assign(entry, 'url', webAddress(draft.url));
  assign(entry, 'author', draft.author);
  assign(entry, 'publishedAt', draft.publishedAt);
  assign(entry, 'updatedAt', draft.updatedAt);
  // Content is resolved against its own xml:base when it has one, else the entry's link, else the feed.
  const fallbackBase = draft.url && /^https?:/i.test(draft.url) ? draft.url : feedUrl;
  const body = draft.contentHtml ?? draft.summaryHtml;
  if (draft.contentText === undefined && body !== undefined && isPlainText(body)) {
    entry.contentText = body; // a scrape with no markup reads as paragraphs, which HTML would collapse
    if (draft.contentHtml !== undefined && draft.contentHtml !== body) entry.contentHtml = resolveContentUrls(draft.contentHtml, pickBase(draft.contentBase ?? draft.base, feedUrl, fallbackBase));
    if (draft.summaryHtml !== undefined && draft.summaryHtml !== body) entry.summaryHtml = resolveContentUrls(draft.summaryHtml, pickBase(draft.summaryBase ?? draft.base, feedUrl, fallbackBase));
  } else {
    assign(entry, 'contentHtml', draft.contentHtml === undefined ? undefined : resolveContentUrls(draft.contentHtml, pickBase(draft.contentBase ?? draft.base, feedUrl, fallbackBase)));
    assign(entry, 'summaryHtml', draft.summaryHtml === undefined ? undefined : resolveContentUrls(draft.summaryHtml, pickBase(draft.summaryBase ?? draft.base, feedUrl, fallbackBase)));
    assign(entry, 'contentText', draft.contentText);
  }
  assign(entry, 'coverUrl', draft.coverUrl);
  assign(entry, 'imageMap', draft.imageMap);
  return entry;
}

/**
 * The key of an entry without an id: its link plus a hash of title and date (the hash alone without a link).
 * It depends on the entry only, never on the rest of the document: aggregators and RSSHub routes often point
 * several items at one page, and a key that changed when another item shared or stopped sharing the link
 * would store the entry again, unread. The hash tells apart entries that share a link; an entry whose link is
 * its own is found by that link when its title or date changes, and rows earlier versions keyed by the bare link
 * are recognized too (both in src/background/entry-keys.ts).
 */
export function idlessKey(url: string | undefined, title: string, date: number | undefined): string {
  const hash = stableHash(`${title}\u0000${date ?? ''}`);
  return url ? `${url}#${hash}` : hash;
}

function pickBase(declared: string | undefined, feedUrl: string, fallback: string): string {
  return declared && declared !== feedUrl ? declared : fallback;
}

function isPlainText(body: string): boolean {
  return body.includes('\n') && !/<[a-zA-Z!/]/.test(body);
}

function cleanEnclosures(raw: EntryDraft['enclosures']): Enclosure[] {
  const seen = new Set<string>();
  const out: Enclosure[] = [];
  for (const enclosure of raw) {
    if (!enclosure.url || seen.has(enclosure.url)) continue;
    seen.add(enclosure.url);
    const clean: Enclosure = { url: enclosure.url };
    if (enclosure.type) clean.type = enclosure.type;
    if (enclosure.length !== undefined && Number.isFinite(enclosure.length) && enclosure.length >= 0) clean.length = enclosure.length;
    out.push(clean);
  }
  return out;
}

/** A short stable hash for entries that have neither id nor link (stored as keys: the format never changes). */
export function stableHash(text: string): string {
  return `hash:${hashString(text)}`;
}

/** `url` when it is an http(s) address as the format mapper resolved it, else undefined. */
function webAddress(url: string | undefined): string | undefined {
  return url !== undefined && isHttpUrl(url.trim()) ? url : undefined;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}
