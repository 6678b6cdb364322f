// The index's unit of storage. Entry ids are cut into segments of SEGMENT_SIZE consecutive ids; a segment's
// postings (term → the entries that have it) are split by a hash of the term into SHARDS rows. A query reads
// one shard per term across all segments — about 1/SHARDS of the index — and an indexer run rewrites only
// the segments whose entries changed. Pure: no Dexie.

/** Consecutive entry ids per segment; a posting stores the id's offset in its segment as 16 bits. */
export const SEGMENT_SIZE = 512;
/** Shard rows per segment. */
export const SHARDS = 64;

/** One segment's postings for the terms of one shard: `terms` sorted, `ids.subarray(starts[i], starts[i + 1])` have terms[i]. */
export interface ShardRow {
  shard: number;
  segment: number;
  terms: string[];
  starts: Uint32Array;
  /** Offsets in the segment (entry id − segment × SEGMENT_SIZE), ascending within a term. */
  ids: Uint16Array;
}

/** A segment as last indexed: how many entries it held, the highest id among them, and the highest id it covers (ids above came later). */
export interface SegmentRow {
  segment: number;
  count: number;
  maxId: number;
  upTo: number;
  /** Each entry's sortAt by its offset in the segment (NaN where no entry was): results are ordered without reading entries. */
  sortAt: Float64Array;
}

/** The segment an entry id belongs to. */
export function segmentOf(id: number): number {
  return Math.floor(id / SEGMENT_SIZE);
}

/** The first entry id of `segment` and the first id after it. */
export function segmentRange(segment: number): [number, number] {
  return [segment * SEGMENT_SIZE, (segment + 1) * SEGMENT_SIZE];
}

/** The shard rows of `segment` for entries (in ascending id order) and their terms; empty shards are left out. */
export function buildShards(segment: number, docs: readonly { id: number; terms: Iterable<string> }[], shardOf: (term: string) => number): ShardRow[] {
  const [first] = segmentRange(segment);
  const postings = new Map<string, number[]>();
  for (const doc of docs) {
    const offset = doc.id - first;
    if (offset < 0 || offset >= SEGMENT_SIZE) throw new RangeError(`entry ${doc.id} is not in segment ${segment}`);
    for (const term of doc.terms) {
      const ids = postings.get(term);
      if (ids) ids.push(offset);
      else postings.set(term, [offset]);
    }
  }
  // The shard is hashed once per distinct term, not once per posting.
  const byShard = new Map<number, string[]>();
  for (const term of postings.keys()) {
    const shard = shardOf(term);
    const terms = byShard.get(shard);
    if (terms) terms.push(term);
    else byShard.set(shard, [term]);
  }
  const rows: ShardRow[] = [];
  for (const [shard, unsorted] of byShard) {
    const terms = unsorted.sort();
    const starts = new Uint32Array(terms.length + 1);
    let total = 0;
    terms.forEach((term, index) => {
      starts[index] = total;
      total += postings.get(term)!.length;
    });
    starts[terms.length] = total;
    const ids = new Uint16Array(total);
    terms.forEach((term, index) => ids.set(postings.get(term)!, starts[index]));
    rows.push({ shard, segment, terms, starts, ids });
  }
  return rows.sort((a, b) => a.shard - b.shard);
}

/** The entry ids of `row` that have `term` (or, with `prefix`, any term starting with it), ascending. */
export function postingsOf(row: ShardRow, term: string, prefix = false): number[] {
  let low = 0;
  let high = row.terms.length;
  // The first term ≥ `term`.
  while (low < high) {
    const middle = (low + high) >> 1;
    if (row.terms[middle]! < term) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < row.terms.length && (prefix ? row.terms[end]!.startsWith(term) : row.terms[end] === term)) end++;
  if (end === low) return [];
  const [first] = segmentRange(row.segment);
  const offsets = row.ids.subarray(row.starts[low], row.starts[end]);
  const ids = Array.from(end - low === 1 ? offsets : [...new Set(offsets)].sort((a, b) => a - b), (offset) => first + offset);
  return ids;
}
