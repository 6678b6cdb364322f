// Rows for component tests, written straight into the shared (fake-indexeddb) database, counts included.
import type { BodyRow, EntryRow, FeedRow } from '../../../src/db/model';
import { db } from '../../../src/db/schema';

/** A list row and, optionally, body fields: what a test entry is made of. */
export type SeedEntry = EntryRow & Partial<Omit<BodyRow, 'id'>>;

/** Empty every table. */
export async function resetDb(): Promise<void> {
  await Promise.all(db.tables.map((table) => table.clear()));
}

/** A feed with sensible defaults. */
export function feed(id: number, title: string, extra: Partial<FeedRow> = {}): FeedRow {
  const url = extra.url ?? `https://feeds.example/${id}.xml`;
  return { id, url, urls: [url], title, folderId: 0, paused: 0, notify: 0, addedAt: 0, errorCount: 0, nextPollAt: 0, ...extra };
}

/** An unread entry with sensible defaults; body fields (contentHtml …) go to its body row. */
export function entry(id: number, feedId: number, title: string, sortAt: number, extra: Partial<SeedEntry> = {}): SeedEntry {
  return { id, feedId, key: `k${id}`, title, sortAt, read: 0, starred: 0, fetchedAt: sortAt, hash: `h${id}`, categories: [], enclosures: [], ...extra };
}

/** Store entries as the worker would: list rows, bodies and the per-feed counts. */
export async function seedEntries(entries: SeedEntry[]): Promise<void> {
  const rows: EntryRow[] = [];
  const bodies: BodyRow[] = [];
  for (const { contentHtml, summaryHtml, contentText, categories = [], enclosures = [], imageMap, ...row } of entries) {
    rows.push(row);
    bodies.push({ id: row.id, categories, enclosures, ...defined({ contentHtml, summaryHtml, contentText, imageMap }) });
  }
  const counts = new Map<number, { feedId: number; unread: number; starred: number; total: number }>();
  for (const row of rows) {
    const count = counts.get(row.feedId) ?? { feedId: row.feedId, unread: 0, starred: 0, total: 0 };
    count.total++;
    count.unread += row.read === 0 ? 1 : 0;
    count.starred += row.starred;
    counts.set(row.feedId, count);
  }
  await db.transaction('rw', [db.entries, db.bodies, db.feedCounts], async () => {
    await db.entries.bulkPut(rows);
    await db.bodies.bulkPut(bodies);
    for (const count of counts.values()) {
      const stored = await db.feedCounts.get(count.feedId);
      await db.feedCounts.put(stored ? { feedId: count.feedId, unread: stored.unread + count.unread, starred: stored.starred + count.starred, total: stored.total + count.total } : count);
    }
  });
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
