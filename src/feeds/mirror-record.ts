// The mirroring job's JSON record (seed 000): { feed: {name, url, icon, icon_jsdelivr, …},
// toInsertArticleList: [{ title, link, description, publishedDate, bgimg, linkMd5, articleImgCdnMap, … }] }.
import { parseDate } from './dates';
import { plainTitle } from './html-text';
import type { EntryDraft, FeedDraft } from './normalize';
import { resolveUrl } from './urls';
import { isJsonObject, str, type Json } from './json-read';

/** The job writes naive local times in China Standard Time. */
export const MIRROR_TIME_ZONE = '+08:00';

/** Whether a parsed JSON value is a mirror record. */
export function isMirrorRecord(value: Json): boolean {
  return Array.isArray(value.toInsertArticleList) || (isJsonObject(value.feed) && isJsonObject(value.record));
}

/** Maps a mirror record; naive dates are read in `timeZone`, else +08:00. */
export function parseMirrorRecord(record: Json, feedUrl: string, timeZone = MIRROR_TIME_ZONE): FeedDraft {
  const feed = isJsonObject(record.feed) ? record.feed : {};
  const articles = Array.isArray(record.toInsertArticleList) ? record.toInsertArticleList.filter(isJsonObject) : [];
  const origin = str(feed.url);
  return {
    format: 'mirror-record',
    title: str(feed.name) ?? '',
    siteUrl: resolveUrl(str(feed.website) ?? str(feed.link), origin ?? feedUrl),
    description: str(feed.description),
    iconUrl: resolveUrl(str(feed.icon_jsdelivr) ?? str(feed.icon), origin ?? feedUrl),
    entries: articles.map((article) => mirrorArticle(article, origin ?? feedUrl, timeZone)),
  };
}

function mirrorArticle(article: Json, base: string, timeZone: string): EntryDraft {
  const url = resolveUrl(str(article.link), base);
  const html = !/plain/i.test(str(article.descriptionType) ?? '');
  const description = typeof article.description === 'string' ? article.description : undefined;
  const published = parseDate(str(article.publishedDate), timeZone)
    ?? (typeof article.publishedOrCreatedDate === 'number' ? article.publishedOrCreatedDate : undefined)
    ?? parseDate(str(article.createdTime), timeZone);
  return {
    id: str(article.linkMd5),
    // The mirror copies the source feed's title as the feed wrote it, HTML or not.
    title: plainTitle(str(article.title) ?? ''),
    url,
    author: str(article.author),
    publishedAt: published,
    contentHtml: html ? description : undefined,
    contentText: html ? undefined : description,
    coverUrl: resolveUrl(str(article.bgimg), url ?? base),
    imageMap: imageMap(article.articleImgCdnMap),
    categories: [],
    enclosures: [],
    base: url ?? base,
  };
}

// Original image URL → CDN copy; null (no copy) is kept so the reader knows not to look for one.
function imageMap(raw: unknown): Record<string, string | null> | undefined {
  if (!isJsonObject(raw)) return undefined;
  const map: Record<string, string | null> = {};
  for (const [original, copy] of Object.entries(raw)) {
    if (typeof copy === 'string' && copy.trim() !== '') map[original] = copy.trim();
    else if (copy === null) map[original] = null;
  }
  return map;
}
