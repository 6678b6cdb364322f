// When feeds are polled: the alarm starts a round of the due ones, Refresh one of every feed (or polls one
// now), and a worker that starts while a round is unfinished resumes it. A Refresh during a round extends it.
// Rounds run under a keepalive, whose tick also moves the alarm RESUME_MS ahead: a killed worker is woken to
// finish. Command replies wait at most REPLY_WAIT_MS, under Chrome's 5-minute limit for one request.
import { feedDisplayTitle } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { readSettings } from '../db/settings';
import type { RoundStatus } from '../db/status';
import type { Commands } from '../shared/messages';
import { RESUME_MS, type ArmAlarm } from './alarm';
import { CommandError } from './errors';
import { keepAlive } from './keepalive';
import type { WatchRedirects } from './redirect-watch';
import { activeRound, openRound } from './round';
import { RoundRunner } from './round-runner';
import { ALARM_PERIOD_MINUTES, DUE_SLACK_MS, heldByRetryAfter, type Random } from './schedule-policy';

/** Totals of a round, as the refresh command replies. */
export type PollSummary = Commands['refresh']['res'];

/** A Refresh replies after this long even if its round goes on (the popup shows the progress live). */
export const REPLY_WAIT_MS = 4 * 60_000;

/** What the scheduler needs from the worker (tests give their own clock, dice and alarm). */
export interface SchedulerDeps {
  now: () => number;
  random: Random;
  armAlarm: ArmAlarm;
  /** After each finished round: notifications, retention, the badge (round-end.ts). */
  afterRound(round: RoundStatus): Promise<void>;
  watchRedirects?: WatchRedirects;
  timeoutMs?: number;
  keepAliveMs?: number;
  replyWaitMs?: number;
}

/** The worker's scheduler over one database. */
export interface Scheduler {
  refresh(feedId?: number): Promise<PollSummary>;
  /** The alarm fired: resume the round, or start one of the due feeds. */
  onAlarm(): Promise<void>;
  /** The worker started: resume an unfinished round. */
  resume(): Promise<void>;
  /** Resolves when no round runs in this worker (tests). */
  idle(): Promise<void>;
}

/** A scheduler for `db`. */
export function createScheduler(db: ReaderDB, deps: SchedulerDeps): Scheduler {
  let runner: RoundRunner | undefined;
  let running: Promise<void> = Promise.resolve();
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <R>(step: () => Promise<R>): Promise<R> => {
    const next = chain.then(step);
    chain = next.catch(() => undefined);
    return next;
  };

  /** The live runner, or a new one when the stored round has none here. Call under `serial`. */
  async function ensureRunner(): Promise<RoundRunner> {
    if (runner && !runner.finished) return runner;
    const settings = await readSettings(db);
    const started = new RoundRunner(db, { defaultMinutes: settings.pollIntervalMinutes, now: deps.now, random: deps.random, watchRedirects: deps.watchRedirects, timeoutMs: deps.timeoutMs }, serial);
    runner = started;
    const tick = () => deps.armAlarm(deps.now() + RESUME_MS);
    running = keepAlive(started.done, tick, deps.keepAliveMs)
      .then(async (round) => {
        if (round) await deps.afterRound(round);
      })
      .catch((error: unknown) => console.error('[mirror-reader] a round failed', error))
      // Nothing awaits `running` but idle(): a failure to arm the alarm (the database closed meanwhile) must not
      // become an unhandled rejection; the next start of the worker arms it again.
      .finally(() => armNext().catch((error: unknown) => console.warn('[mirror-reader] arming the next alarm failed', error)));
    await tick();
    return started;
  }

  /** After a round: the alarm at the next feed's due time, at least half a minute away. */
  async function armNext(): Promise<void> {
    if (runner && !runner.finished) return;
    const now = deps.now();
    const next = await db.feeds.orderBy('nextPollAt').filter((feed) => feed.paused === 0).first();
    await deps.armAlarm(Math.max(next?.nextPollAt ?? now + ALARM_PERIOD_MINUTES * 60_000, now + RESUME_MS));
  }

  async function waitCapped<T>(promise: Promise<T>): Promise<T | undefined> {
    let stop!: () => void;
    const cap = new Promise<undefined>((resolve) => (stop = () => resolve(undefined)));
    const timer = setTimeout(stop, deps.replyWaitMs ?? REPLY_WAIT_MS);
    try {
      return await Promise.race([promise, cap]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function refreshOne(feedId: number): Promise<PollSummary> {
    const now = deps.now();
    const feed = await db.feeds.get(feedId);
    if (!feed) throw new CommandError('no-such-feed');
    if (feed.paused === 1) throw new CommandError('paused', { title: feedDisplayTitle(feed) });
    if (heldByRetryAfter(feed, now)) {
      const status = feed.lastError?.params?.status ?? 429;
      throw new CommandError('rate-limited', { host: new URL(feed.servedUrl ?? feed.url).host, status, minutes: Math.ceil((feed.retryAfterUntil! - now) / 60_000) });
    }
    const started = await serial(async () => {
      await openRound(db, [feedId], now);
      return ensureRunner();
    });
    await started.poke([feedId]);
    const result = await waitCapped(started.result(feedId));
    return { feeds: 1, added: result?.added ?? 0, failed: result?.error ? 1 : 0 };
  }

  async function refreshAll(): Promise<PollSummary> {
    const now = deps.now();
    const feeds = (await db.feeds.toArray()).filter((feed) => feed.paused === 0);
    // A server's Retry-After holds Refresh off too: those feeds keep the rate-limited error they have.
    const held = feeds.filter((feed) => heldByRetryAfter(feed, now)).length;
    const ids = feeds.filter((feed) => !heldByRetryAfter(feed, now)).map((feed) => feed.id);
    if (ids.length === 0) return { feeds: held, added: 0, failed: held };
    const started = await serial(async () => {
      await openRound(db, ids, now);
      return ensureRunner();
    });
    await started.poke();
    const round = (await waitCapped(started.done)) ?? (await activeRound(db));
    return { feeds: ids.length + held, added: round?.added ?? 0, failed: (round?.failed ?? 0) + held };
  }

  return {
    refresh: (feedId) => (feedId === undefined ? refreshAll() : refreshOne(feedId)),
    async onAlarm() {
      if (runner && !runner.finished) return;
      const now = deps.now();
      // Due within the slack, but never before a server's Retry-After (the alarm is armed again for it).
      const due = (await db.feeds.where('nextPollAt').belowOrEqual(now + DUE_SLACK_MS).toArray()).filter((feed) => feed.paused === 0 && !heldByRetryAfter(feed, now));
      const started = await serial(async () => {
        if (due.length > 0) await openRound(db, due.map((feed) => feed.id), now);
        return (await activeRound(db)) ? ensureRunner() : undefined;
      });
      if (started) await started.poke();
      else await armNext();
    },
    async resume() {
      const started = await serial(async () => ((await activeRound(db)) ? ensureRunner() : undefined));
      await started?.poke();
    },
    idle: async () => {
      await running;
    },
  };
}
