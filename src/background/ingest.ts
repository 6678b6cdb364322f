// Store one poll's result in ONE transaction: new entries added, known ones updated in place, feed
// metadata and poll bookkeeping written together, so a worker killed mid-poll leaves nothing half-done.
import type { EntryRow, FeedRow, ReaderDB } from '../db/schema';
import type { ParsedEntry, ParsedFeed } from '../feeds/model';
import { nextPollAfterFailure, nextPollAfterSuccess } from './schedule-policy';

/** HTTP validators to send on the next poll. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** How many entries a poll added and how many it changed. */
export interface IngestCount {
  added: number;
  updated: number;
}

/** The entry fields a feed may change between polls; everything else on a row belongs to the reader. */
type EntryContent = Pick<
  EntryRow,
  'title' | 'url' | 'author' | 'publishedAt' | 'updatedAt' | 'contentHtml' | 'summaryHtml' | 'contentText' | 'coverUrl' | 'categories' | 'enclosures' | 'imageMap'
>;

/** Store `parsed` for feed `feedId`: dedupe by [feedId+key], keep read/starred/sortAt of known entries. */
export async function ingestFeed(db: ReaderDB, feedId: number, parsed: ParsedFeed, validators: Validators, now: number): Promise<IngestCount> {
  // First occurrence wins when a document repeats an id.
  const incoming = new Map<string, ParsedEntry>();
  for (const entry of parsed.entries) if (!incoming.has(entry.id)) incoming.set(entry.id, entry);

  return db.transaction('rw', db.feeds, db.entries, async () => {
    // Unsubscribed while the fetch was running: store nothing.
    if (!(await db.feeds.get(feedId))) return { added: 0, updated: 0 };

    const keys = [...incoming.keys()];
    const known = await db.entries.where('[feedId+key]').anyOf(keys.map((key) => [feedId, key])).toArray();
    const byKey = new Map(known.map((row) => [row.key, row]));

    const added: Omit<EntryRow, 'id'>[] = [];
    const changed: EntryRow[] = [];
    keys.forEach((key, index) => {
      const content = contentOf(incoming.get(key)!);
      const row = byKey.get(key);
      if (row) {
        // Fields the feed dropped keep their stored value: a re-poll never loses content.
        const merged: EntryRow = { ...row, ...content };
        if (!sameContent(row, merged)) changed.push(merged);
        return;
      }
      // Undated entries keep document order (first = newest) by stepping back one ms each.
      const sortAt = content.publishedAt ?? content.updatedAt ?? now - index;
      added.push({ feedId, key, ...content, sortAt, read: 0, starred: 0, fetchedAt: now });
    });

    if (added.length > 0) await db.entries.bulkAdd(added as EntryRow[]);
    if (changed.length > 0) await db.entries.bulkPut(changed);
    await db.feeds.update(feedId, { ...feedMetadata(parsed), ...successBookkeeping(now), etag: validators.etag, lastModified: validators.lastModified });
    return { added: added.length, updated: changed.length };
  });
}

/** A 304 Not Modified: the feed is healthy, nothing to store. */
export async function recordNotModified(db: ReaderDB, feedId: number, now: number): Promise<void> {
  await db.feeds.update(feedId, successBookkeeping(now));
}

/** A failed poll: count it, keep the message for the options page, back off. Returns the new errorCount. */
export async function recordFailure(db: ReaderDB, feedId: number, message: string, now: number): Promise<number> {
  return db.transaction('rw', db.feeds, async () => {
    const feed = await db.feeds.get(feedId);
    if (!feed) return 0;
    const errorCount = feed.errorCount + 1;
    await db.feeds.update(feedId, { errorCount, lastError: message, nextPollAt: nextPollAfterFailure(now, errorCount) });
    return errorCount;
  });
}

/** The stored fields of a parsed entry, without the keys the parser left undefined. */
export function contentOf(entry: ParsedEntry): EntryContent {
  const { id: _key, ...fields } = entry;
  const content = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as EntryContent;
  // An entry the feed left untitled keeps a title a list can show.
  if (content.title.trim() === '') content.title = entry.url ?? 'Untitled';
  return content;
}

/** Feed fields a poll refreshes; a blank title in the document never erases the stored one. */
export function feedMetadata(parsed: ParsedFeed): Partial<FeedRow> {
  const meta: Partial<FeedRow> = { format: parsed.format };
  if (parsed.title.trim() !== '') meta.title = parsed.title.trim();
  if (parsed.siteUrl !== undefined) meta.siteUrl = parsed.siteUrl;
  if (parsed.iconUrl !== undefined) meta.iconUrl = parsed.iconUrl;
  if (parsed.description !== undefined) meta.description = parsed.description;
  return meta;
}

/** What every successful poll resets. `lastError: undefined` deletes the field. */
function successBookkeeping(now: number): Partial<FeedRow> {
  return { lastFetchedAt: now, errorCount: 0, lastError: undefined, nextPollAt: nextPollAfterSuccess(now) };
}

/** Whether a re-polled entry changed; skipping unchanged rows spares every open page a re-render. */
function sameContent(a: EntryRow, b: EntryRow): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
