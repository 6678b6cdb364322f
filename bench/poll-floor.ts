// Runs INSIDE the extension's service worker (bundled by esbuild, evaluated over the DevTools protocol): the
// floors of the poll bench, measured in the same worker, on the same IndexedDB, with the same schema.
import Dexie from 'dexie';
import { ReaderDB } from '../src/db/schema';

/** What the bench calls in the worker. */
export interface BenchFloor {
  /** The highest entry id stored so far (0 when none). */
  maxEntryId(): Promise<number>;
  /** The entries and bodies stored with an id above `afterId`, written by one bare bulkPut per table into a fresh
   * database of the same schema: the milliseconds that took, and how many entries. */
  bulkPut(afterId: number): Promise<{ ms: number; entries: number }>;
  /** Conditional GETs of every feed's address with its stored ETag, `concurrency` at a time, as bare fetch()
   * calls: the milliseconds, and how many answered 304. */
  conditionalFetches(concurrency: number): Promise<{ ms: number; notModified: number }>;
}

const floor: BenchFloor = {
  async maxEntryId() {
    const db = new ReaderDB();
    try {
      return ((await db.entries.orderBy('id').last())?.id ?? 0) as number;
    } finally {
      db.close();
    }
  },

  async bulkPut(afterId) {
    const source = new ReaderDB();
    const entries = await source.entries.where('id').above(afterId).toArray();
    const bodies = await source.bodies.where('id').above(afterId).toArray();
    source.close();
    await Dexie.delete('bench-floor');
    const target = new ReaderDB('bench-floor');
    await target.open();
    const start = performance.now();
    await target.transaction('rw', target.entries, target.bodies, async () => {
      await target.entries.bulkPut(entries);
      await target.bodies.bulkPut(bodies);
    });
    const ms = performance.now() - start;
    target.close();
    await Dexie.delete('bench-floor');
    return { ms, entries: entries.length };
  },

  async conditionalFetches(concurrency) {
    const db = new ReaderDB();
    const feeds = await db.feeds.toArray();
    db.close();
    let next = 0;
    let notModified = 0;
    const start = performance.now();
    const worker = async () => {
      while (next < feeds.length) {
        const feed = feeds[next++]!;
        const response = await fetch(feed.servedUrl ?? feed.url, { cache: 'no-store', headers: feed.etag ? { 'If-None-Match': feed.etag } : {} });
        await response.body?.cancel();
        if (response.status === 304) notModified += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return { ms: performance.now() - start, notModified };
  },
};

(globalThis as unknown as { benchFloor: BenchFloor }).benchFloor = floor;
