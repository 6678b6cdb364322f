import { afterEach, describe, expect, it } from 'vitest';
import type { ReaderDB } from '../../../src/db/schema';
import { ingestFeed, recordFailure } from '../../../src/background/ingest';
import { POLL_INTERVAL_MS } from '../../../src/background/schedule-policy';
import { addFeedRow, entry, feed, freshDb } from './helpers';

const DAY = 86_400_000;
let db: ReaderDB;
afterEach(() => db?.close());

describe('ingestFeed', () => {
  it('stores a feed polled twice only once', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const parsed = feed([entry('a', { publishedAt: DAY }), entry('b', { publishedAt: 2 * DAY })]);

    expect(await ingestFeed(db, feedId, parsed, {}, 1000)).toEqual({ added: 2, updated: 0 });
    expect(await ingestFeed(db, feedId, parsed, {}, 2000)).toEqual({ added: 0, updated: 0 });

    const rows = await db.entries.toArray();
    expect(rows.map((row) => row.key).sort()).toEqual(['a', 'b']);
  });

  it('updates a changed entry in place and keeps read, starred and sortAt', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('a', { contentHtml: '<p>v1</p>' })]), {}, 5000);
    const [first] = await db.entries.toArray();
    await db.entries.update(first!.id, { read: 1, starred: 1 });

    const count = await ingestFeed(db, feedId, feed([entry('a', { title: 'New title', contentHtml: '<p>v2</p>', updatedAt: 9 * DAY })]), {}, 7000);

    expect(count).toEqual({ added: 0, updated: 1 });
    const [second] = await db.entries.toArray();
    expect(second).toMatchObject({ id: first!.id, title: 'New title', contentHtml: '<p>v2</p>', updatedAt: 9 * DAY, read: 1, starred: 1, sortAt: 5000, fetchedAt: 5000 });
  });

  it('sorts by published, else updated, else first-seen time, keeping document order for undated entries', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('p', { publishedAt: DAY, updatedAt: 3 * DAY }), entry('u', { updatedAt: 2 * DAY }), entry('n1'), entry('n2')]), {}, 10_000);

    const sortAt = Object.fromEntries((await db.entries.toArray()).map((row) => [row.key, row.sortAt]));
    expect(sortAt).toEqual({ p: DAY, u: 2 * DAY, n1: 10_000 - 2, n2: 10_000 - 3 });
  });

  it('keeps content a later poll no longer carries', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('a', { contentHtml: '<p>full</p>', summaryHtml: 'short' })]), {}, 1);
    await ingestFeed(db, feedId, feed([entry('a', { summaryHtml: 'shorter' })]), {}, 2);

    expect(await db.entries.toArray()).toMatchObject([{ contentHtml: '<p>full</p>', summaryHtml: 'shorter' }]);
  });

  it('stores an id repeated inside one document once', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    const count = await ingestFeed(db, feedId, feed([entry('a', { title: 'first' }), entry('a', { title: 'second' })]), {}, 1);

    expect(count.added).toBe(1);
    expect(await db.entries.toArray()).toMatchObject([{ key: 'a', title: 'first' }]);
  });

  it('keeps the same key in two feeds apart', async () => {
    db = freshDb();
    const one = await addFeedRow(db, { url: 'https://one.example/feed' });
    const two = await addFeedRow(db, { url: 'https://two.example/feed' });
    await ingestFeed(db, one, feed([entry('same')]), {}, 1);
    await ingestFeed(db, two, feed([entry('same')]), {}, 1);

    expect(await db.entries.count()).toBe(2);
  });

  it('writes feed metadata and poll bookkeeping with the entries, clearing the last error', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db, { title: 'Old', etag: '"old"', lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });
    await recordFailure(db, feedId, 'Could not reach example.com.', 500);

    await ingestFeed(db, feedId, feed([entry('a')], { format: 'atom', title: ' New ', siteUrl: 'https://example.com/' }), { etag: '"v2"' }, 1000);

    const row = await db.feeds.get(feedId);
    expect(row).toMatchObject({ title: 'New', format: 'atom', siteUrl: 'https://example.com/', etag: '"v2"', errorCount: 0, lastFetchedAt: 1000, nextPollAt: 1000 + POLL_INTERVAL_MS });
    // A 200 without Last-Modified drops the stale validator; success drops the error.
    expect(row).not.toHaveProperty('lastModified');
    expect(row).not.toHaveProperty('lastError');
  });

  it('keeps the stored title when the document has none and names an untitled entry by its link', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db, { title: 'Kept' });
    await ingestFeed(db, feedId, feed([entry('a', { title: ' ', url: 'https://example.com/a' })], { title: '' }), {}, 1);

    expect((await db.feeds.get(feedId))?.title).toBe('Kept');
    expect((await db.entries.toArray())[0]?.title).toBe('https://example.com/a');
  });

  it('stores nothing for a feed removed while it was being fetched', async () => {
    db = freshDb();
    const count = await ingestFeed(db, 42, feed([entry('a')]), {}, 1);

    expect(count).toEqual({ added: 0, updated: 0 });
    expect(await db.entries.count()).toBe(0);
  });
});
