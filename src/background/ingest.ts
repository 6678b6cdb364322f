// Store one poll's result in ONE transaction: new entries added, changed ones updated in place (read and
// starred state kept), entries retention removed left out, feed metadata and the poll's own bookkeeping
// written together — a worker killed mid-poll leaves nothing half-done.
import { contentHash, entryParts } from '../db/entry-content';
import { addEntries, updateEntries } from '../db/entry-writes';
import type { BodyRow, EntryRow, FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import type { ParsedEntry, ParsedFeed } from '../feeds/model';

/** What one ingest stored. */
export interface IngestCount {
  added: number;
  updated: number;
  /** Ids of the added entries, newest first as the document listed them. */
  addedIds: number[];
}

/** Store `parsed` for feed `feedId` and write `feedPatch` (the poll's bookkeeping) onto the feed row. */
export async function ingestFeed(db: ReaderDB, feedId: number, parsed: ParsedFeed, feedPatch: Partial<FeedRow>, now: number): Promise<IngestCount> {
  // First occurrence wins when a document repeats an id.
  const incoming = new Map<string, ParsedEntry>();
  for (const entry of parsed.entries) if (!incoming.has(entry.id)) incoming.set(entry.id, entry);

  return db.transaction('rw', [db.feeds, db.entries, db.bodies, db.feedCounts, db.tombstones], async () => {
    // Unsubscribed while the fetch was running: store nothing.
    if (!(await db.feeds.get(feedId))) return { added: 0, updated: 0, addedIds: [] };

    const keys = [...incoming.keys()];
    const legacy = legacyKeys(incoming);
    const lookup = [...keys, ...legacy.keys()].map((key) => [feedId, key]);
    const known = new Map((await db.entries.where('[feedId+key]').anyOf(lookup).toArray()).map((row) => [row.key, row]));
    const removed = new Set((await db.tombstones.where('[feedId+key]').anyOf(keys.map((key) => [feedId, key])).toArray()).map((row) => row.key));

    const added: Omit<EntryRow, 'id'>[] = [];
    const addedBodies: Omit<BodyRow, 'id'>[] = [];
    const changed: { row: EntryRow; entry: ParsedEntry }[] = [];
    keys.forEach((key, index) => {
      if (removed.has(key)) return;
      const entry = incoming.get(key)!;
      const stored = known.get(key) ?? adoptLegacy(known, legacy, key, entry);
      if (stored) {
        if (stored.key !== key || stored.hash !== contentHash(entry)) changed.push({ row: stored, entry });
        return;
      }
      const { list, body } = entryParts(entry);
      // Undated entries keep document order (first = newest) by stepping back one ms each; a date in the
      // future would pin an entry to the top of every list, so lists sort it as arriving now.
      const sortAt = Math.min(list.publishedAt ?? list.updatedAt ?? now - index, now);
      added.push({ ...list, feedId, key, sortAt, fetchedAt: now, read: 0, starred: 0 });
      addedBodies.push(body);
    });

    const addedIds = await addEntries(db, added, addedBodies);
    if (changed.length > 0) await updateChanged(db, changed);
    await db.feeds.update(feedId, { ...feedMetadata(parsed), ...feedPatch });
    return { added: added.length, updated: changed.length, addedIds };
  });
}

/**
 * Rewrite changed entries. Fields the feed dropped keep their stored value (a feed that shortens old items to a
 * summary never loses the full text), so the few changed entries have their bodies read and merged.
 */
async function updateChanged(db: ReaderDB, changed: { row: EntryRow; entry: ParsedEntry }[]): Promise<void> {
  const oldBodies = await db.bodies.bulkGet(changed.map(({ row }) => row.id));
  const rows: EntryRow[] = [];
  const bodies: BodyRow[] = [];
  changed.forEach(({ row, entry }, index) => {
    const old = oldBodies[index];
    const kept: Partial<ParsedEntry> = {
      ...{ url: row.url, author: row.author, publishedAt: row.publishedAt, updatedAt: row.updatedAt, coverUrl: row.coverUrl },
      ...{ contentHtml: old?.contentHtml, summaryHtml: old?.summaryHtml, contentText: old?.contentText, imageMap: old?.imageMap },
    };
    const { list, body } = entryParts({ ...withoutUndefined(kept), ...withoutUndefined(entry) } as ParsedEntry);
    // The hash is the document's, not the merge's: the same document next time is then "unchanged".
    rows.push({ ...row, ...list, key: entry.id, hash: contentHash(entry) });
    bodies.push({ ...body, id: row.id });
  });
  await updateEntries(db, rows, bodies);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/**
 * Entries keyed "link#hash" (id-less entries sharing a link, see src/feeds/normalize.ts) were keyed by the link
 * alone while their link was still unique: the bare link → the new key, so such a row is recognized, not doubled.
 */
function legacyKeys(incoming: ReadonlyMap<string, ParsedEntry>): Map<string, string[]> {
  const legacy = new Map<string, string[]>();
  for (const [key, entry] of incoming) {
    if (entry.url === undefined || !key.startsWith(`${entry.url}#hash:`)) continue;
    legacy.set(entry.url, [...(legacy.get(entry.url) ?? []), key]);
  }
  return legacy;
}

/** The stored row kept under the bare link that `entry` (keyed `key`) is, when its title matches; claimed once. */
function adoptLegacy(known: Map<string, EntryRow>, legacy: ReadonlyMap<string, string[]>, key: string, entry: ParsedEntry): EntryRow | undefined {
  if (entry.url === undefined || !legacy.get(entry.url)?.includes(key)) return undefined;
  const row = known.get(entry.url);
  if (!row || row.title !== entry.title) return undefined;
  known.delete(entry.url);
  return row;
}

/** Feed fields a poll refreshes; a blank title in the document never erases the stored one. */
export function feedMetadata(parsed: ParsedFeed): Partial<FeedRow> {
  const meta: Partial<FeedRow> = { format: parsed.format };
  if (parsed.title.trim() !== '') meta.title = parsed.title.trim();
  if (parsed.siteUrl !== undefined) meta.siteUrl = parsed.siteUrl;
  if (parsed.iconUrl !== undefined) meta.iconUrl = parsed.iconUrl;
  if (parsed.description !== undefined) meta.description = parsed.description;
  if (parsed.language !== undefined) meta.language = parsed.language;
  return meta;
}
