// Worker tests against the fault-injecting feed server: a scheduler with a fixed clock, fixed dice and an alarm
// that only records, and feeds subscribed as rows pointing at the server.
import { vi } from 'vitest';
import type { FeedRow } from '../../../src/db/model';
import type { ReaderDB } from '../../../src/db/schema';
import { createScheduler, type Scheduler, type SchedulerDeps } from '../../../src/background/scheduler';
import { addFeedRow } from './helpers';

/** 10:00 UTC on 6 January 2025: every expected time in these tests is written from it. */
export const NOW = Date.UTC(2025, 0, 6, 10, 0, 0);
export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** A scheduler for tests: the clock says `clock.now`, jitter is always 100%, the alarm is a spy. */
export function testScheduler(db: ReaderDB, overrides: Partial<SchedulerDeps> = {}): { scheduler: Scheduler; clock: { now: number }; armAlarm: ReturnType<typeof vi.fn>; afterRound: ReturnType<typeof vi.fn> } {
  const clock = { now: NOW };
  const armAlarm = vi.fn(async (_when: number) => undefined);
  const afterRound = vi.fn(async () => undefined);
  const scheduler = createScheduler(db, { now: () => clock.now, random: () => 0.5, armAlarm, afterRound, timeoutMs: 1500, ...overrides });
  return { scheduler, clock, armAlarm, afterRound };
}

/** A feed row at `url` (its only address, where it was served from last), due now unless `fields` say otherwise. */
export async function feedAt(db: ReaderDB, url: string, fields: Partial<FeedRow> = {}): Promise<number> {
  return addFeedRow(db, { url, urls: [url], servedUrl: url, nextPollAt: NOW, ...fields });
}

/** Keys of a feed's stored entries, sorted. */
export async function keysOf(db: ReaderDB, feedId: number): Promise<string[]> {
  return (await db.entries.filter((row) => row.feedId === feedId).toArray()).map((row) => row.key).sort();
}
