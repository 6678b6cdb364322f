// A full disk during a poll, at its claim or at its recording: retention makes room and the poll is stored; when
// nothing can go, the feed says 'storage-full', nothing of the poll is half-stored, and the next poll stores every
// entry. The pages are told until the user dismisses the notice. Tombstones go once the feed stops listing their
// keys.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFeedServer, type FeedServer } from '../../../scripts/feed-server';
import { createHandlers } from '../../../src/background/handlers';
import { isQuotaError, makeRoom } from '../../../src/background/quota';
import { afterRound } from '../../../src/background/round-end';
import { dispatch } from '../../../src/background/router';
import { addEntries } from '../../../src/db/entry-writes';
import type { ReaderDB } from '../../../src/db/schema';
import { resetPermissions } from '../ui/fake-browser';
import { freshDb, rss } from './helpers';
import { feedAt, HOUR, keysOf, NOW, testScheduler } from './worker-helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
// After a round: the badge and the offline pictures are theirs to test (badge.test.ts, offline-images.test.ts).
vi.mock('../../../src/background/badge', () => ({ updateBadge: async () => undefined }));
vi.mock('../../../src/background/image-hooks', () => ({ imagesAfterPolls: () => undefined, imagesAfterSettings: async () => undefined, imagesAfterStarring: () => undefined }));

const DAY = 24 * HOUR;
let db: ReaderDB;
let server: FeedServer;
let diskFull: boolean;
/** Whether a full disk refuses feed rows too (the claim's write), not only new entries. */
let feedsToo: boolean;
beforeEach(async () => {
  resetPermissions();
  db = freshDb();
  diskFull = false;
  feedsToo = false;
  // A disk that refuses new entries while it is full, and has room again once any entry is deleted: the
  // browser's QuotaExceededError, raised where IndexedDB raises it (a write in a transaction).
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: async (request) => {
            if (name === 'entries' && request.type === 'delete') diskFull = false;
            if (name === 'entries' && request.type === 'add' && diskFull) throw new DOMException('The disk is full', 'QuotaExceededError');
            if (name === 'feeds' && request.type !== 'delete' && diskFull && feedsToo) throw new DOMException('The disk is full', 'QuotaExceededError');
            return table.mutate(request);
          },
        };
      },
    }),
  });
  server = await startFeedServer({ '/feed.xml': { body: rss('Feed', ['n1', 'n2']), contentType: 'application/rss+xml' } });
});
afterEach(async () => {
  db.close();
  await server.close();
});

async function oldReadEntry(feedId: number, key: string): Promise<void> {
  await db.feedCounts.put({ feedId, unread: 0, starred: 0, total: 0 });
  await addEntries(db, [{ feedId, key, title: key, sortAt: NOW - 200 * DAY, fetchedAt: NOW - 200 * DAY, read: 1, starred: 0, hash: key }], [{ categories: [], enclosures: [] }]);
}

describe('a full disk', () => {
  it('is recognised however Dexie wraps it', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', quota))).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });

  it('prunes by the retention policy, stores the poll, and tells the pages', async () => {
    const id = await feedAt(db, `${server.origin}/feed.xml`);
    await oldReadEntry(id, 'ancient');
    diskFull = true;
    const { scheduler } = testScheduler(db);

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 2, failed: 0 });

    expect(await keysOf(db, id)).toEqual(['n1', 'n2']);
    expect(await db.status.get('storage')).toEqual({ key: 'storage', fullAt: NOW, prunedEntries: 1, retentionAt: NOW });
    expect(await db.feeds.get(id)).toMatchObject({ errorCount: 0 });
  });

  it('says storage-full when nothing can be pruned, loses nothing, and stores every entry once there is room', async () => {
    const id = await feedAt(db, `${server.origin}/feed.xml`);
    diskFull = true;
    const { scheduler, clock } = testScheduler(db);

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 0, failed: 1 });
    expect(await db.feeds.get(id)).toMatchObject({ errorCount: 1, lastError: { code: 'storage-full' } });
    expect(await db.feeds.get(id)).not.toHaveProperty('bodyHash');
    expect(await db.entries.count()).toBe(0);
    expect(await db.status.get('storage')).toMatchObject({ fullAt: NOW, prunedEntries: 0 });

    diskFull = false;
    clock.now = NOW + 2 * HOUR;
    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 2, failed: 0 });
    expect(await keysOf(db, id)).toEqual(['n1', 'n2']);
  });
});

describe('a full disk at the claim', () => {
  it('makes room as a poll\'s own write does, then claims and stores the poll', async () => {
    const id = await feedAt(db, `${server.origin}/feed.xml`);
    await oldReadEntry(id, 'ancient');
    diskFull = true;
    feedsToo = true;
    const { scheduler } = testScheduler(db);

    expect(await scheduler.refresh(id)).toEqual({ feeds: 1, added: 2, failed: 0 });

    expect(await keysOf(db, id)).toEqual(['n1', 'n2']);
    expect(await db.status.get('storage')).toEqual({ key: 'storage', fullAt: NOW, prunedEntries: 1, retentionAt: NOW });
  });

  it('answers storage-full when nothing can go, fetching nothing and leaving the feed due', async () => {
    const id = await feedAt(db, `${server.origin}/feed.xml`);
    diskFull = true;
    feedsToo = true;
    const { scheduler } = testScheduler(db);

    expect(await scheduler.refresh(id)).toEqual({ feeds: 1, added: 0, failed: 1 });

    expect(server.hits.get('/feed.xml')).toBeUndefined();
    expect(await db.feeds.get(id)).toMatchObject({ nextPollAt: NOW, errorCount: 0 });
    expect(await db.status.get('storage')).toMatchObject({ fullAt: NOW, prunedEntries: 0 });
  });
});

describe('the full-disk notice', () => {
  it('stays after a round that stored without a full disk: the user has not seen it yet', async () => {
    await db.status.put({ key: 'storage', fullAt: NOW, prunedEntries: 3, retentionAt: NOW });
    await afterRound(db, { key: 'round', startedAt: NOW + HOUR, finishedAt: NOW + HOUR, total: 1, done: 1, added: 2, failed: 0, notify: {} }, NOW + HOUR);
    expect(await db.status.get('storage')).toMatchObject({ fullAt: NOW, prunedEntries: 3 });
  });

  it('adds up the entries pruned each time until it is dismissed', async () => {
    const id = await feedAt(db, `${server.origin}/feed.xml`);
    await oldReadEntry(id, 'first');
    expect(await makeRoom(db, NOW)).toBe(1);
    await db.entries.clear();
    await oldReadEntry(id, 'second');
    expect(await makeRoom(db, NOW + HOUR)).toBe(1);
    expect(await db.status.get('storage')).toMatchObject({ fullAt: NOW + HOUR, prunedEntries: 2 });
  });

  it('goes when the user dismisses it, unless the disk was full again since it was shown', async () => {
    const handlers = createHandlers(db);
    await db.status.put({ key: 'storage', fullAt: NOW + HOUR, prunedEntries: 3, persisted: true });
    expect(await dispatch(handlers, { type: 'dismiss-storage-notice', payload: { fullAt: NOW } })).toEqual({ ok: true, value: null });
    expect(await db.status.get('storage')).toEqual({ key: 'storage', fullAt: NOW + HOUR, prunedEntries: 3, persisted: true });

    expect(await dispatch(handlers, { type: 'dismiss-storage-notice', payload: { fullAt: NOW + HOUR } })).toEqual({ ok: true, value: null });
    expect(await db.status.get('storage')).toEqual({ key: 'storage', persisted: true });
    expect(await dispatch(handlers, { type: 'dismiss-storage-notice', payload: { fullAt: 'now' as unknown as number } })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});

describe('tombstones', () => {
  it('are dropped once the feed no longer lists their key', async () => {
    const id = await feedAt(db, `${server.origin}/feed.xml`);
    await db.tombstones.bulkPut([
      { feedId: id, key: 'n1', at: NOW - DAY },
      { feedId: id, key: 'gone-from-feed', at: NOW - DAY },
    ]);
    const { scheduler } = testScheduler(db);

    await scheduler.refresh();

    expect(await keysOf(db, id)).toEqual(['n2']);
    expect((await db.tombstones.toArray()).map((row) => row.key)).toEqual(['n1']);
  });
});
