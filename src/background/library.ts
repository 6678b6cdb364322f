// Commands that change what is stored without fetching: unsubscribe and read state.
import type { ReaderDB } from '../db/schema';

/** Remove a feed and all its entries together. Removing a feed that is already gone is not an error. */
export async function unsubscribe(db: ReaderDB, feedId: number): Promise<void> {
  await db.transaction('rw', db.feeds, db.entries, async () => {
    await db.entries.where('[feedId+sortAt]').between([feedId, -Infinity], [feedId, Infinity]).delete();
    await db.feeds.delete(feedId);
  });
}

/** Mark entries read (or unread again). Ids that no longer exist are skipped. */
export async function markRead(db: ReaderDB, entryIds: readonly number[], read: boolean): Promise<void> {
  await db.entries.where('id').anyOf([...entryIds]).modify({ read: read ? 1 : 0 });
}

/** Mark every unread entry read, of one feed or of all; returns how many changed. */
export async function markAllRead(db: ReaderDB, feedId?: number): Promise<number> {
  const unread =
    feedId === undefined
      ? db.entries.where('[read+sortAt]').between([0, -Infinity], [0, Infinity])
      : db.entries.where('[feedId+sortAt]').between([feedId, -Infinity], [feedId, Infinity]).filter((entry) => entry.read === 0);
  return unread.modify({ read: 1 });
}
