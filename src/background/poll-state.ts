// A poll's bookkeeping on the feed row: what a success resets, what a failure counts.
import type { FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import type { AppError } from '../shared/errors';
import { nextPollAfterFailure, nextPollAfterSuccess } from './schedule-policy';

/** What every successful poll writes. `lastError: undefined` deletes the field. */
export function successPatch(now: number): Partial<FeedRow> {
  return { lastFetchedAt: now, lastSuccessAt: now, errorCount: 0, lastError: undefined, nextPollAt: nextPollAfterSuccess(now) };
}

/** A 304 Not Modified: the feed is healthy, nothing to store. */
export async function recordNotModified(db: ReaderDB, feedId: number, now: number): Promise<void> {
  await db.feeds.update(feedId, successPatch(now));
}

/** A failed poll: count it, keep the error for the pages, back off. Returns the new errorCount. */
export async function recordFailure(db: ReaderDB, feedId: number, error: AppError, now: number): Promise<number> {
  return db.transaction('rw', db.feeds, async () => {
    const feed = await db.feeds.get(feedId);
    if (!feed) return 0;
    const errorCount = feed.errorCount + 1;
    await db.feeds.update(feedId, { errorCount, lastError: error, lastFetchedAt: now, nextPollAt: nextPollAfterFailure(now, errorCount) });
    return errorCount;
  });
}
