// Entry point of the pure parsing core: bytes in, one normalized ParsedFeed out, or a FeedError.
import { parseFeed as parseWithFeedsmith } from 'feedsmith';
import { decodeBody } from './decode';
import { parseDate } from './dates';
import { feedAlternates, looksLikeHtml } from './html-alternates';
import { FeedError } from './model';
import type { FeedMeta, ParsedEntry, ParsedFeed } from './model';

export { FeedError } from './model';
export type { FeedMeta, ParsedEntry, ParsedFeed, FeedErrorCode, FeedFormat, Enclosure } from './model';

/** Largest document accepted (bytes or UTF-16 units): bigger bodies are refused before parsing. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;

/** Parses a feed document; throws FeedError (and nothing else) when it cannot. */
export function parseFeed(body: Uint8Array | ArrayBuffer | string, meta: FeedMeta): ParsedFeed {
  const size = typeof body === 'string' ? body.length : body.byteLength;
  if (size > MAX_FEED_BYTES) throw new FeedError('too-large', `The feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB. 订阅源超过 ${MAX_FEED_BYTES / 1024 / 1024} MB。`);
  const text = decodeBody(body, meta.contentType);
  if (text.trim() === '') throw new FeedError('empty', 'The feed is empty. 订阅源内容为空。');
  if (looksLikeHtml(text)) {
    throw new FeedError('not-a-feed', 'This address is a web page, not a feed. 此地址是网页，不是订阅源。', feedAlternates(text, meta.url));
  }
  let parsed: ReturnType<typeof parseWithFeedsmith>;
  try {
    parsed = parseWithFeedsmith(text);
  } catch {
    throw new FeedError('malformed', 'The feed could not be read: it is not valid RSS, Atom or JSON Feed. 无法解析订阅源。');
  }
  return toModel(parsed, meta);
}

type Parsed = ReturnType<typeof parseWithFeedsmith>;

function toModel(parsed: Parsed, meta: FeedMeta): ParsedFeed {
  const zone = meta.timeZone;
  if (parsed.format === 'rss') {
    const feed = parsed.feed;
    return {
      format: 'rss',
      title: feed.title ?? '',
      siteUrl: absolute(feed.link, meta.url),
      feedUrl: meta.url,
      description: feed.description,
      updatedAt: date(feed.lastBuildDate ?? feed.pubDate, zone),
      language: feed.language,
      entries: (feed.items ?? []).map((item): ParsedEntry => {
        const url = absolute(item.link, meta.url);
        const publishedAt = date(item.pubDate ?? item.dc?.dates?.[0], zone);
        return {
          id: item.guid?.value ?? url ?? fallbackId(item.title ?? '', publishedAt),
          title: item.title ?? '',
          url,
          author: text(item.authors?.[0]) ?? item.dc?.creators?.[0],
          publishedAt,
          contentHtml: item.content?.encoded,
          summaryHtml: item.description,
          categories: (item.categories ?? []).map((category) => category.name ?? '').filter((name) => name !== ''),
          enclosures: (item.enclosures ?? []).flatMap((enclosure) => {
            const href = absolute(enclosure.url, url ?? meta.url);
            return href ? [{ url: href, type: enclosure.type, length: enclosure.length }] : [];
          }),
        };
      }),
    };
  }
  if (parsed.format === 'atom') {
    const feed = parsed.feed;
    return {
      format: 'atom',
      title: text(feed.title) ?? '',
      siteUrl: absolute(alternate(feed.links), meta.url),
      feedUrl: meta.url,
      description: text(feed.subtitle),
      author: feed.authors?.[0]?.name,
      iconUrl: absolute(feed.icon, meta.url),
      updatedAt: date(feed.updated, zone),
      entries: (feed.entries ?? []).map((entry): ParsedEntry => {
        const url = absolute(alternate(entry.links), meta.url);
        const updatedAt = date(entry.updated, zone);
        const publishedAt = date(entry.published, zone) ?? updatedAt;
        return {
          id: entry.id ?? url ?? fallbackId(text(entry.title) ?? '', publishedAt),
          title: text(entry.title) ?? '',
          url,
          author: entry.authors?.[0]?.name,
          publishedAt,
          updatedAt,
          contentHtml: text(entry.content),
          summaryHtml: text(entry.summary),
          categories: (entry.categories ?? []).map((category) => category.term ?? '').filter((term) => term !== ''),
          enclosures: [],
        };
      }),
    };
  }
  throw new FeedError('malformed', 'This feed format is not supported yet. 暂不支持此订阅源格式。');
}

// feedsmith gives Atom text constructs as { value, type }.
function text(construct: { value?: string; name?: string } | string | undefined): string | undefined {
  return typeof construct === 'string' ? construct : (construct?.value ?? construct?.name);
}

// feedsmith leaves dates as the strings it read.
function date(raw: unknown, zone: string | undefined): number | undefined {
  return typeof raw === 'string' ? parseDate(raw, zone) : undefined;
}

function alternate(links: { href?: string; rel?: string }[] | undefined): string | undefined {
  return (links ?? []).find((link) => !link.rel || link.rel === 'alternate')?.href;
}

function absolute(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return href.trim();
  }
}

// Entries with neither id nor link still need a key that stays the same on every poll.
function fallbackId(title: string, publishedAt: number | undefined): string {
  let hash = 0x811c9dc5;
  const text = `${title}\u0000${publishedAt ?? ''}`;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `hash:${(hash >>> 0).toString(16)}`;
}
