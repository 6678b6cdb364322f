// feedCounts stays exact whatever sequence of writes runs: checked against a recount of the rows (done
// here, in the test) after every step of a seeded random sequence, and on a few literal cases.
import { afterEach, describe, expect, it } from 'vitest';
import { addEntries, deleteEntries, deleteFeedEntries, setRead, setStarred } from '../../../src/db/entry-writes';
import type { EntryRow } from '../../../src/db/model';
import type { ReaderDB } from '../../../src/db/schema';
import { freshDb } from '../background/helpers';
import { seededRandom } from '../feeds/seeded-random';

let db: ReaderDB;
afterEach(() => db?.close());

function row(feedId: number, key: string, fields: Partial<EntryRow> = {}): Omit<EntryRow, 'id'> {
  return { feedId, key, title: key, sortAt: 1, read: 0, starred: 0, fetchedAt: 1, hash: key, ...fields };
}

/** The counts as the rows say, computed without the code under test. */
async function recount(): Promise<Record<number, { unread: number; starred: number; total: number }>> {
  const counts: Record<number, { unread: number; starred: number; total: number }> = {};
  for (const entry of await db.entries.toArray()) {
    const count = (counts[entry.feedId] ??= { unread: 0, starred: 0, total: 0 });
    count.total++;
    if (entry.read === 0) count.unread++;
    if (entry.starred === 1) count.starred++;
  }
  return counts;
}

async function stored(): Promise<Record<number, { unread: number; starred: number; total: number }>> {
  const counts: Record<number, { unread: number; starred: number; total: number }> = {};
  // A feed whose entries are all gone keeps a zero row; the recount has none for it.
  for (const { feedId, ...count } of await db.feedCounts.toArray()) if (count.total > 0 || count.unread > 0 || count.starred > 0) counts[feedId] = count;
  return counts;
}

describe('entry writes', () => {
  it('adds entries with their bodies and counts them', async () => {
    db = freshDb();
    const ids = await addEntries(db, [row(1, 'a'), row(1, 'b', { read: 1, starred: 1 }), row(2, 'c')], [{ categories: [], enclosures: [], contentHtml: '<p>a</p>' }, { categories: [], enclosures: [] }, { categories: ['x'], enclosures: [] }]);

    expect(ids).toEqual([1, 2, 3]);
    expect(await db.bodies.get(1)).toEqual({ id: 1, categories: [], enclosures: [], contentHtml: '<p>a</p>' });
    expect(await db.feedCounts.toArray()).toEqual([
      { feedId: 1, unread: 1, starred: 1, total: 2 },
      { feedId: 2, unread: 1, starred: 0, total: 1 },
    ]);
  });

  it('counts only real changes of read and starred state', async () => {
    db = freshDb();
    await addEntries(db, [row(1, 'a'), row(1, 'b')], [{ categories: [], enclosures: [] }, { categories: [], enclosures: [] }]);

    expect(await setRead(db, [1, 2, 99], true)).toBe(2);
    expect(await setRead(db, [1], true)).toBe(0);
    expect(await setStarred(db, [2], true)).toBe(1);
    expect(await db.feedCounts.toArray()).toEqual([{ feedId: 1, unread: 0, starred: 1, total: 2 }]);
  });

  it('deletes entries with their bodies and returns them', async () => {
    db = freshDb();
    await addEntries(db, [row(1, 'a'), row(1, 'b', { starred: 1 })], [{ categories: [], enclosures: [] }, { categories: [], enclosures: [] }]);

    expect((await deleteEntries(db, [2, 7])).map((entry) => entry.key)).toEqual(['b']);
    expect(await db.bodies.count()).toBe(1);
    expect(await db.feedCounts.toArray()).toEqual([{ feedId: 1, unread: 1, starred: 0, total: 1 }]);
  });

  it('deletes a whole feed, its bodies and its counts row, leaving other feeds alone', async () => {
    db = freshDb();
    await addEntries(db, [row(1, 'a'), row(2, 'b'), row(1, 'c')], [{ categories: [], enclosures: [] }, { categories: [], enclosures: [] }, { categories: [], enclosures: [] }]);

    await deleteFeedEntries(db, 1);

    expect((await db.entries.toArray()).map((entry) => entry.key)).toEqual(['b']);
    expect((await db.bodies.toArray()).map((body) => body.id)).toEqual([2]);
    expect(await db.feedCounts.toArray()).toEqual([{ feedId: 2, unread: 1, starred: 0, total: 1 }]);
  });

  it('stays exact over 300 random writes', async () => {
    db = freshDb();
    const next = seededRandom(20261201);
    const pick = (n: number) => Math.floor(next() * n);
    let key = 0;
    for (let step = 0; step < 300; step++) {
      const ids = await db.entries.toCollection().primaryKeys();
      const some = ids.filter(() => next() < 0.3);
      switch (pick(5)) {
        case 0: {
          const rows = Array.from({ length: 1 + pick(4) }, () => row(1 + pick(3), `k${key++}`, { read: pick(2) as 0 | 1, starred: pick(2) as 0 | 1 }));
          await addEntries(db, rows, rows.map(() => ({ categories: [], enclosures: [] })));
          break;
        }
        case 1:
          await setRead(db, some, next() < 0.5);
          break;
        case 2:
          await setStarred(db, some, next() < 0.5);
          break;
        case 3:
          await deleteEntries(db, some.slice(0, 2));
          break;
        default:
          if (next() < 0.1) await deleteFeedEntries(db, 1 + pick(3));
      }
      expect(await stored(), `after step ${step}`).toEqual(await recount());
    }
    expect(key).toBeGreaterThan(100);
  });
});
