// Which feeds to poll and how many at once: the alarm polls the due ones, Refresh polls now.
import type { FeedRow, ReaderDB } from '../db/schema';
import type { Commands } from '../shared/messages';
import { pollFeed } from './poll';
import { mapLimit } from './pool';
import { DUE_SLACK_MS } from './schedule-policy';

/** Feeds fetched at the same time; small, so a poll stays polite to shared mirror hosts and to 2-core machines. */
export const POLL_CONCURRENCY = 4;

/** Totals of one round of polling, as the refresh command replies. */
export type PollSummary = Commands['refresh']['res'];

/** Poll every feed whose nextPollAt has come (the alarm's work). `clock` is for tests. */
export async function pollDueFeeds(db: ReaderDB, clock: () => number = Date.now): Promise<PollSummary> {
  const due = await db.feeds.where('nextPollAt').belowOrEqual(clock() + DUE_SLACK_MS).toArray();
  return pollFeeds(db, due, clock);
}

/** Poll one feed, or all of them, regardless of schedule (the Refresh button). */
export async function refreshNow(db: ReaderDB, feedId?: number): Promise<PollSummary> {
  if (feedId === undefined) return pollFeeds(db, await db.feeds.toArray());
  // A feed removed in another window meanwhile: nothing to poll, and the page's list updates itself.
  const feed = await db.feeds.get(feedId);
  return pollFeeds(db, feed ? [feed] : []);
}

/** Poll `feeds` with bounded concurrency and add up the results. */
export async function pollFeeds(db: ReaderDB, feeds: readonly FeedRow[], clock: () => number = Date.now): Promise<PollSummary> {
  const results = await mapLimit(feeds, POLL_CONCURRENCY, (feed) => pollFeed(db, feed, clock));
  return {
    feeds: feeds.length,
    added: results.reduce((sum, result) => sum + result.added, 0),
    failed: results.filter((result) => result.error !== undefined).length,
  };
}
