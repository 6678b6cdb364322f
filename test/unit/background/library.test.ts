import { afterEach, describe, expect, it } from 'vitest';
import type { ReaderDB } from '../../../src/db/schema';
import { ingestFeed } from '../../../src/background/ingest';
import { markAllRead, markRead, unsubscribe } from '../../../src/background/library';
import { addFeedRow, entry, feed, freshDb } from './helpers';

let db: ReaderDB;
afterEach(() => db?.close());

/** Two feeds with two unread entries each. */
async function twoFeeds(): Promise<[number, number]> {
  db = freshDb();
  const one = await addFeedRow(db, { url: 'https://one.example/feed' });
  const two = await addFeedRow(db, { url: 'https://two.example/feed' });
  await ingestFeed(db, one, feed([entry('a'), entry('b')]), {}, 1);
  await ingestFeed(db, two, feed([entry('c'), entry('d')]), {}, 1);
  return [one, two];
}

describe('unsubscribe', () => {
  it('removes the feed and its entries, and nothing else', async () => {
    const [one, two] = await twoFeeds();

    await unsubscribe(db, one);

    expect((await db.feeds.toArray()).map((row) => row.id)).toEqual([two]);
    expect((await db.entries.toArray()).map((row) => row.key).sort()).toEqual(['c', 'd']);
  });
});

describe('read state', () => {
  it('marks entries read and unread again', async () => {
    await twoFeeds();
    const [a, b] = await db.entries.orderBy('id').toArray();

    await markRead(db, [a!.id, b!.id, 999], true);
    await markRead(db, [b!.id], false);

    expect((await db.entries.orderBy('id').toArray()).map((row) => row.read)).toEqual([1, 0, 0, 0]);
  });

  it('marks all of one feed read and counts what changed', async () => {
    const [one] = await twoFeeds();
    const [a] = await db.entries.orderBy('id').toArray();
    await markRead(db, [a!.id], true);

    expect(await markAllRead(db, one)).toBe(1);
    expect((await db.entries.orderBy('id').toArray()).map((row) => row.read)).toEqual([1, 1, 0, 0]);
  });

  it('marks everything read', async () => {
    await twoFeeds();

    expect(await markAllRead(db)).toBe(4);
    expect((await db.entries.toArray()).every((row) => row.read === 1)).toBe(true);
  });
});
