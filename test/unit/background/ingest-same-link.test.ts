// An id-less entry (no guid, a link of its own in the document) is keyed by its link and a hash of its title and
// date; when the title is corrected, the server re-dates the item, or the feed's time zone changes, the stored
// row under the old hash is still that entry: updated in place with its read and starred state, never added
// again, and an entry retention removed stays out. Entries that share a link stay apart.
import { afterEach, describe, expect, it } from 'vitest';
import { ingestFeed } from '../../../src/background/ingest';
import { setRead, setStarred } from '../../../src/db/entry-writes';
import type { ReaderDB } from '../../../src/db/schema';
import { parseFeed } from '../../../src/feeds';
import { addFeedRow, freshDb } from './helpers';

let db: ReaderDB;
afterEach(() => db?.close());

const FEED = 'https://example.com/feed.xml';
const item = (title: string, link: string, date: string) => `<item><title>${title}</title><link>${link}</link><pubDate>${date}</pubDate></item>`;
const rss = (...items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items.join('')}</channel></rss>`;
const poll = (feedId: number, xml: string, now: number, timeZone?: string) => ingestFeed(db, feedId, parseFeed(xml, { url: FEED, ...(timeZone ? { timeZone } : {}) }), {}, now);
const rows = async () => (await db.entries.orderBy('id').toArray()).map((row) => [row.id, row.title, row.read, row.starred]);

describe('an id-less entry under another hash of its link', () => {
  it('is updated in place when its title is corrected, read and starred kept', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await poll(feedId, rss(item('Harbour news', 'https://example.com/p1', 'Sun, 05 Jan 2025 08:00:00 GMT')), 1000);
    await setRead(db, [1], true);
    await setStarred(db, [1], true);
    expect(await poll(feedId, rss(item('Harbour news (corrected)', 'https://example.com/p1', 'Sun, 05 Jan 2025 08:00:00 GMT')), 2000)).toMatchObject({ added: 0, updated: 1 });
    expect(await rows()).toEqual([[1, 'Harbour news (corrected)', 1, 1]]);
    expect(await db.feedCounts.get(feedId)).toMatchObject({ unread: 0, starred: 1, total: 1 });
  });

  it('stays one row when the server dates it anew on every request', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    for (const [hour, now] of [['08', 1000], ['09', 2000], ['10', 3000]] as const) await poll(feedId, rss(item('Live', 'https://example.com/live', `Sun, 05 Jan 2025 ${hour}:00:00 GMT`)), now);
    expect(await rows()).toEqual([[1, 'Live', 0, 0]]);
  });

  it("stays one row, moved to its new date, when the feed's time zone changes", async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const xml = rss(item('Morning post', 'https://example.com/p1', '2025-01-05 08:00:00'));
    await poll(feedId, xml, Date.UTC(2025, 5, 1));
    await setRead(db, [1], true);
    await poll(feedId, xml, Date.UTC(2025, 5, 2), '+08:00');
    const stored = await db.entries.toArray();
    expect(stored.map((row) => [row.id, row.read, row.publishedAt, row.sortAt])).toEqual([[1, 1, Date.UTC(2025, 0, 5, 0, 0, 0), Date.UTC(2025, 0, 5, 0, 0, 0)]]);
  });

  it('stays out after retention removed it, when its title changes', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await poll(feedId, rss(item('Old story', 'https://example.com/p1', 'Sun, 05 Jan 2025 08:00:00 GMT')), 1000);
    const [row] = await db.entries.toArray();
    // What retention leaves behind: the row gone, a tombstone under its key.
    await db.entries.clear();
    await db.bodies.clear();
    await db.tombstones.put({ feedId, key: row!.key, at: 1500 });
    expect(await poll(feedId, rss(item('Old story, updated', 'https://example.com/p1', 'Sun, 05 Jan 2025 08:00:00 GMT')), 2000)).toMatchObject({ added: 0 });
    expect(await db.entries.count()).toBe(0);
    expect((await db.tombstones.toArray()).map((stone) => stone.key)).toEqual([expect.stringMatching(/^https:\/\/example\.com\/p1#hash:/)]);
    expect((await db.tombstones.toArray())[0]!.key).not.toBe(row!.key);
  });

  it('keeps entries that share a link apart, and a new entry of another link is added', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const date = 'Sun, 05 Jan 2025 08:00:00 GMT';
    await poll(feedId, rss(item('A', 'https://example.com/shared', date), item('B', 'https://example.com/shared', date)), 1000);
    expect(await poll(feedId, rss(item('A', 'https://example.com/shared', date), item('B', 'https://example.com/shared', date), item('C', 'https://example.com/other', date)), 2000)).toMatchObject({ added: 1, updated: 0 });
    expect(await rows()).toEqual([[1, 'A', 0, 0], [2, 'B', 0, 0], [3, 'C', 0, 0]]);
  });

  it('is not taken for another entry when several stored rows of the link could be it', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const date = 'Sun, 05 Jan 2025 08:00:00 GMT';
    await poll(feedId, rss(item('A', 'https://example.com/shared', date), item('B', 'https://example.com/shared', date)), 1000);
    // Alone with the link now, under a title neither stored row has: a new entry.
    expect(await poll(feedId, rss(item('C', 'https://example.com/shared', date)), 2000)).toMatchObject({ added: 1, updated: 0 });
    // Alone with the link, with A's title and a new date: A.
    expect(await poll(feedId, rss(item('A', 'https://example.com/shared', 'Mon, 06 Jan 2025 08:00:00 GMT')), 3000)).toMatchObject({ added: 0, updated: 1 });
    expect(await rows()).toEqual([[1, 'A', 0, 0], [2, 'B', 0, 0], [3, 'C', 0, 0]]);
  });
});
