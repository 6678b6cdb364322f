// Keeps the search index in step with the entries, segment by segment (see segment.ts). It runs in the
// worker after writes, not inside them, so a poll never waits for tokenizing; until it has run, search
// reads the few entries it has not indexed directly (search.ts). A segment is rebuilt when its entries are
// not those it was built from (new ids, deleted ones) or one of them is flagged `searchStale` (its content
// changed), each in its own transaction, so a worker stopped mid-way loses nothing and the next run carries on.
import type { EntryRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { latestEntryId } from '../db/views';
import { entryText } from './entry-text';
import { buildShards, segmentOf, segmentRange, SHARDS } from './segment';
import { indexTerms, shardOf } from './tokens';

/** What one run did. */
export interface IndexRun {
  /** Segments rebuilt. */
  built: number;
  /** Entries tokenized. */
  entries: number;
}

/**
 * Rebuild every segment whose entries differ from what it was built from; `afterSegment` runs between segments
 * (the worker's keepalive), and the run ends early, between segments, once `yieldNow` says so.
 */
export async function updateSearchIndex(db: ReaderDB, afterSegment?: () => Promise<void>, yieldNow?: () => boolean): Promise<IndexRun> {
  const latest = await latestEntryId(db);
  const built = new Map((await db.searchSegments.toArray()).map((row) => [row.segment, row]));
  const segments = new Set(built.keys());
  const stale = new Set(((await db.entries.where('searchStale').equals(1).primaryKeys()) as number[]).map(segmentOf));
  for (const segment of stale) segments.add(segment);
  if (latest > 0) for (let segment = 0; segment <= segmentOf(latest); segment++) segments.add(segment);
  const run: IndexRun = { built: 0, entries: 0 };
  for (const segment of [...segments].sort((a, b) => a - b)) {
    const ids = await idsIn(db, segment);
    const row = built.get(segment);
    if (row && !stale.has(segment) && row.count === ids.length && row.maxId === (ids.at(-1) ?? 0)) continue;
    run.entries += await rebuildSegment(db, segment);
    run.built++;
    await afterSegment?.();
    if (yieldNow?.()) break;
  }
  return run;
}

/** The entry ids stored in `segment`, ascending. */
function idsIn(db: ReaderDB, segment: number): Promise<number[]> {
  const [first, end] = segmentRange(segment);
  return db.entries.where(':id').between(first, end, true, false).primaryKeys() as Promise<number[]>;
}

/** Index `segment` from its current entries and bodies, in one transaction; returns how many entries it holds. */
export function rebuildSegment(db: ReaderDB, segment: number): Promise<number> {
  return db.transaction('rw', [db.entries, db.bodies, db.searchShards, db.searchSegments], async () => {
    const [first, end] = segmentRange(segment);
    const rows: EntryRow[] = await db.entries.where(':id').between(first, end, true, false).toArray();
    const bodies = await db.bodies.bulkGet(rows.map((row) => row.id));
    const docs = rows.map((row, index) => ({ id: row.id, terms: indexTerms(entryText(row, bodies[index])) }));
    await db.searchShards.bulkDelete(Array.from({ length: SHARDS }, (_, shard): [number, number] => [shard, segment]));
    await db.searchShards.bulkPut(buildShards(segment, docs, (term) => shardOf(term, SHARDS)));
    const upTo = Math.min(await latestEntryId(db), end - 1);
    // The segment can hold sortAt: an update that moves it marks the entry searchStale, which rebuilds the segment.
    const sortAt = new Float64Array(end - first).fill(Number.NaN);
    for (const row of rows) sortAt[row.id - first] = row.sortAt;
    await db.searchSegments.put({ segment, count: rows.length, maxId: rows.at(-1)?.id ?? 0, upTo, sortAt });
    const stale = rows.filter((row) => row.searchStale === 1).map((row) => row.id);
    if (stale.length > 0) await db.entries.where(':id').anyOf(stale).modify((row: EntryRow) => void delete row.searchStale);
    return rows.length;
  });
}
