// Search: the entries whose title, author or text have every term of the query, newest first as lists
// sort (sortAt, ties by id). Indexed segments answer from their postings (one shard per term) and order them
// by the sortAt they keep; entries the indexer has not reached yet are read and matched directly, so a result
// never misses a new entry.
import Dexie from 'dexie';
import type { BodyRow, EntryRow } from '../db/model';
import { db as defaultDb, type ReaderDB } from '../db/schema';
import { latestEntryId } from '../db/views';
import { postingsOf, segmentOf, segmentRange, SHARDS, type SegmentRow, type ShardRow } from './segment';
import { indexTerms, isPrefixTerm, queryTerms, shardOf } from './tokens';

/** entry-text's entryText, once loaded. */
let entryText: ((row: EntryRow, body: BodyRow | undefined) => string) | undefined;

/** Up to this many matches are checked against the entries themselves (dropping any deleted since their segment was built). */
const CHECK_ROWS = 2000;

/** The ids of the entries matching `query`, newest first; [] when the query has no searchable term. */
export async function searchEntries(query: string, db: ReaderDB = defaultDb): Promise<number[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const { found, ranges, indexed } = await db.transaction('r', [db.entries, db.searchShards, db.searchSegments], async () => {
    const latest = await latestEntryId(db);
    const segments = new Map((await db.searchSegments.toArray()).map((row) => [row.segment, row]));
    const stale = (await db.entries.where('searchStale').equals(1).primaryKeys()) as number[];
    const matches = await fromIndex(db, terms);
    // The index holds older text of stale entries: they are matched on what they say now.
    for (const id of stale) matches.delete(id);
    return { found: matches, indexed: segments, ranges: unindexedRanges(latest, segments).concat(stale.map((id): [number, number] => [id, id + 1])) };
  });
  const sortAt = new Map<number, number>();
  for (const id of found) sortAt.set(id, indexed.get(segmentOf(id))?.sortAt[id - segmentRange(segmentOf(id))[0]] ?? Number.NaN);
  // HTML-to-text brings the entity tables, which the popup should not load at every opening: only when
  // something is not indexed yet, and outside a transaction (awaiting a module load would end it).
  if (ranges.length > 0) {
    // Once loaded, no await stands between the reads (a live query keeps observing them).
    const textOf = entryText ?? (entryText = (await import('./entry-text')).entryText);
    for (const row of await scan(db, terms, ranges, textOf)) sortAt.set(row.id, row.sortAt);
  }
  return order(db, sortAt);
}

/** Ids that have every term, from the postings of indexed segments (ids deleted since may be among them). */
async function fromIndex(db: ReaderDB, terms: string[]): Promise<Set<number>> {
  // Terms that share a shard (CJK pairs of one first character) read it once.
  const shards = new Map<number, Promise<ShardRow[]>>();
  const rowsOf = (shard: number) => {
    let rows = shards.get(shard);
    if (!rows) shards.set(shard, (rows = db.searchShards.where('[shard+segment]').between([shard, Dexie.minKey], [shard, Dexie.maxKey]).toArray()));
    return rows;
  };
  const perTerm = await Promise.all(terms.map(async (term) => (await rowsOf(shardOf(term, SHARDS))).flatMap((row) => postingsOf(row, term, isPrefixTerm(term)))));
  perTerm.sort((a, b) => a.length - b.length);
  let matches = new Set(perTerm[0]);
  for (const ids of perTerm.slice(1)) {
    const next = new Set<number>();
    for (const id of ids) if (matches.has(id)) next.add(id);
    matches = next;
  }
  return matches;
}

/** Id ranges [from, to) not covered by the index: segments never built, and ids added after a segment was built. */
function unindexedRanges(latest: number, indexed: ReadonlyMap<number, SegmentRow>): [number, number][] {
  const ranges: [number, number][] = [];
  if (latest === 0) return ranges;
  for (let segment = 0; segment <= segmentOf(latest); segment++) {
    const [first, end] = segmentRange(segment);
    const row = indexed.get(segment);
    const from = row ? Math.max(first, row.upTo + 1) : first;
    if (from < Math.min(end, latest + 1)) ranges.push([from, end]);
  }
  return ranges;
}

/** The entries in `ranges` that match, read and matched directly in one transaction. */
function scan(db: ReaderDB, terms: string[], ranges: [number, number][], textOf: (row: EntryRow, body: BodyRow | undefined) => string): Promise<EntryRow[]> {
  return db.transaction('r', [db.entries, db.bodies], async () => {
    const found: EntryRow[] = [];
    for (const [from, to] of ranges) {
      const rows = await db.entries.where(':id').between(from, to, true, false).toArray();
      const bodies = await db.bodies.bulkGet(rows.map((row) => row.id));
      rows.forEach((row, index) => {
        const have = indexTerms(textOf(row, bodies[index]));
        if (terms.every((term) => (isPrefixTerm(term) ? hasPrefix(have, term) : have.has(term)))) found.push(row);
      });
    }
    return found;
  });
}

/**
 * The ids newest first (sortAt, then id, both descending: the lists' order). A few matches are checked
 * against the entries (an entry deleted after its segment was built drops out); for many, the indexer's
 * rebuild of that segment, which follows the deletion within seconds, drops it.
 */
async function order(db: ReaderDB, sortAt: Map<number, number>): Promise<number[]> {
  let ids = [...sortAt.keys()];
  if (ids.length <= CHECK_ROWS) {
    const rows = await db.entries.bulkGet(ids);
    ids = ids.filter((_, index) => rows[index] !== undefined);
  }
  return ids.sort((a, b) => sortAt.get(b)! - sortAt.get(a)! || b - a);
}

function hasPrefix(terms: Set<string>, prefix: string): boolean {
  for (const term of terms) if (term.startsWith(prefix)) return true;
  return false;
}
