// The one normalizer every format feeds: absolute URLs (links, enclosures, content), stable ids,
// plain-text bodies as contentText, and nothing undefined-but-present.
import { resolveContentUrls } from './content-urls';
import type { Enclosure, FeedFormat, ParsedEntry, ParsedFeed } from './model';

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
  assign(feed, 'siteUrl', draft.siteUrl);
  assign(feed, 'description', draft.description);
  assign(feed, 'author', draft.author);
  assign(feed, 'iconUrl', draft.iconUrl);
  assign(feed, 'language', draft.language);
  assign(feed, 'updatedAt', draft.updatedAt);
  assign(feed, 'publishedAt', draft.publishedAt);
  return feed;
}

function normalizeEntry(draft: EntryDraft, feedUrl: string): ParsedEntry {
  const { contentBase, summaryBase, base, enclosures, id, ...rest } = draft;
  const entry: ParsedEntry = { ...stripUndefined(rest), id: '', title: draft.title.trim(), categories: draft.categories, enclosures: cleanEnclosures(enclosures) };
  // Content is resolved against its own xml:base when it has one, else the entry's link, else the feed.
  const fallbackBase = draft.url && /^https?:/i.test(draft.url) ? draft.url : feedUrl;
  if (draft.contentHtml !== undefined) entry.contentHtml = resolveContentUrls(draft.contentHtml, pickBase(contentBase ?? base, feedUrl, fallbackBase));
  if (draft.summaryHtml !== undefined) entry.summaryHtml = resolveContentUrls(draft.summaryHtml, pickBase(summaryBase ?? base, feedUrl, fallbackBase));
  asPlainText(entry);
  entry.id = id?.trim() || draft.url || stableHash(`${entry.title}\u0000${draft.publishedAt ?? draft.updatedAt ?? ''}`);
  return entry;
}

function pickBase(declared: string | undefined, feedUrl: string, fallback: string): string {
  return declared && declared !== feedUrl ? declared : fallback;
}

// A scrape with no markup reads as paragraphs, which HTML rendering would collapse into one.
function asPlainText(entry: ParsedEntry): void {
  const body = entry.contentHtml ?? entry.summaryHtml;
  if (entry.contentText !== undefined || body === undefined || !body.includes('\n') || /<[a-zA-Z!/]/.test(body)) return;
  entry.contentText = body;
  if (entry.contentHtml === body) delete entry.contentHtml;
  if (entry.summaryHtml === body) delete entry.summaryHtml;
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

/** A short stable hash (FNV-1a, 32 bits twice) for entries that have neither id nor link. */
export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return `hash:${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}

function stripUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined || value[key] === '') delete value[key];
  return value;
}
