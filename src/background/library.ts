// Commands that change what is stored without fetching: unsubscribe, read and starred state.
import Dexie from 'dexie';
import { deleteFeedEntries, markCollectionRead, setRead, setStarred } from '../db/entry-writes';
import type { ReaderDB } from '../db/schema';
import { unreadUpTo, type ListView } from '../db/views';

/** Remove a feed, its entries and its tombstones together. Removing a feed that is already gone is not an error. */
export async function unsubscribe(db: ReaderDB, feedId: number): Promise<void> {
  await db.transaction('rw', [db.feeds, db.entries, db.bodies, db.feedCounts, db.tombstones], async () => {
    await deleteFeedEntries(db, feedId);
    await db.tombstones.where('[feedId+key]').between([feedId, Dexie.minKey], [feedId, Dexie.maxKey]).delete();
    await db.feeds.delete(feedId);
  });
}

/** Mark entries read (or unread again); returns how many changed. */
export function markRead(db: ReaderDB, entryIds: readonly number[], read: boolean): Promise<number> {
  return setRead(db, entryIds, read);
}

/** Star or unstar entries; returns how many changed. */
export function star(db: ReaderDB, entryIds: readonly number[], starred: boolean): Promise<number> {
  return setStarred(db, entryIds, starred);
}

/** Mark read the unread entries of `view` with id ≤ `maxId` — what the page listed when the user clicked. */
export async function markViewRead(db: ReaderDB, view: ListView, maxId: number): Promise<number> {
  return db.transaction('rw', [db.feeds, db.entries, db.bodies, db.feedCounts], async () => markCollectionRead(db, await unreadUpTo(db, view, maxId)));
}
