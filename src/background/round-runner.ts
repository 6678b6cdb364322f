// Polls the stored round's feeds through the polite pool until none is left, then finishes the round. One runner
// per database in a worker; a Refresh during a round extends it and pokes the runner instead of starting a
// second one, and a Refresh of a feed the round polled already polls it again. The runner holds nothing the
// database does not: a new worker resumes from the stored round.
import type { FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import type { RoundStatus } from '../db/status';
import { pollFeed, firstHost, type PollDeps, type PollResult } from './poll';
import { PollPool } from './pool';
import { finishRound, pendingFeeds } from './round';
import { cachedSiteAccess } from './site-access';
import { WriteQueue } from './write-queue';

/** Fetches at once in a round, and per host: polite to shared mirror hosts and to 2-core machines. */
export const POLL_CONCURRENCY = 6;
export const PER_HOST = 2;

const SKIPPED: PollResult = { added: 0, addedIds: [], skipped: true };

/** One worker's run through the stored round. */
export class RoundRunner {
  /** Resolves with the round as it finished (undefined when there was none). */
  readonly done: Promise<RoundStatus | undefined>;
  /** Set (under `serial`) once the round is finished: a Refresh must then start a new runner. */
  finished = false;
  private readonly attempted = new Set<number>();
  /** Feeds whose poll in this run is over (recorded or skipped). */
  private readonly settled = new Set<number>();
  private readonly results = new Map<number, { promise: Promise<PollResult>; resolve(result: PollResult): void }>();
  private readonly pool: PollPool<FeedRow>;
  private readonly hosts = new Map<number, string>();
  private readonly siteAccess = cachedSiteAccess();
  private readonly writes: WriteQueue;

  /** `serial` runs the round's finish apart from a Refresh opening or extending a round (scheduler.ts). */
  constructor(
    private readonly db: ReaderDB,
    private readonly deps: Omit<PollDeps, 'hosts'>,
    private readonly serial: <R>(step: () => Promise<R>) => Promise<R>,
  ) {
    this.writes = new WriteQueue(db, [db.feeds, db.status]);
    this.pool = new PollPool<FeedRow>({
      fetches: POLL_CONCURRENCY,
      perHost: PER_HOST,
      hostOf: (feed) => this.hosts.get(feed.id) ?? '',
      run: async (feed, hosts) => {
        const result = await pollFeed(this.db, feed.id, { ...this.deps, hosts, siteAccess: this.siteAccess, writes: (write) => this.writes.run(write) });
        this.settled.add(feed.id);
        this.deferred(feed.id).resolve(result);
      },
    });
    this.done = this.run();
  }

  /** The result of polling `feedId` in this run (skipped when the run ends without it). */
  result(feedId: number): Promise<PollResult> {
    return this.deferred(feedId).promise;
  }

  /**
   * Queue what the stored round holds that this run has not taken yet; `first` ids go before the queue, and
   * one the round polled already (in this run or in a worker before) is polled again, with a result of its own.
   */
  async poke(first: readonly number[] = []): Promise<void> {
    const pending = await pendingFeeds(this.db);
    if (!pending) return;
    const fresh = pending.feeds.filter((feed) => !this.attempted.has(feed.id));
    const polled = first.filter((id) => !fresh.some((feed) => feed.id === id) && (this.settled.has(id) || !this.attempted.has(id)));
    const again = (await this.db.feeds.bulkGet(polled)).filter((feed): feed is FeedRow => feed !== undefined);
    for (const feed of again) {
      this.settled.delete(feed.id);
      this.results.delete(feed.id);
    }
    for (const feed of [...fresh, ...again]) {
      this.attempted.add(feed.id);
      this.hosts.set(feed.id, firstHost(feed));
    }
    this.pool.add(fresh.filter((feed) => !first.includes(feed.id)));
    // Queued already (a Refresh of all feeds, then of this one): it moves to the front.
    this.pool.promote((feed) => first.includes(feed.id));
    this.pool.add([...fresh, ...again].filter((feed) => first.includes(feed.id)), true);
  }

  private async run(): Promise<RoundStatus | undefined> {
    try {
      for (;;) {
        await this.poke();
        await this.pool.idle();
        // Finished only when every feed the stored round holds was taken: a Refresh may have added some.
        const finished = await this.serial(async () => {
          const result = await finishRound(this.db, this.deps.now(), (id) => this.attempted.has(id));
          if (result !== 'more') this.finished = true;
          return result;
        });
        if (finished !== 'more') return finished;
      }
    } finally {
      for (const entry of this.results.values()) entry.resolve(SKIPPED);
    }
  }

  private deferred(feedId: number) {
    let entry = this.results.get(feedId);
    if (!entry) {
      let resolve!: (result: PollResult) => void;
      const promise = new Promise<PollResult>((done) => (resolve = done));
      entry = { promise, resolve };
      this.results.set(feedId, entry);
    }
    return entry;
  }
}
