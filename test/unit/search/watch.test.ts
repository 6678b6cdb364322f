// The worker's watch: entries written anywhere get indexed once writes settle, but not while a polling round
// runs (a run under way stops between segments when one starts); the round's end lets the indexer run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addEntries } from '../../../src/db/entry-writes';
import { SEGMENT_SIZE } from '../../../src/search/segment';
import type { ReaderDB } from '../../../src/db/schema';
import { watchSearchIndex } from '../../../src/search/watch';
import { addFeedRow, freshDb } from '../background/helpers';

let db: ReaderDB;
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  db?.close();
});

const entry = (key: string) => ({ feedId: 1, key, title: `Story ${key}`, sortAt: 1, read: 0 as const, starred: 0 as const, fetchedAt: 1, hash: key });

describe('watchSearchIndex', () => {
  it('indexes what was written once writes settle, and waits for a running round to finish', async () => {
    db = freshDb();
    await addFeedRow(db);
    const round = { key: 'round' as const, startedAt: Date.now(), total: 1, done: 0, added: 0, failed: 0, notify: {} };
    await db.status.put(round);
    stop = watchSearchIndex(db);
    await addEntries(db, [entry('a'), entry('b')], [{ categories: [], enclosures: [] }, { categories: [], enclosures: [] }]);
    await new Promise((done) => setTimeout(done, 2500));
    expect(await db.searchSegments.count()).toBe(0);
    await db.status.put({ ...round, done: 1, finishedAt: Date.now() });
    await vi.waitFor(async () => expect(await db.searchSegments.toArray()).toEqual([expect.objectContaining({ segment: 0, count: 2, maxId: 2 })]), { timeout: 5000 });
  }, 15_000);

  it('stops a run between segments when a round starts, and finishes it after the round', async () => {
    db = freshDb();
    await addFeedRow(db);
    // Four segments' worth of entries, so a run takes several segments.
    const count = 4 * SEGMENT_SIZE;
    await addEntries(db, Array.from({ length: count }, (_, index) => entry(`e${index}`)), Array.from({ length: count }, () => ({ categories: [], enclosures: [] })));
    const round = { key: 'round' as const, startedAt: Date.now(), total: 1, done: 0, added: 0, failed: 0, notify: {} };
    // The round starts as soon as the run has built its first segment.
    let started = false;
    const keepAlive = async () => {
      if (started) return;
      started = true;
      await db.status.put(round);
      // Let the live state see the round before the run goes on.
      await new Promise((done) => setTimeout(done, 200));
    };
    stop = watchSearchIndex(db, keepAlive);
    await vi.waitFor(() => expect(started).toBe(true), { timeout: 5000 });
    await new Promise((done) => setTimeout(done, 1000));
    expect(await db.searchSegments.count()).toBe(1);
    await db.status.put({ ...round, done: 1, finishedAt: Date.now() });
    await vi.waitFor(async () => expect(await db.searchSegments.count()).toBe(5), { timeout: 8000 });
  }, 20_000);
});
