// Removing a feed. Its starred entries can be kept: the feed then stays as a removed subscription (paused
// with reason 'removed': never polled, listed apart in the options page) that holds only those entries, so
// they keep their feed's name in every list. Subscribing again (resume) brings it back with them; deleting it
// there removes them too. Without starred entries to keep, the feed goes with everything it had.
import Dexie from 'dexie';
import { deleteEntries } from '../db/entry-writes';
import type { ReaderDB } from '../db/schema';
import { unsubscribe } from './library';

/** Remove feed `feedId`; with `keepStarred`, keep its starred entries. Returns how many entries were kept. */
export async function removeFeed(db: ReaderDB, feedId: number, keepStarred: boolean): Promise<number> {
  if (!keepStarred) {
    await unsubscribe(db, feedId);
    return 0;
  }
  return db.transaction('rw', [db.feeds, db.entries, db.bodies, db.feedCounts, db.tombstones], async () => {
    const feed = await db.feeds.get(feedId);
    if (!feed) return 0;
    const entries = await db.entries.where('[feedId+sortAt]').between([feedId, Dexie.minKey], [feedId, Dexie.maxKey]).toArray();
    const starred = entries.filter((entry) => entry.starred === 1).length;
    if (starred === 0) {
      await unsubscribe(db, feedId);
      return 0;
    }
    await deleteEntries(db, entries.filter((entry) => entry.starred === 0).map((entry) => entry.id));
    await db.tombstones.where('[feedId+key]').between([feedId, Dexie.minKey], [feedId, Dexie.maxKey]).delete();
    // The validators go too: they describe the feed's document as stored, and its other entries are gone now. Kept,
    // the poll after a resume would find the same ETag or body, skip it as unchanged, and never bring them back.
    await db.feeds.update(feedId, { paused: 1, pauseReason: 'removed', folderId: 0, retryAfterUntil: undefined, etag: undefined, lastModified: undefined, bodyHash: undefined });
    return starred;
  });
}
