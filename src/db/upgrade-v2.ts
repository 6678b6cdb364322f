// v1 → v2 in the upgrade transaction: bodies move out of the entries into `bodies`, every entry gets its
// content hash and snippet, feeds get their v2 fields, and the per-feed counts are computed once. Nothing a
// user had — entries, read and starred state, subscriptions — is dropped.
import type { Transaction } from 'dexie';
import type { Enclosure, FeedFormat, ParsedEntry } from '../feeds/model';
import { entryParts } from './entry-content';
import type { BodyRow, EntryRow, FeedCountRow, FeedRow } from './model';

/** A v1 subscription row, as 0.1.0 stored it. */
interface V1Feed {
  id: number;
  url: string;
  title: string;
  siteUrl?: string;
  iconUrl?: string;
  description?: string;
  format?: FeedFormat;
  timeZone?: string;
  addedAt: number;
  lastFetchedAt?: number;
  /** English text: not carried over (v2 stores codes), the feed is polled again soon instead. */
  lastError?: string;
  errorCount: number;
  etag?: string;
  lastModified?: string;
  nextPollAt: number;
}

/** A v1 entry: the list fields and the body in one row. */
interface V1Entry extends Omit<ParsedEntry, 'id'> {
  id: number;
  feedId: number;
  key: string;
  sortAt: number;
  read: 0 | 1;
  starred: 0 | 1;
  fetchedAt: number;
  categories: string[];
  enclosures: Enclosure[];
}

/** Entries converted per step, so a large library never sits in memory at once. */
const BATCH = 500;

/** The upgrade() of version 2. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const feeds = await tx.table<V1Feed, number>('feeds').toArray();
  await tx.table<FeedRow, number>('feeds').bulkPut(feeds.map(feedV2));

  const counts = new Map<number, FeedCountRow>(feeds.map((feed) => [feed.id, { feedId: feed.id, unread: 0, starred: 0, total: 0 }]));
  const entries = tx.table<V1Entry | EntryRow, number>('entries');
  let after = 0;
  for (;;) {
    const batch = (await entries.where(':id').above(after).limit(BATCH).toArray()) as V1Entry[];
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.id;
    const rows: EntryRow[] = [];
    const bodies: BodyRow[] = [];
    for (const old of batch) {
      const { row, body } = entryV2(old);
      rows.push(row);
      bodies.push(body);
      const count = counts.get(old.feedId) ?? { feedId: old.feedId, unread: 0, starred: 0, total: 0 };
      count.total++;
      count.unread += old.read === 0 ? 1 : 0;
      count.starred += old.starred;
      counts.set(old.feedId, count);
    }
    await entries.bulkPut(rows);
    await tx.table<BodyRow, number>('bodies').bulkPut(bodies);
  }
  await tx.table<FeedCountRow, number>('feedCounts').bulkPut([...counts.values()]);
}

/** A v1 feed with the v2 fields: one address, no folder, polled, no notifications. */
function feedV2(old: V1Feed): FeedRow {
  const { lastError, ...kept } = old;
  const feed: FeedRow = { ...kept, urls: [old.url], folderId: 0, paused: 0, notify: 0 };
  // Its last failure was stored as English text: poll it again at once to learn the error as a code.
  if (lastError !== undefined) feed.nextPollAt = 0;
  return feed;
}

/** A v1 entry as a v2 list row and body. v1 stored the link or "Untitled" for a missing title: blank again. */
function entryV2(old: V1Entry): { row: EntryRow; body: BodyRow } {
  const title = old.title === 'Untitled' || (old.url !== undefined && old.title === old.url) ? '' : old.title;
  const parsed: ParsedEntry = { ...old, id: old.key, title };
  const { list, body } = entryParts(parsed);
  const row: EntryRow = { ...list, id: old.id, feedId: old.feedId, key: old.key, sortAt: old.sortAt, fetchedAt: old.fetchedAt, read: old.read, starred: old.starred };
  return { row, body: { ...body, id: old.id } };
}
