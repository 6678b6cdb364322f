// The worker's one scheduler per database, wired to the browser: the real alarm, webRequest's view of
// redirects, the after-round steps.
import type { ReaderDB } from '../db/schema';
import { armPollAlarm } from './alarm';
import { webRequestRedirects } from './redirect-watch';
import { afterRound } from './round-end';
import { createScheduler, type Scheduler } from './scheduler';

const schedulers = new Map<ReaderDB, Scheduler>();

/** Start a round of the feeds due now (a resumed or imported one); not awaited: the command has its answer. */
export function pollDueNow(db: ReaderDB, after: string): void {
  void schedulerFor(db)
    .onAlarm()
    .catch((error: unknown) => console.error(`[mirror-reader] polling after ${after} failed`, error));
}

/** The scheduler of `db` in this worker. */
export function schedulerFor(db: ReaderDB): Scheduler {
  let scheduler = schedulers.get(db);
  if (!scheduler) {
    scheduler = createScheduler(db, { now: Date.now, random: Math.random, armAlarm: armPollAlarm, afterRound: (round) => afterRound(db, round), watchRedirects: webRequestRedirects() });
    schedulers.set(db, scheduler);
  }
  return scheduler;
}
