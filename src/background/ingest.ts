// Store one poll's result in ONE transaction: new entries added, changed ones updated in place (read and
// starred state kept), entries retention removed left out, feed metadata and the poll's own bookkeeping
// written together — a worker killed mid-poll leaves nothing half-done.
import { contentHash, entryParts } from '../db/entry-content';
import { addEntries, updateEntries } from '../db/entry-writes';
import type { BodyRow, EntryRow, FeedRow, TombstoneRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import type { ParsedEntry, ParsedFeed } from '../feeds/model';
import { bareLinkKey, bareLinks, sameLinkMatch, sameLinkRange } from './entry-keys';

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
    const keys = [...incoming.keys()];
    const legacy = bareLinks(incoming);
    const lookup = [...keys, ...legacy.keys()].map((key) => [feedId, key]);
    // Asked together: the transactions of a round queue one behind the other in the browser's IndexedDB, so each
    // round trip to it a transaction waits on holds up the feeds after it too.
    const [current, knownRows, tombstoneRows] = await Promise.all([db.feeds.get(feedId), db.entries.where('[feedId+key]').anyOf(lookup).toArray(), db.tombstones.where('[feedId+key]').anyOf(lookup).toArray()]);
    // Unsubscribed while the fetch was running: store nothing.
    if (!current) return { added: 0, updated: 0, addedIds: [] };
    const known = new Map(knownRows.map((row) => [row.key, row]));
    const tombstones = new Map(tombstoneRows.map((row) => [row.key, row]));
    const linked = await sameLinkStored(db, feedId, incoming, legacy, known, tombstones);

    const added: Omit<EntryRow, 'id'>[] = [];
    const addedBodies: Omit<BodyRow, 'id'>[] = [];
    const changed: { row: EntryRow; entry: ParsedEntry }[] = [];
    const movedTombstones: { from: string; row: TombstoneRow }[] = [];
    keys.forEach((key, index) => {
      if (tombstones.has(key)) return;
      const entry = incoming.get(key)!;
      const exact = known.get(key);
      const bare = bareLinkKey(key, entry.url);
      // A tombstone an earlier version wrote under the bare link stands for the one entry that had it then: it
      // moves to that entry's key (so it stops nothing else later) while the link is still the entry's alone.
      const oldTombstone = exact || bare === undefined || legacy.get(bare)?.length !== 1 ? undefined : tombstones.get(bare);
      if (oldTombstone) {
        movedTombstones.push({ from: oldTombstone.key, row: { ...oldTombstone, key } });
        return;
      }
      const stored = exact ?? adoptLegacy(known, legacy, key, entry) ?? claim(linked.rows, entry);
      if (stored) {
        if (stored.key !== key || stored.hash !== contentHash(entry)) changed.push({ row: stored, entry });
        return;
      }
      // Removed by retention under its earlier title or date: it stays out, and the tombstone takes the new key.
      const linkedTombstone = claim(linked.tombstones, entry);
      if (linkedTombstone) {
        movedTombstones.push({ from: linkedTombstone.key, row: { ...linkedTombstone, key } });
        return;
      }
      const { list, body } = entryParts(entry);
      // Undated entries keep document order (first = newest) by stepping back one ms each.
      added.push({ ...list, feedId, key, sortAt: sortTime(list.publishedAt ?? list.updatedAt ?? now - index, now), fetchedAt: now, read: 0, starred: 0 });
      addedBodies.push(body);
    });

    const addedIds = await addEntries(db, added, addedBodies);
    if (changed.length > 0) await updateChanged(db, changed, now);
    if (movedTombstones.length > 0) {
      await db.tombstones.bulkDelete(movedTombstones.map(({ from }) => [feedId, from] as [number, string]));
      await db.tombstones.bulkPut(movedTombstones.map(({ row }) => row));
    }
    const meta = feedMetadata(parsed);
    // An OPML file's name for a feed not fetched yet (no own title) that turns out to be its own title is no
    // rename: it goes, so the feed's later renames show.
    if (current.title === '' && current.customTitle !== undefined && current.customTitle === meta.title) meta.customTitle = undefined;
    await db.feeds.update(feedId, { ...meta, ...feedPatch });
    return { added: added.length, updated: changed.length, addedIds };
  });
}

/**
 * Rewrite changed entries (and rekey those found under an earlier version's key). Fields the feed dropped keep
 * their stored value (a feed that shortens old items to a summary never loses the full text), so the few changed
 * entries have their bodies read and merged.
 */
async function updateChanged(db: ReaderDB, changed: { row: EntryRow; entry: ParsedEntry }[], now: number): Promise<void> {
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
    // A corrected publication date (another time zone for the feed) moves the entry in lists; other edits do not.
    const sortAt = list.publishedAt !== undefined && list.publishedAt !== row.publishedAt ? sortTime(list.publishedAt, now) : row.sortAt;
    // The hash is the document's, not the merge's: the same document next time is then "unchanged".
    rows.push({ ...row, ...list, key: entry.id, sortAt, hash: contentHash(entry) });
    // The full article the user loaded is the page's, not the feed's: a feed update keeps it.
    bodies.push({ ...body, ...(old?.article ? { article: old.article } : {}), id: row.id });
  });
  await updateEntries(db, rows, bodies);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

/**
 * For the id-less entries whose link is theirs alone in the document and whose key (and bare link) found nothing,
 * the rows and tombstones of the feed keyed by that link under another hash — one query for all of them, and
 * none for a feed whose entries have ids. Rows keyed by an incoming key are another entry's and left out.
 */
async function sameLinkStored(db: ReaderDB, feedId: number, incoming: ReadonlyMap<string, ParsedEntry>, legacy: ReadonlyMap<string, string[]>, known: ReadonlyMap<string, EntryRow>, tombstones: ReadonlyMap<string, TombstoneRow>): Promise<{ rows: EntryRow[]; tombstones: TombstoneRow[] }> {
  const ranges: [[number, string], [number, string]][] = [];
  for (const [key, entry] of incoming) {
    const bare = bareLinkKey(key, entry.url);
    if (bare === undefined || legacy.get(bare)?.length !== 1 || known.has(key) || known.has(bare) || tombstones.has(key) || tombstones.has(bare)) continue;
    ranges.push(sameLinkRange(feedId, bare));
  }
  if (ranges.length === 0) return { rows: [], tombstones: [] };
  const [rows, stones] = await Promise.all([db.entries.where('[feedId+key]').inAnyRange(ranges).toArray(), db.tombstones.where('[feedId+key]').inAnyRange(ranges).toArray()]);
  return { rows: rows.filter((row) => !incoming.has(row.key)), tombstones: stones.filter((row) => !incoming.has(row.key)) };
}

/** Take from `stored` the one that is `entry` under another hash of its link (see sameLinkMatch), at most once. */
function claim<T extends { key: string; title?: string }>(stored: T[], entry: ParsedEntry): T | undefined {
  if (entry.url === undefined || stored.length === 0) return undefined;
  const match = sameLinkMatch(stored, entry.url, entry.title);
  if (match) stored.splice(stored.indexOf(match), 1);
  return match;
}

/**
 * The row an earlier version stored under the bare link of `entry` (keyed `key`), claimed once: the entry's
 * when no other incoming id-less entry has that link (the earlier version matched it by link alone), else the
 * one whose title is the same.
 */
function adoptLegacy(known: Map<string, EntryRow>, legacy: ReadonlyMap<string, string[]>, key: string, entry: ParsedEntry): EntryRow | undefined {
  const bare = bareLinkKey(key, entry.url);
  const sharing = bare === undefined ? undefined : legacy.get(bare);
  const row = bare === undefined ? undefined : known.get(bare);
  if (!row || !sharing || (sharing.length > 1 && row.title !== entry.title)) return undefined;
  known.delete(bare!);
  return row;
}

// A date in the future would pin an entry to the top of every list, so lists sort it as arriving now.
function sortTime(date: number, now: number): number {
  return Math.min(date, now);
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
