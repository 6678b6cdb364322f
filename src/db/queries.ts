// Reads the pages share. Each returns a promise so it can run inside Dexie's liveQuery; none reads a body
// except bodyById, and none counts rows (counts come from feedCounts).
import type { BodyRow, EntryRow, FeedCountRow, FeedRow, FolderRow } from './model';
import { db as defaultDb, type ReaderDB } from './schema';

/** Every subscription, in the order they were added. */
export function allFeeds(db: ReaderDB = defaultDb): Promise<FeedRow[]> {
  return db.feeds.orderBy('id').toArray();
}

/** Every folder, in the user's order. */
export function allFolders(db: ReaderDB = defaultDb): Promise<FolderRow[]> {
  return db.folders.orderBy('position').toArray();
}

/** One feed by id. */
export function feedById(id: number, db: ReaderDB = defaultDb): Promise<FeedRow | undefined> {
  return db.feeds.get(id);
}

/** One entry's list row by id. */
export function entryById(id: number, db: ReaderDB = defaultDb): Promise<EntryRow | undefined> {
  return db.entries.get(id);
}

/** One entry's body by the entry's id. */
export function bodyById(id: number, db: ReaderDB = defaultDb): Promise<BodyRow | undefined> {
  return db.bodies.get(id);
}

/** The counts of every feed, by feed id. */
export async function feedCounts(db: ReaderDB = defaultDb): Promise<Map<number, FeedCountRow>> {
  return new Map((await db.feedCounts.toArray()).map((row) => [row.feedId, row]));
}

/** How many entries are unread, across all feeds. */
export async function unreadCount(db: ReaderDB = defaultDb): Promise<number> {
  return (await db.feedCounts.toArray()).reduce((sum, row) => sum + row.unread, 0);
}
