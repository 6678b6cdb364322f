// A round of polling as stored in the `status` table: which feeds it holds, how far it got. Every poll bumps
// the counters in the transaction that records it, so after a kill the round resumes exactly where it was and
// the popup's progress never runs backwards. A feed counts as done once its lastFetchedAt reaches the round's
// start; feeds whose poll was cut off (claimedAt still set: possibly a hung server) come last when it resumes.
import type { FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import type { RoundFeedsStatus, RoundStatus } from '../db/status';

/** The tables a round bump writes; a recording transaction must include them. */
export function roundTables(db: ReaderDB) {
  return [db.status];
}

/** The round in progress, if any. */
export async function activeRound(db: ReaderDB): Promise<RoundStatus | undefined> {
  const round = (await db.status.get('round')) as RoundStatus | undefined;
  return round && round.finishedAt === undefined ? round : undefined;
}

/** Start a round of `feedIds`, or add them to the round in progress; returns the round. */
export function openRound(db: ReaderDB, feedIds: readonly number[], now: number): Promise<RoundStatus> {
  return db.transaction('rw', db.status, async () => {
    const running = await activeRound(db);
    const known = running ? (((await db.status.get('round-feeds')) as RoundFeedsStatus | undefined)?.feedIds ?? []) : [];
    const ids = [...new Set([...known, ...feedIds])];
    const round: RoundStatus = running ? { ...running, total: ids.length } : { key: 'round', startedAt: now, total: ids.length, done: 0, added: 0, failed: 0, notify: {} };
    await db.status.bulkPut([round, { key: 'round-feeds', feedIds: ids }]);
    return round;
  });
}

/** The round's feeds still to poll, unclaimed ones first (each group by nextPollAt), or nothing when no round runs. */
export async function pendingFeeds(db: ReaderDB): Promise<{ round: RoundStatus; feeds: FeedRow[] } | undefined> {
  const round = await activeRound(db);
  if (!round) return undefined;
  const ids = ((await db.status.get('round-feeds')) as RoundFeedsStatus | undefined)?.feedIds ?? [];
  const feeds = (await db.feeds.bulkGet(ids)).filter((feed): feed is FeedRow => feed !== undefined && isPending(feed, round));
  const claimed = (feed: FeedRow) => (feed.claimedAt === undefined ? 0 : 1);
  return { round, feeds: feeds.sort((a, b) => claimed(a) - claimed(b) || a.nextPollAt - b.nextPollAt) };
}

/** What one poll adds to the round's counters. */
export interface RoundBump {
  /** The feed as it was before this poll was recorded. */
  feed: Pick<FeedRow, 'id' | 'notify' | 'lastFetchedAt'>;
  added: number;
  addedIds: readonly number[];
  failed: boolean;
}

/** Count finished polls into the round (one read, one write); call inside their recording transaction. A feed
 * polled again in the round (a Refresh of it) adds its entries but is not counted done twice. */
export async function bumpRound(db: ReaderDB, bumps: readonly RoundBump[]): Promise<void> {
  const round = await activeRound(db);
  if (!round || bumps.length === 0) return;
  const next: RoundStatus = { ...round, notify: { ...round.notify } };
  for (const bump of bumps) {
    const again = (bump.feed.lastFetchedAt ?? -Infinity) >= round.startedAt;
    next.done = again ? next.done : Math.min(next.done + 1, next.total);
    next.added += bump.added;
    next.failed += bump.failed && !again ? 1 : 0;
    if (bump.feed.notify === 1 && bump.added > 0) {
      next.notify[bump.feed.id] = (next.notify[bump.feed.id] ?? 0) + bump.added;
      next.notifyEntryId = Math.max(next.notifyEntryId ?? 0, ...bump.addedIds);
    }
  }
  await db.status.put(next);
}

/**
 * Mark the round finished (feeds removed or paused meanwhile count as done) and return it as it ended — unless
 * it holds a pending feed `taken` does not know (a Refresh added it): then 'more', and nothing changes.
 */
export function finishRound(db: ReaderDB, now: number, taken: (feedId: number) => boolean): Promise<RoundStatus | 'more' | undefined> {
  return db.transaction('rw', [db.status, db.feeds], async () => {
    const round = await activeRound(db);
    if (!round) return undefined;
    const ids = ((await db.status.get('round-feeds')) as RoundFeedsStatus | undefined)?.feedIds ?? [];
    const untaken = (await db.feeds.bulkGet(ids.filter((id) => !taken(id)))).filter((feed): feed is FeedRow => feed !== undefined);
    if (untaken.some((feed) => isPending(feed, round))) return 'more';
    const finished: RoundStatus = { ...round, done: round.total, finishedAt: now };
    await db.status.put(finished);
    await db.status.delete('round-feeds');
    return finished;
  });
}

function isPending(feed: FeedRow, round: RoundStatus): boolean {
  return feed.paused === 0 && !((feed.lastFetchedAt ?? -Infinity) >= round.startedAt);
}
