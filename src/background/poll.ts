// One feed poll: claim it, try its addresses in order (the one that served last time first) until one gives a
// feed, and record what came of it. A failing address falls through to the next; an unchanged feed (304, or
// the same body hash) costs no parse and no entry write. Never throws.
import type { FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { FeedError, parseFeed, type ParsedFeed } from '../feeds';
import { appError } from '../shared/errors';
import { fetchFeed, type FetchOutcome } from './fetcher';
import { recordFailure, recordSuccess, type PollResult } from './poll-record';
import { alone, type Writes } from './write-queue';
import type { Failure, PollTiming } from './poll-state';
import type { HostSlots } from './pool';
import { isQuotaError, withRoom } from './quota';
import type { WatchRedirects } from './redirect-watch';
import { CLAIM_MS, intervalMinutes, type Random } from './schedule-policy';
import { hasSiteAccess } from './site-access';

export type { PollResult } from './poll-record';

/** What a poll needs besides the database. */
export interface PollDeps {
  hosts: HostSlots;
  /** The global interval (settings.pollIntervalMinutes). */
  defaultMinutes: number;
  now: () => number;
  random: Random;
  watchRedirects?: WatchRedirects;
  /** Whether the extension may read a site (cached for a round). */
  siteAccess?: (url: string) => Promise<boolean>;
  /** Runs a small write on feeds and status, batched with others (write-queue.ts); alone when absent. */
  writes?: Writes;
  /** Per-fetch timeout (tests shorten it). */
  timeoutMs?: number;
}

/** The addresses to try, in order: the one that served last, then the rest in the user's order. */
export function addressesToTry(feed: Pick<FeedRow, 'url' | 'urls' | 'servedUrl'>): string[] {
  const urls = feed.urls.length > 0 ? feed.urls : [feed.url];
  return feed.servedUrl && urls.includes(feed.servedUrl) ? [feed.servedUrl, ...urls.filter((url) => url !== feed.servedUrl)] : [...urls];
}

/** The host whose slot the feed's first fetch takes. */
export function firstHost(feed: Pick<FeedRow, 'url' | 'urls' | 'servedUrl'>): string {
  return new URL(addressesToTry(feed)[0] ?? feed.url).hostname;
}

/** Poll feed `feedId` now. A feed removed or paused meanwhile is skipped. */
export async function pollFeed(db: ReaderDB, feedId: number, deps: PollDeps): Promise<PollResult> {
  // The claim: a worker killed during the fetch resumes with other feeds and comes back to this one last.
  const writes = deps.writes ?? alone(db);
  const claimedAt = deps.now();
  const claim = () =>
    writes(async () => {
      await db.feeds
        .where(':id')
        .equals(feedId)
        .modify((stored) => void (stored.paused === 0 && Object.assign(stored, { claimedAt, nextPollAt: claimedAt + CLAIM_MS })));
      return db.feeds.get(feedId);
    });
  let feed: FeedRow | undefined;
  try {
    // A full disk is handled as for the poll's own write: make room, try once more.
    feed = await withRoom(db, claimedAt, claim);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    // Still full: nothing can be written, not even the error; the feed stays due and the notice tells the user.
    return { added: 0, addedIds: [], error: appError('storage-full') };
  }
  if (!feed || feed.paused === 1) return { added: 0, addedIds: [], skipped: true };
  const timing = (): PollTiming => ({ now: deps.now(), minutes: intervalMinutes(feed.intervalMinutes, deps.defaultMinutes), random: deps.random });
  const failures: Failure[] = [];
  for (const url of addressesToTry(feed)) {
    const attempt = await tryAddress(feed, url, deps);
    if ('failure' in attempt) {
      failures.push(attempt.failure);
      continue;
    }
    return recordSuccess(db, feed, url, attempt.outcome, attempt.parsed, timing(), writes);
  }
  return recordFailure(db, feed, chooseFailure(failures), timing(), writes);
}

type Success = Exclude<FetchOutcome, { kind: 'failed' }>;
type Attempt = { outcome: Success; parsed?: ParsedFeed } | { failure: Failure };

async function tryAddress(feed: FeedRow, url: string, deps: PollDeps): Promise<Attempt> {
  const host = new URL(url).host;
  if (!(await (deps.siteAccess ?? hasSiteAccess)(url))) return { failure: { error: appError('no-access', { host }) } };
  // Validators belong to the address that sent them; the body hash holds for any mirror of the same document.
  const validators = url === feed.servedUrl ? { etag: feed.etag, lastModified: feed.lastModified } : {};
  const outcome = await deps.hosts.withHost(new URL(url).hostname, () =>
    fetchFeed({ url, ...validators, bodyHash: feed.bodyHash }, { watchRedirects: deps.watchRedirects, redirectExpected: feed.redirectStreak?.from === url, now: deps.now, timeoutMs: deps.timeoutMs }),
  );
  if (outcome.kind === 'failed') return { failure: { error: appError(outcome.error.code, outcome.error.params), ...(outcome.retryAt === undefined ? {} : { retryAt: outcome.retryAt }) } };
  if (outcome.kind !== 'fetched') return { outcome };
  try {
    return { outcome, parsed: parseFeed(outcome.body, { url: outcome.served.url, contentType: outcome.contentType, timeZone: feed.timeZone }) };
  } catch (error) {
    // A mirror serving a maintenance page is a failing address like any other.
    if (error instanceof FeedError) return { failure: { error: appError(error.code, error.params, error.alternates) } };
    return { failure: { error: appError('internal', { detail: error instanceof Error ? error.message : String(error) }) } };
  }
}

/**
 * The failure to record when every address failed: 'gone' only when every address said 410 (a dead mirror
 * must not pause a feed whose origin lives), otherwise the first address's failure — waiting until the latest
 * Retry-After any address sent, so a rate-limited origin behind a broken mirror is left alone until then.
 */
function chooseFailure(failures: readonly Failure[]): Failure {
  const first = failures[0] ?? { error: appError('internal', { detail: 'no address' }) };
  const chosen = first.error.code === 'gone' && !failures.every((failure) => failure.error.code === 'gone') ? failures.find((failure) => failure.error.code !== 'gone')! : first;
  const retryAts = failures.flatMap((failure) => (failure.retryAt === undefined ? [] : [failure.retryAt]));
  return retryAts.length === 0 ? chosen : { ...chosen, retryAt: Math.max(...retryAts) };
}
