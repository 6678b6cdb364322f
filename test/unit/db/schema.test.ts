import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { unreadCount } from '../../../src/db/queries';
import type { EntryRow, FeedRow, ReaderDB } from '../../../src/db/schema';
import { freshDb } from '../background/helpers';

let db: ReaderDB;
afterEach(() => db?.close());

/** An entry row without its id. */
function row(feedId: number, key: string, read: 0 | 1 = 0): EntryRow {
  return { feedId, key, title: key, sortAt: 1, categories: [], enclosures: [], read, starred: 0, fetchedAt: 1 } as Omit<EntryRow, 'id'> as EntryRow;
}

describe('ReaderDB schema', () => {
  it('refuses a second entry with the same [feedId+key]: the backstop behind ingest dedupe', async () => {
    db = freshDb();
    await db.entries.add(row(1, 'a'));
    await db.entries.add(row(2, 'a'));

    await expect(db.entries.add(row(1, 'a'))).rejects.toBeInstanceOf(Dexie.ConstraintError);
    expect(await db.entries.count()).toBe(2);
  });

  it('refuses a second feed with the same URL', async () => {
    db = freshDb();
    const feed: Omit<FeedRow, 'id'> = { url: 'https://example.com/feed', title: 'x', addedAt: 0, errorCount: 0, nextPollAt: 0 };
    await db.feeds.add({ ...feed } as FeedRow);

    await expect(db.feeds.add({ ...feed } as FeedRow)).rejects.toBeInstanceOf(Dexie.ConstraintError);
  });

  it('counts unread entries in the database it is given', async () => {
    db = freshDb();
    await db.entries.bulkAdd([row(1, 'a'), row(1, 'b', 1), row(2, 'c')]);

    expect(await unreadCount(db)).toBe(2);
  });
});
