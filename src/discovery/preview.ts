// A parsed feed → the preview the options page shows before subscribing: title and latest entries.
import type { ParsedFeed } from '../feeds/model';
import type { FeedPreview, PreviewEntry } from './model';

/** How many entries a preview lists. */
export const PREVIEW_ENTRIES = 5;

/** The preview of `parsed`, fetched from `url`: the newest dated entries first, undated ones in document order. */
export function feedPreview(parsed: ParsedFeed, url: string, limit = PREVIEW_ENTRIES): FeedPreview {
  const entries = parsed.entries.map((entry, index) => ({ entry, index, at: entry.publishedAt ?? entry.updatedAt }));
  entries.sort((a, b) => {
    if (a.at !== undefined && b.at !== undefined) return b.at - a.at || a.index - b.index;
    if (a.at !== undefined || b.at !== undefined) return a.at === undefined ? 1 : -1;
    return a.index - b.index;
  });
  const preview: FeedPreview = {
    url,
    title: parsed.title.trim(),
    format: parsed.format,
    entryCount: parsed.entries.length,
    entries: entries.slice(0, limit).map(({ entry, at }) => {
      const item: PreviewEntry = { title: entry.title.trim() };
      if (entry.url !== undefined) item.url = entry.url;
      if (at !== undefined) item.publishedAt = at;
      return item;
    }),
  };
  if (parsed.siteUrl !== undefined) preview.siteUrl = parsed.siteUrl;
  return preview;
}
