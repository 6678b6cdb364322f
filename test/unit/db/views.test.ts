// List views: each an index range newest first (ties by id), counts from feedCounts, neighbours for the
// reader's previous/next, and the cutoff that keeps "mark all read" from touching later arrivals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addEntries, setRead, setStarred } from '../../../src/db/entry-writes';
import type { EntryRow } from '../../../src/db/model';
import type { ReaderDB } from '../../../src/db/schema';
import { decodeView, encodeView, latestEntryId, unreadUpTo, viewAdjacent, viewCount, viewEntries, type ListView } from '../../../src/db/views';
import { addFeedRow, freshDb } from '../background/helpers';

let db: ReaderDB;
afterEach(() => db?.close());

function row(feedId: number, key: string, sortAt: number): Omit<EntryRow, 'id'> {
  return { feedId, key, title: key, sortAt, read: 0, starred: 0, fetchedAt: 1, hash: key };
}

// Feeds 1 and 2 in folder 7, feed 3 in no folder. Ids follow the order below; b2 and c2 tie on sortAt 40.
beforeEach(async () => {
  db = freshDb();
  await addFeedRow(db, { url: 'https://1.example/', folderId: 7 });
  await addFeedRow(db, { url: 'https://2.example/', folderId: 7 });
  await addFeedRow(db, { url: 'https://3.example/' });
  const rows = [row(1, 'a1', 10), row(1, 'a2', 50), row(2, 'b1', 30), row(2, 'b2', 40), row(3, 'c1', 20), row(3, 'c2', 40)];
  await addEntries(db, rows, rows.map(() => ({ categories: [], enclosures: [] })));
  await setRead(db, [1, 4], true); // a1, b2
  await setStarred(db, [3, 6], true); // b1, c2
});

const keys = async (view: ListView, offset = 0, limit = 100) => (await viewEntries(view, offset, limit, db)).map((entry) => entry.key);

describe('views', () => {
  it.each<[string, ListView, string[], number]>([
    ['unread', { kind: 'unread' }, ['a2', 'c2', 'b1', 'c1'], 4],
    ['all', { kind: 'all' }, ['a2', 'c2', 'b2', 'b1', 'c1', 'a1'], 6],
    ['starred', { kind: 'starred' }, ['c2', 'b1'], 2],
    ['one feed, unread', { kind: 'feed', feedId: 2, unreadOnly: true }, ['b1'], 1],
    ['one feed, all', { kind: 'feed', feedId: 2, unreadOnly: false }, ['b2', 'b1'], 2],
    ['a folder, unread', { kind: 'folder', folderId: 7, unreadOnly: true }, ['a2', 'b1'], 2],
    ['a folder, all', { kind: 'folder', folderId: 7, unreadOnly: false }, ['a2', 'b2', 'b1', 'a1'], 4],
  ])('%s lists newest first, ties by the later id, and counts without scanning', async (_name, view, expected, count) => {
    expect(await keys(view)).toEqual(expected);
    expect(await viewCount(view, db)).toBe(count);
  });

  it('reads a window of a view', async () => {
    expect(await keys({ kind: 'all' }, 2, 2)).toEqual(['b2', 'b1']);
  });

  it('finds the neighbours of an entry in its view, even once it has left the view', async () => {
    const b2 = (await db.entries.get(4))!; // read: not in the unread view itself
    expect((await viewAdjacent({ kind: 'unread' }, b2, 'older', db))?.key).toBe('b1');
    expect((await viewAdjacent({ kind: 'unread' }, b2, 'newer', db))?.key).toBe('c2');
    const c2 = (await db.entries.get(6))!;
    expect((await viewAdjacent({ kind: 'all' }, c2, 'older', db))?.key).toBe('b2');
    expect((await viewAdjacent({ kind: 'all' }, c2, 'newer', db))?.key).toBe('a2');
    expect(await viewAdjacent({ kind: 'starred' }, c2, 'newer', db)).toBeUndefined();
  });

  it('selects for "mark all read" only unread entries of the view up to the id the page saw', async () => {
    expect(await latestEntryId(db)).toBe(6);
    expect((await (await unreadUpTo(db, { kind: 'all' }, 5)).toArray()).map((entry) => entry.key)).toEqual(['a2', 'b1', 'c1']);
    expect((await (await unreadUpTo(db, { kind: 'starred' }, 6)).toArray()).map((entry) => entry.key)).toEqual(['c2', 'b1']);
    expect((await (await unreadUpTo(db, { kind: 'folder', folderId: 7, unreadOnly: false }, 6)).toArray()).map((entry) => entry.key)).toEqual(['a2', 'b1']);
  });
});

describe('view text', () => {
  it.each<[ListView, string]>([
    [{ kind: 'unread' }, 'unread'],
    [{ kind: 'starred' }, 'starred'],
    [{ kind: 'feed', feedId: 12, unreadOnly: true }, 'feed:12:u'],
    [{ kind: 'folder', folderId: 3, unreadOnly: false }, 'folder:3:a'],
  ])('%j ↔ %s', (view, text) => {
    expect(encodeView(view)).toBe(text);
    expect(decodeView(text)).toEqual(view);
  });

  it.each(['', 'feed', 'feed:0:u', 'feed:1:x', 'folder:-1:a', 'feed:1e3:u', 'toString', 'feed:99999999999999999:u'])('rejects %j', (text) => {
    expect(decodeView(text)).toBeUndefined();
  });
});
