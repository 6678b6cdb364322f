// A poll's bookkeeping on the feed row: what a success resets, what a failure counts, when each polls next;
// both end the poll's claim.
// Pure: the poll writes these patches in the same transaction as the entries (or alone, for a 304).
import type { FeedRow } from '../db/model';
import { appError, type AppError } from '../shared/errors';
import { DEFAULT_INTERVAL_MINUTES, nextErrorPoll, nextSuccessPoll, retryAfterLimit, type Random } from './schedule-policy';

/** The clock, the dice and the feed's interval (minutes) for one poll. */
export interface PollTiming {
  now: number;
  minutes: number;
  random: Random;
}

/** What every successful poll writes (a 200, an unchanged body, a 304). `undefined` deletes the field. */
export function successPatch({ now, minutes, random }: PollTiming): Partial<FeedRow> {
  return { lastFetchedAt: now, lastSuccessAt: now, errorCount: 0, lastError: undefined, retryAfterUntil: undefined, claimedAt: undefined, nextPollAt: nextSuccessPoll(now, minutes, random) };
}

/** What resuming a feed writes, the one resume for every path (update-feed's `paused: false`, so Resume and
 * "Subscribe again"; subscribing to a removed feed's address; an OPML file listing it): any pause cleared — the user's, a 410 Gone's, a
 * removal's — and due at once (the caller then polls what is due, pollDueNow). */
export const RESUMED: Readonly<Partial<FeedRow>> = { paused: 0, pauseReason: undefined, nextPollAt: 0, retryAfterUntil: undefined };

/** A failed poll: its error, and the time the server asked to wait until (Retry-After) if it did. */
export interface Failure {
  error: AppError;
  retryAt?: number;
}

/**
 * What a failed poll writes: the error count, the error, the backoff. 410 Gone pauses the feed until the user
 * resumes it; a Retry-After holds off every poll, Refresh included, until then (at most a week).
 */
export function failurePatch(feed: Pick<FeedRow, 'errorCount'>, failure: Failure, { now, minutes, random }: PollTiming): Partial<FeedRow> {
  const errorCount = feed.errorCount + 1;
  if (failure.error.code === 'gone') return { errorCount, lastError: failure.error, lastFetchedAt: now, paused: 1, pauseReason: 'gone', retryAfterUntil: undefined, claimedAt: undefined };
  const retryAfterUntil = retryAfterLimit(now, failure.retryAt);
  const nextPollAt = nextErrorPoll(now, errorCount, minutes, retryAfterUntil, random);
  // The wait is part of what the user reads: "asks again after 60 min".
  const error = failure.error.code === 'rate-limited' ? appError('rate-limited', { ...failure.error.params, minutes: Math.ceil((nextPollAt - now) / 60_000) }) : failure.error;
  return { errorCount, lastError: error, lastFetchedAt: now, nextPollAt, retryAfterUntil, claimedAt: undefined };
}

/** A failed one-off fetch (subscribe, testing an address) as the error it reports, worded as a first failure. */
export function firstFailureError(failure: Failure, now: number): AppError {
  return failurePatch({ errorCount: 0 }, failure, { now, minutes: DEFAULT_INTERVAL_MINUTES, random: () => 0.5 }).lastError!;
}
