// Rows for component tests, written straight into the shared (fake-indexeddb) database.
import { db, type EntryRow, type FeedRow } from '../../../src/db/schema';

/** Empty both tables. */
export async function resetDb(): Promise<void> {
  await Promise.all([db.feeds.clear(), db.entries.clear()]);
}

/** A feed with sensible defaults. */
export function feed(id: number, title: string, extra: Partial<FeedRow> = {}): FeedRow {
  return { id, url: `https://feeds.example/${id}.xml`, title, addedAt: 0, errorCount: 0, nextPollAt: 0, ...extra };
}

/** An unread entry with sensible defaults. */
export function entry(id: number, feedId: number, title: string, sortAt: number, extra: Partial<EntryRow> = {}): EntryRow {
  return { id, feedId, key: `k${id}`, title, sortAt, categories: [], enclosures: [], read: 0, starred: 0, fetchedAt: sortAt, ...extra };
}
