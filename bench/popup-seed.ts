// Runs inside an extension page (bundled by bench/popup.ts, evaluated with page.evaluate): writes entries
// straight through the extension's own Dexie code, bodies included, in batches as polls write them.
import { addEntries } from '../src/db/entry-writes';
import { db as extensionDb, ReaderDB } from '../src/db/schema';
import { updateSearchIndex } from '../src/search/indexer';

/** Sentences to build articles from, English and Chinese. */
declare const POOL: { en: string[]; zh: string[] };

let seed = 777;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;

/** Entry `index`: even ones Chinese, odd ones English, 10–24 sentences each, a minute apart, 200 feeds. */
function article(index: number, now: number) {
  const pool = index % 2 === 0 ? POOL.zh : POOL.en;
  const html = Array.from({ length: 10 + Math.floor(random() * 15) }, () => `<p>${pick(pool)}</p>`).join('\n');
  const sortAt = now - index * 60_000;
  const row = { feedId: 1 + (index % 200), key: `k${index}`, title: pick(pool).slice(0, 60), url: `https://example.com/${index}`, sortAt, fetchedAt: sortAt, read: 0 as const, starred: 0 as const, hash: `h${index}` };
  return { row, body: { contentHtml: html, categories: [], enclosures: [] } };
}

/** 200 feeds and `count` unread entries in the extension's database (or the one named); returns the milliseconds spent writing (not generating). */
async function seedLibrary(count: number, name?: string, batch = 500): Promise<number> {
  const db = name === undefined ? extensionDb : new ReaderDB(name);
  const now = Date.now();
  await db.feeds.bulkPut(Array.from({ length: 200 }, (_, index) => ({ id: index + 1, url: `https://feeds.example/${index + 1}.xml`, urls: [`https://feeds.example/${index + 1}.xml`], title: `Feed ${index + 1}`, folderId: 0, paused: 0 as const, notify: 0 as const, addedAt: now, errorCount: 0, nextPollAt: now + 86_400_000 })));
  let spent = 0;
  for (let from = 0; from < count; from += batch) {
    const items = Array.from({ length: Math.min(batch, count - from) }, (_, offset) => article(from + offset, now));
    const started = performance.now();
    await addEntries(db, items.map((item) => item.row), items.map((item) => item.body));
    spent += performance.now() - started;
  }
  return spent;
}

/** How many search segments the worker's indexer has written. */
function indexedSegments(): Promise<number> {
  return extensionDb.searchSegments.count();
}

/** Milliseconds the indexer takes over the database `name` (one no worker watches). */
async function indexNow(name: string): Promise<number> {
  const started = performance.now();
  await updateSearchIndex(new ReaderDB(name));
  return performance.now() - started;
}

(globalThis as unknown as { BENCH: object }).BENCH = { seedLibrary, indexedSegments, indexNow };
