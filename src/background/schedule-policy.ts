// When a feed is polled next: a fixed interval after success, exponential backoff after failures.

/** How often a healthy feed is polled, and how often the alarm wakes the worker to look for due feeds. */
export const POLL_INTERVAL_MS = 30 * 60_000;
export const ALARM_PERIOD_MINUTES = 15;
/** Backoff never waits longer than a day, so a feed that comes back is noticed the next day at the latest. */
export const MAX_BACKOFF_MS = 24 * 60 * 60_000;
/** A feed due within this margin is polled now rather than one alarm period later. */
export const DUE_SLACK_MS = 60_000;

/** nextPollAt after a successful poll (including 304 Not Modified). */
export function nextPollAfterSuccess(now: number): number {
  return now + POLL_INTERVAL_MS;
}

/** nextPollAt after the `errorCount`-th failure in a row (1 = first): 1 h, 2 h, 4 h … capped at a day. */
export function nextPollAfterFailure(now: number, errorCount: number): number {
  const exponent = Math.min(Math.max(errorCount, 1), 16);
  return now + Math.min(POLL_INTERVAL_MS * 2 ** exponent, MAX_BACKOFF_MS);
}
