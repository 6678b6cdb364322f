// Retention with literal ages: what goes, what stays (starred forever, unread 30 days), tombstones that keep
// removed entries from coming back while the feed lists them, and counts that stay exact.
import { beforeEach, describe, expect, it } from 'vitest';
import { applyRetention, feedLimits } from '../../../src/background/retention';
import { ingestFeed } from '../../../src/background/ingest';
import { addEntries } from '../../../src/db/entry-writes';
import type { EntryRow } from '../../../src/db/model';
import type { ReaderDB } from '../../../src/db/schema';
import { addFeedRow, entry, feed, freshDb } from './helpers';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 6, 1);
let db: ReaderDB;
beforeEach(() => {
  db = freshDb();
});

/** Store entries of `feedId`: key, age in days (sortAt), days since it arrived, read, starred. */
async function store(feedId: number, rows: [key: string, ageDays: number, arrivedDaysAgo: number, read: 0 | 1, starred: 0 | 1][]): Promise<void> {
  await db.feedCounts.put({ feedId, unread: 0, starred: 0, total: 0 });
  const list: Omit<EntryRow, 'id'>[] = rows.map(([key, age, arrived, read, starred]) => ({ feedId, key, title: key, sortAt: NOW - age * DAY, fetchedAt: NOW - arrived * DAY, read, starred, hash: key }));
  await addEntries(db, list, list.map(() => ({ categories: [], enclosures: [] })));
}

async function keys(feedId: number): Promise<string[]> {
  return (await db.entries.filter((row) => row.feedId === feedId).toArray()).map((row) => row.key).sort();
}

describe('retention', () => {
  it('removes entries past the age limit, except starred ones and unread ones that arrived under 30 days ago', async () => {
    const id = await addFeedRow(db, { keepDays: 90, keepCount: 0 });
    await store(id, [
      ['old-read', 100, 100, 1, 0],
      ['old-starred', 400, 400, 1, 1],
      ['old-unread-new-arrival', 200, 10, 0, 0],
      ['old-unread-old-arrival', 200, 40, 0, 0],
      ['recent-read', 10, 10, 1, 0],
    ]);

    expect(await applyRetention(db, NOW)).toBe(2);

    expect(await keys(id)).toEqual(['old-starred', 'old-unread-new-arrival', 'recent-read']);
    expect(await db.feedCounts.get(id)).toEqual({ feedId: id, unread: 1, starred: 1, total: 3 });
    expect((await db.tombstones.toArray()).map((row) => [row.key, row.at]).sort()).toEqual([
      ['old-read', NOW],
      ['old-unread-old-arrival', NOW],
    ]);
    expect(await db.bodies.count()).toBe(3);
  });

  it('keeps the newest entries up to the count limit, and every starred one beyond it', async () => {
    const id = await addFeedRow(db, { keepCount: 2, keepDays: 0 });
    await store(id, [
      ['e1', 1, 50, 1, 0],
      ['e2', 2, 50, 1, 0],
      ['e3', 3, 50, 1, 1],
      ['e4', 4, 50, 1, 0],
      ['e5', 5, 50, 0, 0],
    ]);

    expect(await applyRetention(db, NOW)).toBe(2);
    expect(await keys(id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('takes the feed\'s own limits over the global ones; 0 is no limit', async () => {
    expect(feedLimits({}, { keepDays: 90, keepCount: 1000 })).toEqual({ keepDays: 90, keepCount: 1000 });
    expect(feedLimits({ keepDays: 7, keepCount: 0 }, { keepDays: 90, keepCount: 1000 })).toEqual({ keepDays: 7, keepCount: 0 });

    await db.settings.bulkPut([
      { key: 'keepDays', value: 30 },
      { key: 'keepCount', value: 0 },
    ]);
    const global = await addFeedRow(db, { url: 'https://a.example/feed' });
    const forever = await addFeedRow(db, { url: 'https://b.example/feed', keepDays: 0 });
    await store(global, [['old', 60, 60, 1, 0]]);
    await store(forever, [['old', 60, 60, 1, 0]]);

    expect(await applyRetention(db, NOW)).toBe(1);
    expect([await keys(global), await keys(forever)]).toEqual([[], ['old']]);
  });

  it('never brings a removed entry back while the feed still lists it', async () => {
    const id = await addFeedRow(db, { keepCount: 1, keepDays: 0 });
    await db.feedCounts.put({ feedId: id, unread: 0, starred: 0, total: 0 });
    const listed = feed([entry('new', { publishedAt: NOW - 50 * DAY }), entry('old', { publishedAt: NOW - 51 * DAY })]);
    await ingestFeed(db, id, listed, {}, NOW - 40 * DAY);
    await db.entries.toCollection().modify({ read: 1 });

    expect(await applyRetention(db, NOW)).toBe(1);
    expect(await ingestFeed(db, id, listed, {}, NOW)).toMatchObject({ added: 0 });
    expect(await keys(id)).toEqual(['new']);
  });
});
