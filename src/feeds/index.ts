// Entry point of the pure parsing core: bytes in, one normalized ParsedFeed out, or a FeedError.
// Pipeline: decode → detect → parse (one file per format) → normalize.
import { parseAtom } from './atom';
import { parseAtom03 } from './atom03';
import { parseCdf } from './cdf';
import { decodeBody } from './decode';
import { detectFormat } from './detect';
import { feedAlternates } from './html-alternates';
import { isJsonObject } from './json-read';
import { isJsonFeed, parseJsonFeed } from './json-feed';
import { isMirrorRecord, parseMirrorRecord } from './mirror-record';
import { FeedError } from './model';
import type { FeedMeta, ParsedFeed } from './model';
import { normalizeFeed, type FeedDraft } from './normalize';
import { parseRdf } from './rdf';
import { parseRss } from './rss';
import { parseXml } from './xml-tree';

/** The model and its one error type, re-exported so callers import from the entry point only. */
export { FeedError } from './model';
export type { Enclosure, FeedErrorCode, FeedFormat, FeedMeta, ParsedEntry, ParsedFeed } from './model';

/** Largest document accepted (bytes, or UTF-16 units for a string): bigger bodies are refused unread. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** Parses a feed document; throws FeedError (and nothing else) when it cannot. */
export function parseFeed(body: Uint8Array | ArrayBuffer | string, meta: FeedMeta): ParsedFeed {
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size > MAX_FEED_BYTES) throw new FeedError('too-large', { limitMb: MAX_FEED_BYTES / 1024 / 1024 });
  const text = decodeBody(body, meta.contentType);
  if (text.trim() === '') throw new FeedError('empty');
  return normalizeFeed(parseText(text, meta), meta.url);
}

function parseText(text: string, meta: FeedMeta): FeedDraft {
  const format = detectFormat(text);
  if (format === 'json') return parseJson(text, meta);
  if (format === 'html') throw new FeedError('not-a-feed', {}, feedAlternates(text, meta.url));
  if (format === 'unknown') {
    if (/<link\b[^>]*\balternate\b/i.test(text)) throw new FeedError('not-a-feed', {}, feedAlternates(text, meta.url));
    throw new FeedError('unknown-format');
  }
  const doc = parseXml(text, meta.url);
  if (!doc) throw new FeedError('malformed');
  if (format === 'rss') return parseRss(doc, meta.timeZone);
  if (format === 'rdf') return parseRdf(doc, meta.timeZone);
  if (format === 'cdf') return parseCdf(doc, meta.timeZone);
  const atom03 = doc.root.attrs.version === '0.3' || doc.root.attrs.xmlns === 'http://purl.org/atom/ns#';
  return atom03 ? parseAtom03(doc, meta.timeZone) : parseAtom(doc, meta.timeZone);
}

function parseJson(text: string, meta: FeedMeta): FeedDraft {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FeedError('malformed-json');
  }
  if (isJsonObject(value) && isMirrorRecord(value)) return parseMirrorRecord(value, meta.url, meta.timeZone);
  if (isJsonObject(value) && isJsonFeed(value)) return parseJsonFeed(value, meta.url, meta.timeZone);
  throw new FeedError('not-json-feed');
}
