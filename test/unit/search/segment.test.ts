// Segments: postings split into shard rows by a term's shard, looked up exactly or (for a lone CJK
// character) by prefix, each id once.
import { describe, expect, it } from 'vitest';
import { buildShards, postingsOf, SEGMENT_SIZE, segmentOf, segmentRange } from '../../../src/search/segment';

describe('segments', () => {
  it('places ids in segments of SEGMENT_SIZE', () => {
    expect(SEGMENT_SIZE).toBe(512);
    expect([segmentOf(0), segmentOf(511), segmentOf(512), segmentOf(100_000)]).toEqual([0, 0, 1, 195]);
    expect(segmentRange(2)).toEqual([1024, 1536]);
  });

  it('builds one row per shard with sorted terms and finds terms exactly or by prefix', () => {
    // Shard 0 for words starting with a-m, 1 for the rest: the caller decides.
    const shardOf = (term: string) => (term < 'n' ? 0 : 1);
    const rows = buildShards(1, [
      { id: 512, terms: ['apple', 'pear', '微信'] },
      { id: 600, terms: ['apple', '微博', 'pear'] },
      { id: 1023, terms: ['banana'] },
    ], shardOf);
    expect(rows.map((row) => [row.shard, row.terms])).toEqual([[0, ['apple', 'banana']], [1, ['pear', '微信', '微博']]]);
    expect(postingsOf(rows[0]!, 'apple')).toEqual([512, 600]);
    expect(postingsOf(rows[0]!, 'app')).toEqual([]);
    expect(postingsOf(rows[1]!, '微', true)).toEqual([512, 600]);
    expect(postingsOf(rows[1]!, '微信')).toEqual([512]);
    expect(() => buildShards(1, [{ id: 5, terms: ['x'] }], shardOf)).toThrow(RangeError);
  });
});
