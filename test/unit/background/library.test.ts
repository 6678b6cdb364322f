import { afterEach, describe, expect, it } from 'vitest';
import type { ReaderDB } from '../../../src/db/schema';
import { ingestFeed } from '../../../src/background/ingest';
import { markRead, markViewRead, star, unsubscribe } from '../../../src/background/library';
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
    expect((await db.bodies.toArray()).map((row) => row.id).sort()).toEqual((await db.entries.toArray()).map((row) => row.id).sort());
    expect(await db.feedCounts.toArray()).toEqual([{ feedId: two, unread: 2, starred: 0, total: 2 }]);
  });
});

describe('read state', () => {
  it('marks entries read and unread again', async () => {
    await twoFeeds();
    const [a, b] = await db.entries.orderBy('id').toArray();

    await markRead(db, [a!.id, b!.id, 999], true);
    await markRead(db, [b!.id], false);

    expect((await db.entries.orderBy('id').toArray()).map((row) => row.read)).toEqual([1, 0, 0, 0]);
    expect(await db.feedCounts.toArray()).toEqual([
      { feedId: 1, unread: 1, starred: 0, total: 2 },
      { feedId: 2, unread: 2, starred: 0, total: 2 },
    ]);
  });

  it('marks all of one feed read and counts what changed', async () => {
    const [one] = await twoFeeds();
    const [a] = await db.entries.orderBy('id').toArray();
    await markRead(db, [a!.id], true);

    expect(await markViewRead(db, { kind: 'feed', feedId: one, unreadOnly: true }, 4)).toBe(1);
    expect((await db.entries.orderBy('id').toArray()).map((row) => row.read)).toEqual([1, 1, 0, 0]);
  });

  it('marks everything read up to the id the page saw, never an entry that arrived after', async () => {
    const [, two] = await twoFeeds();
    await ingestFeed(db, two, feed([entry('late')]), {}, 2);

    expect(await markViewRead(db, { kind: 'unread' }, 4)).toBe(4);
    expect((await db.entries.orderBy('id').toArray()).map((row) => [row.key, row.read])).toEqual([['a', 1], ['b', 1], ['c', 1], ['d', 1], ['late', 0]]);
    expect((await db.feedCounts.toArray()).map((row) => row.unread)).toEqual([0, 1]);
  });

  it('stars and unstars, counting only real changes', async () => {
    await twoFeeds();
    const [a, b, c] = await db.entries.orderBy('id').toArray();

    expect(await star(db, [a!.id, c!.id], true)).toBe(2);
    expect(await star(db, [a!.id, b!.id], false)).toBe(1);
    expect((await db.feedCounts.toArray()).map((row) => row.starred)).toEqual([0, 1]);
  });
});
