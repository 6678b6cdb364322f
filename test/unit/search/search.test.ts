// Search over a real (fake-indexeddb) database: the indexer's segments, entries it has not reached, content
// an update made stale, deleted entries, and the lists' order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addEntries, deleteEntries, updateEntries } from '../../../src/db/entry-writes';
import type { EntryRow } from '../../../src/db/model';
import type { ReaderDB } from '../../../src/db/schema';
import { updateSearchIndex } from '../../../src/search/indexer';
import { searchEntries } from '../../../src/search/search';
import { SEGMENT_SIZE } from '../../../src/search/segment';
import { addFeedRow, freshDb } from '../background/helpers';

let db: ReaderDB;
afterEach(() => db?.close());
beforeEach(async () => {
  db = freshDb();
  await addFeedRow(db);
});

function row(key: string, title: string, sortAt: number): Omit<EntryRow, 'id'> {
  return { feedId: 1, key, title, sortAt, read: 0, starred: 0, fetchedAt: 1, hash: key };
}

/** Add entries with `html` bodies; returns their ids. */
function add(items: [key: string, title: string, sortAt: number, html: string][]): Promise<number[]> {
  return addEntries(db, items.map(([key, title, sortAt]) => row(key, title, sortAt)), items.map(([, , , html]) => ({ contentHtml: html, categories: [], enclosures: [] })));
}

const keysOf = async (query: string) => (await db.entries.bulkGet(await searchEntries(query, db))).map((entry) => entry?.key);

describe('search', () => {
  beforeEach(async () => {
    await add([
      ['zh', '互联互通迈入深水区', 30, '<p>今天<b>微信</b>宣布开放外部链接。</p>'],
      ['en', 'Weekly notes', 50, '<p>Our <em>privacy</em> policy changed.</p><script>secret words</script>'],
      ['both', 'Mixed', 40, '<p>微信 and Privacy, together.</p>'],
      ['none', 'Other', 60, '<p>Nothing to see.</p>'],
    ]);
  });

  it.each([
    ['微信', ['both', 'zh']],
    ['privacy', ['en', 'both']],
    ['PRIVACY policy', ['en']],
    ['深水区', ['zh']],
    ['开放外部', ['zh']],
    ['链', ['zh']],
    ['信', ['both', 'zh']],
    ['secret', []],
    ['   ', []],
  ])('finds %j in titles and article text, newest first, before and after indexing', async (query, expected) => {
    expect(await keysOf(query)).toEqual(expected);
    expect(await updateSearchIndex(db)).toEqual({ built: 1, entries: 4 });
    expect(await keysOf(query)).toEqual(expected);
  });

  it('finds entries added after the index was built, and the next run indexes only their segment', async () => {
    await updateSearchIndex(db);
    await add([['late', 'Late privacy news', 70, '']]);
    expect(await keysOf('privacy')).toEqual(['late', 'en', 'both']);
    expect(await updateSearchIndex(db)).toEqual({ built: 1, entries: 5 });
    expect(await updateSearchIndex(db)).toEqual({ built: 0, entries: 0 });
  });

  it('never answers from text an update replaced, and drops deleted entries', async () => {
    await updateSearchIndex(db);
    const en = (await db.entries.get(2))!;
    await updateEntries(db, [en], [{ id: 2, contentHtml: '<p>Cookies now.</p>', categories: [], enclosures: [] }]);
    expect(await keysOf('privacy')).toEqual(['both']);
    expect(await keysOf('cookies')).toEqual(['en']);
    expect(await db.entries.where('searchStale').equals(1).primaryKeys()).toEqual([2]);
    await deleteEntries(db, [3]);
    expect(await keysOf('privacy')).toEqual([]);
    expect(await updateSearchIndex(db)).toEqual({ built: 1, entries: 3 });
    expect(await db.entries.where('searchStale').equals(1).count()).toBe(0);
    expect(await keysOf('cookies')).toEqual(['en']);
    expect(await keysOf('weekly')).toEqual(['en']);
    expect(await db.searchShards.filter((shard) => shard.terms.includes('privacy')).count()).toBe(0);
  });

  it('spans segments and orders many matches by sortAt, ties by the later id', async () => {
    const count = SEGMENT_SIZE * 2 + 10;
    const items = Array.from({ length: count }, (_, index): [string, string, number, string] => [`n${index}`, `Common word ${index}`, 100 + (index % 7), '<p>common</p>']);
    await add(items);
    expect(await updateSearchIndex(db)).toEqual({ built: 3, entries: count + 4 });
    const ids = await searchEntries('common', db);
    expect(ids.length).toBe(count);
    const rows = (await db.entries.bulkGet(ids.slice(0, 3))).map((entry) => [entry?.sortAt, entry?.key]);
    expect(rows).toEqual([[106, 'n1028'], [106, 'n1021'], [106, 'n1014']]);
  });
});
