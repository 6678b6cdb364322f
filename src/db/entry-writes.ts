// The only code that adds, deletes or changes the read/starred state of entries. Each function keeps
// `feedCounts` exact in the same transaction (it joins the caller's transaction when there is one), so no
// page ever counts rows and a count can never drift from the rows it counts.
import type { BodyRow, EntryRow, FeedCountRow } from './model';
import type { EntryCollection, ReaderDB } from './schema';

/** Count changes per feed, applied together at the end of a write. */
type Deltas = Map<number, { unread: number; starred: number; total: number }>;

function tally(deltas: Deltas, feedId: number, unread: number, starred: number, total: number): void {
  const delta = deltas.get(feedId) ?? { unread: 0, starred: 0, total: 0 };
  delta.unread += unread;
  delta.starred += starred;
  delta.total += total;
  deltas.set(feedId, delta);
}

async function applyDeltas(db: ReaderDB, deltas: Deltas): Promise<void> {
  if (deltas.size === 0) return;
  const ids = [...deltas.keys()];
  const current = await db.feedCounts.bulkGet(ids);
  const next: FeedCountRow[] = ids.map((feedId, index) => {
    const row = current[index] ?? { feedId, unread: 0, starred: 0, total: 0 };
    const delta = deltas.get(feedId)!;
    return { feedId, unread: row.unread + delta.unread, starred: row.starred + delta.starred, total: row.total + delta.total };
  });
  await db.feedCounts.bulkPut(next);
}

/** The tables every write here touches; a caller's transaction must include them. */
function tables(db: ReaderDB) {
  return [db.entries, db.bodies, db.feedCounts];
}

/** Store new entries with their bodies (`bodies[i]` belongs to `rows[i]`); returns the new ids in order. */
export function addEntries(db: ReaderDB, rows: Omit<EntryRow, 'id'>[], bodies: Omit<BodyRow, 'id'>[]): Promise<number[]> {
  return db.transaction('rw', tables(db), async () => {
    if (rows.length === 0) return [];
    const ids = (await db.entries.bulkAdd(rows as EntryRow[], { allKeys: true })) as number[];
    await db.bodies.bulkAdd(bodies.map((body, index) => ({ ...body, id: ids[index]! })));
    const deltas: Deltas = new Map();
    for (const row of rows) tally(deltas, row.feedId, row.read === 0 ? 1 : 0, row.starred, 1);
    await applyDeltas(db, deltas);
    return ids;
  });
}

/**
 * Replace the content of stored entries: `rows` are the stored rows with new content merged in (their read and
 * starred state exactly as stored, so counts do not move), `bodies` their new bodies.
 */
export function updateEntries(db: ReaderDB, rows: EntryRow[], bodies: BodyRow[]): Promise<void> {
  return db.transaction('rw', tables(db), async () => {
    // The search index must not answer from the old text: search reads these directly until re-indexed.
    if (rows.length > 0) await db.entries.bulkPut(rows.map((row) => ({ ...row, searchStale: 1 as const })));
    if (bodies.length > 0) await db.bodies.bulkPut(bodies);
  });
}

/** Mark entries read (or unread); ids that no longer exist are skipped. Returns how many changed. */
export function setRead(db: ReaderDB, ids: readonly number[], read: boolean): Promise<number> {
  const value = read ? 1 : 0;
  return db.transaction('rw', tables(db), () => changeFlag(db, db.entries.where('id').anyOf([...ids]).filter((row) => row.read !== value), 'read', value));
}

/** Star (or unstar) entries; ids that no longer exist are skipped. Returns how many changed. */
export function setStarred(db: ReaderDB, ids: readonly number[], starred: boolean): Promise<number> {
  const value = starred ? 1 : 0;
  return db.transaction('rw', tables(db), () => changeFlag(db, db.entries.where('id').anyOf([...ids]).filter((row) => row.starred !== value), 'starred', value));
}

/** Mark every entry of `collection` read (a view's unread entries up to a cutoff, say). Returns how many changed. */
export function markCollectionRead(db: ReaderDB, collection: EntryCollection): Promise<number> {
  return db.transaction('rw', tables(db), () => changeFlag(db, collection.filter((row) => row.read === 0), 'read', 1));
}

async function changeFlag(db: ReaderDB, collection: EntryCollection, flag: 'read' | 'starred', value: 0 | 1): Promise<number> {
  const deltas: Deltas = new Map();
  const step = value === 1 ? 1 : -1;
  const changed = await collection.modify((row: EntryRow) => {
    if (flag === 'read') tally(deltas, row.feedId, -step, 0, 0);
    else tally(deltas, row.feedId, 0, step, 0);
    row[flag] = value;
  });
  await applyDeltas(db, deltas);
  return changed;
}

/** Delete entries and their bodies; returns the rows deleted (retention writes tombstones from them). */
export function deleteEntries(db: ReaderDB, ids: readonly number[]): Promise<EntryRow[]> {
  return db.transaction('rw', tables(db), async () => {
    const rows = (await db.entries.bulkGet([...ids])).filter((row): row is EntryRow => row !== undefined);
    const deltas: Deltas = new Map();
    for (const row of rows) tally(deltas, row.feedId, row.read === 0 ? -1 : 0, -row.starred, -1);
    const gone = rows.map((row) => row.id);
    await db.entries.bulkDelete(gone);
    await db.bodies.bulkDelete(gone);
    await applyDeltas(db, deltas);
    return rows;
  });
}

/** Delete every entry of a feed with its bodies and its counts row (the feed is being removed). */
export function deleteFeedEntries(db: ReaderDB, feedId: number): Promise<void> {
  return db.transaction('rw', tables(db), async () => {
    const ids = await db.entries.where('[feedId+sortAt]').between([feedId, -Infinity], [feedId, Infinity]).primaryKeys();
    await db.entries.bulkDelete(ids);
    await db.bodies.bulkDelete(ids);
    await db.feedCounts.delete(feedId);
  });
}
