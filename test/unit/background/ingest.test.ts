// ingestFeed: one transaction per poll — list rows and bodies apart, counts exact, known entries updated in
// place with their read and starred state, entries retention removed kept out. Expected values are literal.
import { afterEach, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../../src/background/ingest';
import { setRead, setStarred } from '../../../src/db/entry-writes';
import type { ReaderDB } from '../../../src/db/schema';
import { parseFeed } from '../../../src/feeds';
import { addFeedRow, entry, feed, freshDb } from './helpers';

const DAY = 86_400_000;
let db: ReaderDB;
afterEach(() => db?.close());

const keys = async () => (await db.entries.orderBy('id').toArray()).map((row) => row.key);
const counts = () => db.feedCounts.toArray();

describe('ingestFeed', () => {
  it('stores a feed polled twice only once, and an unchanged re-poll writes nothing', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const parsed = feed([entry('a', { publishedAt: DAY }), entry('b', { publishedAt: 2 * DAY })]);

    expect(await ingestFeed(db, feedId, parsed, {}, 1000)).toEqual({ added: 2, updated: 0, addedIds: [1, 2] });
    const before = await db.entries.toArray();
    expect(await ingestFeed(db, feedId, parsed, {}, 2000)).toEqual({ added: 0, updated: 0, addedIds: [] });

    expect(await db.entries.toArray()).toEqual(before);
    expect(await counts()).toEqual([{ feedId, unread: 2, starred: 0, total: 2 }]);
  });

  it('keeps list rows free of bodies and stores each body under its entry id', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('a', { url: 'https://example.com/a', contentHtml: '<p>Hello <b>world</b></p>', categories: ['x'], imageMap: { 'http://o/1.png': null } })]), {}, 5000);

    const [row] = await db.entries.toArray();
    expect(row).toEqual({ id: 1, feedId, key: 'a', title: 'Title a', url: 'https://example.com/a', snippet: 'Hello world', sortAt: 5000, fetchedAt: 5000, read: 0, starred: 0, hash: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(await db.bodies.toArray()).toEqual([{ id: 1, contentHtml: '<p>Hello <b>world</b></p>', categories: ['x'], enclosures: [], imageMap: { 'http://o/1.png': null } }]);
  });

  it('updates a changed entry in place and keeps read, starred, sortAt and fetchedAt', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('a', { contentHtml: '<p>v1</p>' })]), {}, 5000);
    await setRead(db, [1], true);
    await setStarred(db, [1], true);

    const count = await ingestFeed(db, feedId, feed([entry('a', { title: 'New title', contentHtml: '<p>v2</p>', updatedAt: 9 * DAY })]), {}, 7000);

    expect(count).toEqual({ added: 0, updated: 1, addedIds: [] });
    expect(await db.entries.get(1)).toMatchObject({ id: 1, title: 'New title', snippet: 'v2', updatedAt: 9 * DAY, read: 1, starred: 1, sortAt: 5000, fetchedAt: 5000 });
    expect(await db.bodies.get(1)).toMatchObject({ contentHtml: '<p>v2</p>' });
    expect(await counts()).toEqual([{ feedId, unread: 0, starred: 1, total: 1 }]);
  });

  it('never brings a read entry back unread, whatever the feed sends', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('a')]), {}, 1);
    await setRead(db, [1], true);
    for (const title of ['edited', 'edited again', 'edited']) await ingestFeed(db, feedId, feed([entry('a', { title })]), {}, 2);

    expect(await db.entries.get(1)).toMatchObject({ title: 'edited', read: 1 });
    expect(await counts()).toEqual([{ feedId, unread: 0, starred: 0, total: 1 }]);
  });

  it('sorts by published, else updated, else first-seen time, keeping document order for undated entries', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('p', { publishedAt: DAY, updatedAt: 3 * DAY }), entry('u', { updatedAt: 2 * DAY }), entry('n1'), entry('n2')]), {}, 10 * DAY);

    const sortAt = Object.fromEntries((await db.entries.toArray()).map((row) => [row.key, row.sortAt]));
    expect(sortAt).toEqual({ p: DAY, u: 2 * DAY, n1: 10 * DAY - 2, n2: 10 * DAY - 3 });
  });

  it('sorts an entry dated in the future as arriving now, keeping its own date for display', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('future', { publishedAt: 400 * DAY })]), {}, 10 * DAY);

    expect(await db.entries.get(1)).toMatchObject({ publishedAt: 400 * DAY, sortAt: 10 * DAY });
  });

  it('keeps content a later poll no longer carries', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('a', { contentHtml: '<p>full</p>', summaryHtml: 'short' })]), {}, 1);
    await ingestFeed(db, feedId, feed([entry('a', { summaryHtml: 'shorter' })]), {}, 2);

    expect(await db.bodies.toArray()).toMatchObject([{ id: 1, contentHtml: '<p>full</p>', summaryHtml: 'shorter' }]);
    // The stored hash is the document's, so the same document again is no change.
    expect(await ingestFeed(db, feedId, feed([entry('a', { summaryHtml: 'shorter' })]), {}, 3)).toMatchObject({ updated: 0 });
  });

  it('stores an id repeated inside one document once', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const count = await ingestFeed(db, feedId, feed([entry('a', { title: 'first' }), entry('a', { title: 'second' })]), {}, 1);

    expect(count.added).toBe(1);
    expect(await db.entries.toArray()).toMatchObject([{ key: 'a', title: 'first' }]);
  });

  it('keeps the same key in two feeds apart, each with its own counts', async () => {
    db = freshDb();
    const one = await addFeedRow(db, { url: 'https://one.example/feed' });
    const two = await addFeedRow(db, { url: 'https://two.example/feed' });
    await ingestFeed(db, one, feed([entry('same')]), {}, 1);
    await ingestFeed(db, two, feed([entry('same'), entry('other')]), {}, 1);

    expect(await db.entries.count()).toBe(3);
    expect(await counts()).toEqual([
      { feedId: one, unread: 1, starred: 0, total: 1 },
      { feedId: two, unread: 2, starred: 0, total: 2 },
    ]);
  });

  it('leaves out an entry retention removed while the feed still lists it', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await db.tombstones.add({ feedId, key: 'old', at: 1 });

    expect(await ingestFeed(db, feedId, feed([entry('new'), entry('old')]), {}, 2)).toMatchObject({ added: 1 });
    expect(await keys()).toEqual(['new']);
  });

  it('writes feed metadata and the poll bookkeeping it is given with the entries', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db, { title: 'Old', etag: '"old"', errorCount: 3, lastError: { code: 'network', params: { host: 'example.com' } } });

    await ingestFeed(db, feedId, feed([entry('a')], { format: 'atom', title: ' New ', siteUrl: 'https://example.com/', language: 'zh-CN' }), { etag: '"v2"', errorCount: 0, lastError: undefined }, 1000);

    const row = await db.feeds.get(feedId);
    expect(row).toMatchObject({ title: 'New', format: 'atom', siteUrl: 'https://example.com/', language: 'zh-CN', etag: '"v2"', errorCount: 0 });
    expect(row).not.toHaveProperty('lastError');
  });

  it('keeps the stored feed title when the document has none, and an untitled entry stays untitled', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db, { title: 'Kept' });
    await ingestFeed(db, feedId, feed([entry('a', { title: '', url: 'https://example.com/a' })], { title: '' }), {}, 1);

    expect((await db.feeds.get(feedId))?.title).toBe('Kept');
    // No stored fallback text: pages show their own word for "untitled", in the user's language.
    expect((await db.entries.toArray())[0]?.title).toBe('');
  });

  it('recognizes an entry stored under its bare link once other id-less entries share that link', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const link = 'https://weibo.example/u/1';
    await ingestFeed(db, feedId, feed([entry(link, { title: 'First post', url: link })]), {}, 1);
    await setRead(db, [1], true);

    // The parser now keys both by link + hash (src/feeds/normalize.ts): the stored row is kept, the new one added.
    const count = await ingestFeed(db, feedId, feed([entry(`${link}#hash:1`, { title: 'Second post', url: link }), entry(`${link}#hash:2`, { title: 'First post', url: link })]), {}, 2);

    expect(count).toMatchObject({ added: 1, updated: 1 });
    expect((await db.entries.orderBy('id').toArray()).map((row) => [row.id, row.key, row.read])).toEqual([
      [1, `${link}#hash:2`, 1],
      [2, `${link}#hash:1`, 0],
    ]);
  });

  it('keeps id-less entries that shared a link once and read after one of them leaves the document', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const item = (title: string, hour: number) => `<item><title>${title}</title><link>https://agg.example/same</link><pubDate>Mon, 06 Jan 2025 ${hour}:00:00 GMT</pubDate></item>`;
    const doc = (...items: string[]) => parseFeed(`<rss version="2.0"><channel><title>Agg</title>${items.join('')}</channel></rss>`, { url: 'https://agg.example/feed' });
    await ingestFeed(db, feedId, doc(item('A', 10), item('B', 9)), {}, 1000);
    await setRead(db, [1, 2], true);

    // B slides out of the window: A is now the only entry with that link, and must still be the stored A.
    expect(await ingestFeed(db, feedId, doc(item('A', 10)), {}, 2000)).toEqual({ added: 0, updated: 0, addedIds: [] });
    expect((await db.entries.orderBy('id').toArray()).map((row) => [row.id, row.title, row.read])).toEqual([
      [1, 'A', 1],
      [2, 'B', 1],
    ]);
    expect(await counts()).toEqual([{ feedId, unread: 0, starred: 0, total: 2 }]);
  });

  it('adopts the row an earlier version stored under the bare link, read, starred and under its new key', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const link = 'https://blog.example/post';
    // What an earlier version stored for an id-less entry whose link was unique: the bare link as key.
    await ingestFeed(db, feedId, feed([entry(link, { title: 'Post', url: link })]), {}, 1);
    await setRead(db, [1], true);
    await setStarred(db, [1], true);

    // Alone with its link, it is that entry even with an edited title (the earlier version matched it by link).
    const count = await ingestFeed(db, feedId, feed([entry(`${link}#hash:1`, { title: 'Post, edited', url: link })]), {}, 2);

    expect(count).toMatchObject({ added: 0, updated: 1 });
    expect((await db.entries.toArray()).map((row) => [row.id, row.key, row.title, row.read, row.starred])).toEqual([[1, `${link}#hash:1`, 'Post, edited', 1, 1]]);
    expect(await ingestFeed(db, feedId, feed([entry(`${link}#hash:1`, { title: 'Post, edited', url: link })]), {}, 3)).toMatchObject({ added: 0, updated: 0 });
    expect(await counts()).toEqual([{ feedId, unread: 0, starred: 1, total: 1 }]);
  });

  it('leaves the row of an entry whose id is the link to that entry, not to an id-less one with the same link', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const link = 'https://blog.example/post';
    await ingestFeed(db, feedId, feed([entry(link, { title: 'Has an id', url: link })]), {}, 1);
    await setRead(db, [1], true);

    const count = await ingestFeed(db, feedId, feed([entry(`${link}#hash:1`, { title: 'No id', url: link }), entry(link, { title: 'Has an id', url: link })]), {}, 2);

    expect(count).toMatchObject({ added: 1, updated: 0 });
    expect((await db.entries.orderBy('id').toArray()).map((row) => [row.id, row.key, row.read])).toEqual([
      [1, link, 1],
      [2, `${link}#hash:1`, 0],
    ]);
  });

  it('keeps out an entry whose tombstone an earlier version wrote under its bare link, moving it to the new key', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const link = 'https://blog.example/post';
    await db.tombstones.add({ feedId, key: link, at: 5 });

    expect(await ingestFeed(db, feedId, feed([entry(`${link}#hash:1`, { url: link })]), {}, 6)).toMatchObject({ added: 0 });
    expect(await db.entries.count()).toBe(0);
    expect(await db.tombstones.toArray()).toEqual([{ feedId, key: `${link}#hash:1`, at: 5 }]);
    // Moved, it goes on standing for that entry under its link: listed alone again with another title or date
    // (another hash), it is the same entry and stays out (ingest-same-link.test.ts).
    expect(await ingestFeed(db, feedId, feed([entry(`${link}#hash:2`, { url: link })]), {}, 7)).toMatchObject({ added: 0 });
    expect(await db.tombstones.toArray()).toEqual([{ feedId, key: `${link}#hash:2`, at: 5 }]);
  });

  it('sorts an entry by its corrected publication date, future dates as now, and keeps sortAt for other edits', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('a', { publishedAt: 5 * DAY }), entry('b', { publishedAt: 6 * DAY }), entry('c', { publishedAt: 7 * DAY })]), {}, 10 * DAY);

    await ingestFeed(db, feedId, feed([entry('a', { publishedAt: 4 * DAY }), entry('b', { publishedAt: 30 * DAY }), entry('c', { publishedAt: 7 * DAY, title: 'edited', updatedAt: 9 * DAY })]), {}, 20 * DAY);

    const rows = Object.fromEntries((await db.entries.toArray()).map((row) => [row.key, [row.publishedAt, row.sortAt]]));
    expect(rows).toEqual({ a: [4 * DAY, 4 * DAY], b: [30 * DAY, 20 * DAY], c: [7 * DAY, 7 * DAY] });
  });

  it('stores nothing for a feed removed while it was being fetched', async () => {
    db = freshDb();
    const count = await ingestFeed(db, 42, feed([entry('a')]), {}, 1);

    expect(count).toEqual({ added: 0, updated: 0, addedIds: [] });
    expect(await db.entries.count()).toBe(0);
    expect(await db.feedCounts.count()).toBe(0);
  });
});
