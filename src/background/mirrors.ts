// A feed's addresses (a mirror and its origin, or several mirrors), tried in the user's order after the one that
// served last: add one (checked, never one another feed has), remove one (never the last), reorder them, and
// test an address without storing anything.
import type { FeedRow } from '../db/model';
import { feedDisplayTitle } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { parseFeed } from '../feeds';
import { appError } from '../shared/errors';
import { CommandError } from './errors';
import { normalizeFeedUrl } from './feed-url';
import { fetchFeed } from './fetcher';
import { badRequest } from './payload';
import { firstFailureError } from './poll-state';
import { requireSiteAccess } from './site-access';
import { rejectDuplicate } from './subscribe';

async function feedOf(db: ReaderDB, feedId: number): Promise<FeedRow> {
  const feed = await db.feeds.get(feedId);
  if (!feed) throw new CommandError('no-such-feed');
  return feed;
}

/** Add `input` (as typed) as the feed's last address; returns the addresses. */
export function addFeedUrl(db: ReaderDB, feedId: number, input: string): Promise<string[]> {
  const url = normalizeFeedUrl(input);
  return db.transaction('rw', db.feeds, async () => {
    const feed = await feedOf(db, feedId);
    if (feed.urls.includes(url)) throw new CommandError('duplicate', { title: feedDisplayTitle(feed) });
    await rejectDuplicate(db, url, feedId);
    const urls = [...feed.urls, url];
    await db.feeds.update(feedId, { urls });
    return urls;
  });
}

/** Remove one of the feed's addresses (not the last one); returns the addresses left. */
export function removeFeedUrl(db: ReaderDB, feedId: number, url: string): Promise<string[]> {
  return db.transaction('rw', db.feeds, async () => {
    const feed = await feedOf(db, feedId);
    if (!feed.urls.includes(url)) throw badRequest('remove-feed-url', 'url');
    if (feed.urls.length === 1) throw new CommandError('last-url');
    const urls = feed.urls.filter((address) => address !== url);
    const patch: Partial<FeedRow> = { urls };
    // The primary address names the feed: the next one takes over. Validators belonged to the address that sent them.
    if (feed.url === url) patch.url = urls[0]!;
    if (feed.servedUrl === url) Object.assign(patch, { servedUrl: undefined, etag: undefined, lastModified: undefined });
    if (feed.redirectStreak?.from === url) patch.redirectStreak = undefined;
    await db.feeds.update(feedId, patch);
    return urls;
  });
}

/** Put the feed's addresses in the order `urls` gives (the same addresses); returns them. */
export function orderFeedUrls(db: ReaderDB, feedId: number, urls: unknown): Promise<string[]> {
  return db.transaction('rw', db.feeds, async () => {
    const feed = await feedOf(db, feedId);
    const same = Array.isArray(urls) && urls.length === feed.urls.length && new Set(urls).size === urls.length && urls.every((url) => typeof url === 'string' && feed.urls.includes(url));
    if (!same) throw badRequest('order-feed-urls', 'urls');
    const ordered = urls as string[];
    // A new first choice is what the user wants tried next, not the address that happened to serve last.
    await db.feeds.update(feedId, ordered[0] === feed.urls[0] ? { urls: ordered } : { urls: ordered, servedUrl: undefined });
    return ordered;
  });
}

/** Fetch and parse `input` without storing anything: what it serves, or the error a poll would record. */
export async function testFeedUrl(input: string, now: number = Date.now()): Promise<{ title: string; entries: number; servedUrl: string }> {
  const url = normalizeFeedUrl(input);
  await requireSiteAccess(url);
  const outcome = await fetchFeed({ url }, { now: () => now });
  if (outcome.kind === 'failed') {
    const error = firstFailureError({ error: appError(outcome.error.code, outcome.error.params), ...(outcome.retryAt === undefined ? {} : { retryAt: outcome.retryAt }) }, now);
    throw new CommandError(error.code, error.params);
  }
  if (outcome.kind !== 'fetched') throw new CommandError('internal', { detail: `first fetch answered ${outcome.kind}` });
  const parsed = parseFeed(outcome.body, { url: outcome.served.url, contentType: outcome.contentType });
  return { title: parsed.title.trim(), entries: parsed.entries.length, servedUrl: outcome.served.url };
}
