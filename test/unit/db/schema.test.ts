// The v2 schema: its unique indexes, and a v1 database (0.1.0's) opening in v2 with nothing lost.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { EntryRow, FeedRow } from '../../../src/db/model';
import { ReaderDB } from '../../../src/db/schema';
import { freshDb } from '../background/helpers';

let db: ReaderDB | undefined;
afterEach(() => db?.close());

function row(feedId: number, key: string): Omit<EntryRow, 'id'> {
  return { feedId, key, title: key, sortAt: 1, read: 0, starred: 0, fetchedAt: 1, hash: key };
}

describe('ReaderDB v2', () => {
  it('refuses a second entry with the same [feedId+key]: the backstop behind ingest dedupe', async () => {
    const fresh = (db = freshDb());
    await fresh.entries.add(row(1, 'a') as EntryRow);
    await fresh.entries.add(row(2, 'a') as EntryRow);

    await expect(fresh.entries.add(row(1, 'a') as EntryRow)).rejects.toBeInstanceOf(Dexie.ConstraintError);
    expect(await fresh.entries.count()).toBe(2);
  });

  it('refuses a second feed with the same URL', async () => {
    const fresh = (db = freshDb());
    const feed: Omit<FeedRow, 'id'> = { url: 'https://example.com/feed', urls: ['https://example.com/feed'], title: 'x', folderId: 0, paused: 0, notify: 0, addedAt: 0, errorCount: 0, nextPollAt: 0 };
    await fresh.feeds.add({ ...feed } as FeedRow);

    await expect(fresh.feeds.add({ ...feed } as FeedRow)).rejects.toBeInstanceOf(Dexie.ConstraintError);
  });
});

describe('upgrade from v1', () => {
  /** A database exactly as 0.1.0 made it: version 1 only, bodies inside the entries, English errors. */
  async function v1Database(factory: IDBFactory): Promise<void> {
    const old = new Dexie('mirror-reader', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({ feeds: '++id, &url, nextPollAt', entries: '++id, &[feedId+key], [read+sortAt], [feedId+sortAt], sortAt' });
    await old.table('feeds').bulkAdd([
      { url: 'https://a.example/feed', title: 'Alpha', addedAt: 10, errorCount: 0, nextPollAt: 5000, etag: '"e"', lastFetchedAt: 20, timeZone: '+08:00' },
      { url: 'https://b.example/feed', title: 'Beta', addedAt: 11, errorCount: 2, nextPollAt: 9000, lastError: 'b.example had a server error (HTTP 500).' },
    ]);
    const entry = (feedId: number, key: string, fields: object) => ({ feedId, key, title: key, sortAt: 100, categories: [], enclosures: [], read: 0, starred: 0, fetchedAt: 100, ...fields });
    await old.table('entries').bulkAdd([
      entry(1, 'a1', { url: 'https://a.example/1', contentHtml: '<p>First <i>body</i></p>', imageMap: { 'http://a.example/1.png': 'https://cdn.jsdelivr.net/gh/x/1.png' }, read: 1 }),
      entry(1, 'a2', { summaryHtml: '<p>Summary</p>', starred: 1, categories: ['news'] }),
      entry(1, 'a3', { title: 'https://a.example/3', url: 'https://a.example/3', contentText: 'line one\nline two', read: 1, starred: 1 }),
      entry(2, 'b1', { title: 'Untitled', enclosures: [{ url: 'https://b.example/1.mp3', type: 'audio/mpeg', length: 3 }] }),
    ]);
    old.close();
  }

  it('keeps every feed, entry, body, read and starred state, and counts them', async () => {
    const factory = new IDBFactory();
    await v1Database(factory);

    const upgraded = (db = new ReaderDB('mirror-reader', { indexedDB: factory, IDBKeyRange }));
    await upgraded.open();

    expect(upgraded.verno).toBe(2);
    expect(await upgraded.feeds.toArray()).toEqual([
      { id: 1, url: 'https://a.example/feed', urls: ['https://a.example/feed'], title: 'Alpha', folderId: 0, paused: 0, notify: 0, addedAt: 10, errorCount: 0, nextPollAt: 5000, etag: '"e"', lastFetchedAt: 20, timeZone: '+08:00' },
      // Its English error is not carried over: it is due now, and its next poll stores the error as a code.
      { id: 2, url: 'https://b.example/feed', urls: ['https://b.example/feed'], title: 'Beta', folderId: 0, paused: 0, notify: 0, addedAt: 11, errorCount: 2, nextPollAt: 0 },
    ]);
    const entries = await upgraded.entries.orderBy('id').toArray();
    expect(entries.map(({ hash, ...rest }) => (expect(hash).toMatch(/^[0-9a-f]{16}$/), rest))).toEqual([
      { id: 1, feedId: 1, key: 'a1', title: 'a1', url: 'https://a.example/1', snippet: 'First body', sortAt: 100, fetchedAt: 100, read: 1, starred: 0 },
      { id: 2, feedId: 1, key: 'a2', title: 'a2', snippet: 'Summary', sortAt: 100, fetchedAt: 100, read: 0, starred: 1 },
      // v1 stored the link, or "Untitled", in place of a missing title: blank again, pages say "untitled".
      { id: 3, feedId: 1, key: 'a3', title: '', url: 'https://a.example/3', snippet: 'line one line two', sortAt: 100, fetchedAt: 100, read: 1, starred: 1 },
      { id: 4, feedId: 2, key: 'b1', title: '', sortAt: 100, fetchedAt: 100, read: 0, starred: 0 },
    ]);
    expect(await upgraded.bodies.orderBy('id').toArray()).toEqual([
      { id: 1, contentHtml: '<p>First <i>body</i></p>', imageMap: { 'http://a.example/1.png': 'https://cdn.jsdelivr.net/gh/x/1.png' }, categories: [], enclosures: [] },
      { id: 2, summaryHtml: '<p>Summary</p>', categories: ['news'], enclosures: [] },
      { id: 3, contentText: 'line one\nline two', categories: [], enclosures: [] },
      { id: 4, categories: [], enclosures: [{ url: 'https://b.example/1.mp3', type: 'audio/mpeg', length: 3 }] },
    ]);
    expect(await upgraded.feedCounts.toArray()).toEqual([
      { feedId: 1, unread: 1, starred: 2, total: 3 },
      { feedId: 2, unread: 1, starred: 0, total: 1 },
    ]);
  });

  it('upgrades a library larger than one conversion batch', async () => {
    const factory = new IDBFactory();
    const old = new Dexie('mirror-reader', { indexedDB: factory, IDBKeyRange });
    old.version(1).stores({ feeds: '++id, &url, nextPollAt', entries: '++id, &[feedId+key], [read+sortAt], [feedId+sortAt], sortAt' });
    await old.table('feeds').add({ url: 'https://a.example/feed', title: 'Alpha', addedAt: 0, errorCount: 0, nextPollAt: 0 });
    await old.table('entries').bulkAdd(Array.from({ length: 1234 }, (_, i) => ({ feedId: 1, key: `k${i}`, title: `T${i}`, sortAt: i, categories: [], enclosures: [], contentHtml: `<p>${i}</p>`, read: i % 3 === 0 ? 1 : 0, starred: i % 100 === 0 ? 1 : 0, fetchedAt: i })));
    old.close();

    const upgraded = (db = new ReaderDB('mirror-reader', { indexedDB: factory, IDBKeyRange }));
    await upgraded.open();

    expect(await upgraded.bodies.count()).toBe(1234);
    expect((await upgraded.bodies.get(1234))?.contentHtml).toBe('<p>1233</p>');
    // 412 of 1,234 have i % 3 === 0 (read), 13 have i % 100 === 0 (starred).
    expect(await upgraded.feedCounts.toArray()).toEqual([{ feedId: 1, unread: 822, starred: 13, total: 1234 }]);
    expect((await upgraded.entries.toArray()).some((entry) => 'contentHtml' in entry)).toBe(false);
  });
});
