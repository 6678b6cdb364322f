// Runs INSIDE the extension's service worker (bundled by esbuild, evaluated over the DevTools protocol): the
// floors of the poll bench, measured in the same worker, on the same IndexedDB, with the same schema.
import Dexie from 'dexie';
import { ingestFeed } from '../src/background/ingest';
import { ReaderDB } from '../src/db/schema';
import { parseFeed } from '../src/feeds';
import { rss } from './poll-documents';

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
  /** `feeds` × `perFeed` entries ingested by the extension's own ingest, one transaction per feed, into a fresh
   * database (each document parsed before its ingest, untimed), beside the rows that stored written by
   * bulkPut into another: both in milliseconds, and how many entries. */
  ingest(feeds: number, perFeed: number): Promise<{ ms: number; floorMs: number; entries: number }>;
}

const INGESTED = 'bench-ingest';

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
    return copyTimed(new ReaderDB(), afterId);
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

  async ingest(feeds, perFeed) {
    await Dexie.delete(INGESTED);
    const db = new ReaderDB(INGESTED);
    const now = Date.now();
    await db.feeds.bulkPut(Array.from({ length: feeds }, (_, index) => ({ id: index + 1, url: `https://site-${index}.example/feed.xml`, urls: [`https://site-${index}.example/feed.xml`], title: `Feed ${index}`, folderId: 0, paused: 0 as const, notify: 0 as const, addedAt: now, errorCount: 0, nextPollAt: now + 86_400_000 })));
    let ms = 0;
    for (let index = 0; index < feeds; index++) {
      const parsed = parseFeed(rss(index, perFeed, 1, now), { url: `https://site-${index}.example/feed.xml` });
      const start = performance.now();
      await ingestFeed(db, index + 1, parsed, {}, now);
      ms += performance.now() - start;
    }
    const copy = await copyTimed(db, 0);
    await Dexie.delete(INGESTED);
    return { ms, floorMs: copy.ms, entries: copy.entries };
  },
};

/** The entries and bodies of `source` with an id above `afterId`, written by one bare bulkPut per table into a
 * fresh database of the same schema, timed; `source` is closed. */
async function copyTimed(source: ReaderDB, afterId: number): Promise<{ ms: number; entries: number }> {
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
}

(globalThis as unknown as { benchFloor: BenchFloor }).benchFloor = floor;
