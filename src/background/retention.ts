// Retention: old entries go so 1,000 feeds never grow without bound. Limits by age and by count, per feed or
// global (settings keepDays / keepCount; 0 is no limit). Starred entries stay forever; an unread entry stays at
// least 30 days after it arrived. Each removed entry leaves a tombstone, so a feed that still lists it does
// not bring it back (ingest skips tombstoned keys; a poll drops tombstones the feed no longer lists).
import { deleteEntries } from '../db/entry-writes';
import type { EntryRow, FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { readSettings, type Settings } from '../db/settings';

const DAY = 86_400_000;
/** An unread entry is kept at least this long after it arrived, whatever the limits say. */
export const UNREAD_MIN_DAYS = 30;

/** A feed's limits: 0 means none. */
export interface RetentionLimits {
  keepDays: number;
  keepCount: number;
}

/** The feed's own limits, else the global ones. */
export function feedLimits(feed: Pick<FeedRow, 'keepDays' | 'keepCount'>, settings: Pick<Settings, 'keepDays' | 'keepCount'>): RetentionLimits {
  return { keepDays: feed.keepDays ?? settings.keepDays, keepCount: feed.keepCount ?? settings.keepCount };
}

/** Whether retention must leave `row` alone. */
export function isProtected(row: Pick<EntryRow, 'starred' | 'read' | 'fetchedAt'>, now: number): boolean {
  return row.starred === 1 || (row.read === 0 && row.fetchedAt > now - UNREAD_MIN_DAYS * DAY);
}

/** The entries of feed `feedId` that `limits` remove now. */
export async function retentionVictims(db: ReaderDB, feedId: number, limits: RetentionLimits, now: number): Promise<EntryRow[]> {
  const victims = new Map<number, EntryRow>();
  const byAge = db.entries.where('[feedId+sortAt]');
  if (limits.keepDays > 0) {
    for (const row of await byAge.between([feedId, -Infinity], [feedId, now - limits.keepDays * DAY], true, false).toArray()) victims.set(row.id, row);
  }
  const total = (await db.feedCounts.get(feedId))?.total ?? 0;
  if (limits.keepCount > 0 && total > limits.keepCount) {
    const beyond = await db.entries.where('[feedId+sortAt]').between([feedId, -Infinity], [feedId, Infinity]).reverse().offset(limits.keepCount).toArray();
    for (const row of beyond) victims.set(row.id, row);
  }
  return [...victims.values()].filter((row) => !isProtected(row, now));
}

/** Remove `rows` (of one feed) through entry-writes, leaving their tombstones; returns how many went. */
export async function removeEntries(db: ReaderDB, rows: readonly EntryRow[], now: number): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction('rw', [db.entries, db.bodies, db.feedCounts, db.tombstones], async () => {
    const removed = await deleteEntries(db, rows.map((row) => row.id));
    await db.tombstones.bulkPut(removed.map((row) => ({ feedId: row.feedId, key: row.key, at: now })));
    return removed.length;
  });
}

/** Apply every feed's limits (or those of `feedIds`); returns how many entries were removed. */
export async function applyRetention(db: ReaderDB, now: number, feedIds?: readonly number[]): Promise<number> {
  const settings = await readSettings(db);
  const feeds = feedIds ? (await db.feeds.bulkGet([...feedIds])).filter((feed): feed is FeedRow => feed !== undefined) : await db.feeds.toArray();
  let removed = 0;
  for (const feed of feeds) removed += await removeEntries(db, await retentionVictims(db, feed.id, feedLimits(feed, settings), now), now);
  return removed;
}
