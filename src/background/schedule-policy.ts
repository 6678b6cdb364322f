// When a feed is polled next: its interval after a success, exponential backoff after failures, never before
// a server's Retry-After. Pure: every function takes `now` and a random source, so tests use literal values.
import type { FeedRow } from '../db/model';

/** The interval when neither the feed nor the settings name one, and the shortest one allowed. */
export const DEFAULT_INTERVAL_MINUTES = 30;
export const MIN_INTERVAL_MINUTES = 5;
/** The alarm's period: the safety net that wakes the worker even when no feed is due sooner. */
export const ALARM_PERIOD_MINUTES = 15;
/** Backoff never waits longer than a day, so a feed that comes back is noticed the next day at the latest. */
export const MAX_BACKOFF_MS = 24 * 60 * 60_000;
/** A Retry-After further out than a week is a misconfigured server, not a reason to drop a feed for a year. */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 60 * 60_000;
/** Delays are spread by ±10%, so feeds imported together do not keep hitting their hosts in step. */
export const JITTER = 0.1;
/** A feed due within this margin is polled now rather than one alarm later. */
export const DUE_SLACK_MS = 60_000;
/**
 * How far a poll's claim (claimedAt, round.ts) moves nextPollAt forward before it fetches, so the alarm does not
 * take a feed that is being fetched.
 */
export const CLAIM_MS = 10 * 60_000;

/** A source of numbers in [0, 1), like Math.random. */
export type Random = () => number;

/** The interval a feed is polled at, in minutes: its own, else the global setting, never under the minimum. */
export function intervalMinutes(feedMinutes: number | undefined, globalMinutes: number = DEFAULT_INTERVAL_MINUTES): number {
  const chosen = feedMinutes ?? globalMinutes;
  return Number.isFinite(chosen) ? Math.max(chosen, MIN_INTERVAL_MINUTES) : DEFAULT_INTERVAL_MINUTES;
}

/** `delayMs` spread by ±JITTER: random() = 0 gives 90%, 0.5 gives 100%, just under 1 gives just under 110%. */
export function jittered(delayMs: number, random: Random): number {
  return Math.round(delayMs * (1 - JITTER + 2 * JITTER * random()));
}

/** nextPollAt after a successful poll (including 304 and an unchanged body). */
export function nextSuccessPoll(now: number, minutes: number, random: Random): number {
  return now + jittered(minutes * 60_000, random);
}

/** nextPollAt after the `errorCount`-th failure in a row (1 = first): 2, 4, 8… intervals, at most a day. */
export function nextBackoffPoll(now: number, errorCount: number, minutes: number, random: Random): number {
  const exponent = Math.min(Math.max(errorCount, 1), 16);
  return now + Math.min(jittered(minutes * 60_000 * 2 ** exponent, random), MAX_BACKOFF_MS);
}

/** The time a Retry-After asked for, bounded to a week from now; undefined when there was none. */
export function retryAfterLimit(now: number, retryAt: number | undefined): number | undefined {
  return retryAt === undefined ? undefined : Math.min(retryAt, now + MAX_RETRY_AFTER_MS);
}

/** Whether a server's Retry-After still holds the feed off at `now`: the one rule of the alarm and Refresh. */
export function heldByRetryAfter(feed: Pick<FeedRow, 'retryAfterUntil'>, now: number): boolean {
  return (feed.retryAfterUntil ?? 0) > now;
}

/** nextPollAt after a failure that may carry a Retry-After: the backoff, or later when the server asked. */
export function nextErrorPoll(now: number, errorCount: number, minutes: number, retryAt: number | undefined, random: Random): number {
  const backoff = nextBackoffPoll(now, errorCount, minutes, random);
  const limit = retryAfterLimit(now, retryAt);
  return limit === undefined ? backoff : Math.max(backoff, limit);
}
