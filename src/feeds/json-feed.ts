// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1).
import { parseDate } from './dates';
import type { EntryDraft, FeedDraft } from './normalize';
import { resolveUrl } from './urls';
import { isJsonObject as isObject, str, type Json } from './json-read';

/** Whether a parsed JSON value is a JSON Feed. */
export function isJsonFeed(value: Json): boolean {
  return typeof value.version === 'string' && value.version.includes('jsonfeed.org') || Array.isArray(value.items);
}

/** Maps a JSON Feed document. */
export function parseJsonFeed(feed: Json, feedUrl: string, timeZone?: string): FeedDraft {
  const base = str(feed.feed_url) ?? feedUrl;
  const items = Array.isArray(feed.items) ? (feed.items as unknown[]) : [];
  return {
    format: 'json',
    title: str(feed.title) ?? '',
    siteUrl: resolveUrl(str(feed.home_page_url), base),
    description: str(feed.description),
    author: authorOf(feed),
    iconUrl: resolveUrl(str(feed.icon) ?? str(feed.favicon), base),
    language: str(feed.language),
    entries: items.filter(isObject).map((item): EntryDraft => {
      const url = resolveUrl(str(item.url) ?? str(item.external_url), base);
      const updated = parseDate(str(item.date_modified), timeZone);
      return {
        id: str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined),
        title: str(item.title) ?? '',
        url,
        author: authorOf(item) ?? authorOf(feed),
        publishedAt: parseDate(str(item.date_published), timeZone) ?? updated,
        updatedAt: updated,
        contentHtml: str(item.content_html),
        contentText: str(item.content_html) ? undefined : str(item.content_text),
        summaryHtml: str(item.summary),
        coverUrl: resolveUrl(str(item.image) ?? str(item.banner_image), base),
        categories: Array.isArray(item.tags) ? item.tags.filter((tag): tag is string => typeof tag === 'string') : [],
        enclosures: (Array.isArray(item.attachments) ? item.attachments : []).filter(isObject).map((attachment) => ({
          url: resolveUrl(str(attachment.url), base) ?? '',
          type: str(attachment.mime_type),
          length: typeof attachment.size_in_bytes === 'number' ? attachment.size_in_bytes : undefined,
        })),
        base: url ?? base,
      };
    }),
  };
}

// 1.1 has `authors` (a list); 1.0 has `author`.
function authorOf(value: Json): string | undefined {
  const authors = Array.isArray(value.authors) ? value.authors : [value.author];
  const first = authors.find(isObject);
  return first ? str(first.name) : undefined;
}
