// Reads the pages share. Each returns a promise so it can run inside Dexie's liveQuery.
import { db, type EntryRow, type FeedRow, type ReaderDB } from './schema';

/** Unread entries, newest first, up to `limit`. An index range on [read+sortAt], not a scan. */
export function unreadEntries(limit = 200): Promise<EntryRow[]> {
  return db.entries.where('[read+sortAt]').between([0, -Infinity], [0, Infinity]).reverse().limit(limit).toArray();
}

/** How many entries are unread, across all feeds. The worker passes its own database in tests. */
export function unreadCount(from: ReaderDB = db): Promise<number> {
  return from.entries.where('[read+sortAt]').between([0, -Infinity], [0, Infinity]).count();
}

/** Every subscription, in the order they were added. */
export function allFeeds(): Promise<FeedRow[]> {
  return db.feeds.orderBy('id').toArray();
}

/** One feed by id. */
export function feedById(id: number): Promise<FeedRow | undefined> {
  return db.feeds.get(id);
}

/** One entry by id. */
export function entryById(id: number): Promise<EntryRow | undefined> {
  return db.entries.get(id);
}

/** A feed's entries, newest first. */
export function entriesOfFeed(feedId: number, limit = 200): Promise<EntryRow[]> {
  return db.entries.where('[feedId+sortAt]').between([feedId, -Infinity], [feedId, Infinity]).reverse().limit(limit).toArray();
}

/**
 * The unread entry just after `entry` in the popup's order (sortAt desc, then id desc): 'older' is the
 * next one down the list, 'newer' the one above. `entry` itself need not be unread.
 */
export function adjacentUnread(entry: Pick<EntryRow, 'id' | 'sortAt'>, direction: 'older' | 'newer'): Promise<EntryRow | undefined> {
  const index = db.entries.where('[read+sortAt]');
  // Ties on sortAt are ordered by primary key inside the index, so the id breaks them the same way.
  return direction === 'older'
    ? index.between([0, -Infinity], [0, entry.sortAt], true, true).reverse().filter((row) => row.sortAt < entry.sortAt || row.id < entry.id).first()
    : index.between([0, entry.sortAt], [0, Infinity], true, true).filter((row) => row.sortAt > entry.sortAt || row.id > entry.id).first();
}
