// The commands that arrange the library, on a real (fake-indexeddb) database through the worker's handlers:
// folders, moving feeds, per-feed settings with their checks, and removing a feed with or without its
// starred entries (counts stay exact).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { ingestFeed } from '../../../src/background/ingest';
import { dispatch } from '../../../src/background/router';
import type { ReaderDB } from '../../../src/db/schema';
import type { CommandName, Commands } from '../../../src/shared/messages';
import { addFeedRow, entry, feed, freshDb } from '../background/helpers';
import { resetPermissions } from '../ui/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
// The badge is the worker's business; the fake browser has no action API.
vi.mock('../../../src/background/badge', () => ({ updateBadge: async () => undefined }));
// Offline pictures and Referer rules are the images code's, tested there.
vi.mock('../../../src/background/image-hooks', () => ({ imagesAfterPolls: () => undefined, imagesAfterSettings: async () => undefined, imagesAfterStarring: () => undefined }));

let db: ReaderDB;
beforeEach(() => {
  resetPermissions();
  db = freshDb();
});
afterEach(() => db.close());

/** Send a command as a page does: through dispatch, so a failure comes back as an AppError. */
function send<K extends CommandName>(type: K, payload: Commands[K]['req']) {
  return dispatch(createHandlers(db), { type, payload });
}

const folders = async () => (await db.folders.orderBy('position').toArray()).map(({ name, position }) => [name, position]);

describe('folders', () => {
  it('creates folders in order, refusing an empty name and one that exists in any case', async () => {
    expect(await send('create-folder', { name: '  Tech   news ' })).toEqual({ ok: true, value: { folderId: 1 } });
    expect(await send('create-folder', { name: 'Friends' })).toEqual({ ok: true, value: { folderId: 2 } });
    expect(await send('create-folder', { name: 'TECH NEWS' })).toEqual({ ok: false, error: { code: 'folder-exists', params: { name: 'TECH NEWS' } } });
    expect(await send('create-folder', { name: '   ' })).toEqual({ ok: false, error: { code: 'folder-name-empty' } });
    expect(await folders()).toEqual([['Tech news', 0], ['Friends', 1]]);
  });

  it('renames (its own name in another case is fine), reorders, and refuses a folder that is gone', async () => {
    await send('create-folder', { name: 'Tech' });
    await send('create-folder', { name: 'Friends' });
    expect(await send('rename-folder', { folderId: 1, name: 'TECH' })).toEqual({ ok: true, value: null });
    expect(await send('rename-folder', { folderId: 1, name: 'friends' })).toEqual({ ok: false, error: { code: 'folder-exists', params: { name: 'friends' } } });
    expect(await send('move-folder', { folderId: 2, offset: -1 })).toEqual({ ok: true, value: null });
    expect(await send('move-folder', { folderId: 2, offset: -1 })).toEqual({ ok: true, value: null });
    expect(await folders()).toEqual([['Friends', 0], ['TECH', 1]]);
    expect(await send('rename-folder', { folderId: 9, name: 'x' })).toEqual({ ok: false, error: { code: 'folder-gone' } });
  });

  it('moves feeds into a folder and out again; deleting a folder keeps its feeds, outside any folder', async () => {
    await send('create-folder', { name: 'Tech' });
    const a = await addFeedRow(db, { url: 'https://a.example/feed' });
    const b = await addFeedRow(db, { url: 'https://b.example/feed' });
    expect(await send('move-feeds', { feedIds: [a, b], folderId: 1 })).toEqual({ ok: true, value: null });
    expect((await db.feeds.toArray()).map((row) => row.folderId)).toEqual([1, 1]);
    expect(await send('move-feeds', { feedIds: [a], folderId: 5 })).toEqual({ ok: false, error: { code: 'folder-gone' } });
    expect(await send('delete-folder', { folderId: 1 })).toEqual({ ok: true, value: { moved: 2 } });
    expect((await db.feeds.toArray()).map((row) => row.folderId)).toEqual([0, 0]);
    expect(await db.folders.count()).toBe(0);
  });
});

describe('update-feed', () => {
  it('renames a feed and clears the name again', async () => {
    const id = await addFeedRow(db, { title: 'Own title' });
    await send('update-feed', { feedId: id, patch: { customTitle: '  Mine ' } });
    expect((await db.feeds.get(id))?.customTitle).toBe('Mine');
    await send('update-feed', { feedId: id, patch: { customTitle: null } });
    expect(await db.feeds.get(id)).not.toHaveProperty('customTitle');
  });

  it('sets interval, retention, time zone and notifications, checking each', async () => {
    const id = await addFeedRow(db, { lastFetchedAt: 1_000_000, nextPollAt: 1_000_000 + 30 * 60_000 });
    expect(await send('update-feed', { feedId: id, patch: { intervalMinutes: 10, keepDays: 90, keepCount: 500, timeZone: 'Asia/Shanghai', notify: true } })).toEqual({ ok: true, value: null });
    // A shorter interval counts from the last poll.
    expect(await db.feeds.get(id)).toMatchObject({ intervalMinutes: 10, keepDays: 90, keepCount: 500, timeZone: 'Asia/Shanghai', notify: 1, nextPollAt: 1_000_000 + 10 * 60_000 });
    expect(await send('update-feed', { feedId: id, patch: { intervalMinutes: 2 } })).toEqual({ ok: false, error: { code: 'invalid-interval', params: { min: 5, max: 10080 } } });
    expect(await send('update-feed', { feedId: id, patch: { keepCount: -1 } })).toEqual({ ok: false, error: { code: 'invalid-retention', params: { max: 100000 } } });
    expect(await send('update-feed', { feedId: id, patch: { timeZone: 'Mars/Olympus' } })).toEqual({ ok: false, error: { code: 'invalid-time-zone', params: { zone: 'Mars/Olympus' } } });
    expect(await send('update-feed', { feedId: id, patch: { timeZone: '+05:30', intervalMinutes: null } })).toEqual({ ok: true, value: null });
    const row = await db.feeds.get(id);
    expect(row?.timeZone).toBe('+05:30');
    expect(row).not.toHaveProperty('intervalMinutes');
  });

  it('orders, adds and removes mirrors: the primary address follows, and an address of another feed is refused', async () => {
    const id = await addFeedRow(db, { url: 'https://origin.example/feed', servedUrl: 'https://origin.example/feed' });
    await addFeedRow(db, { url: 'https://other.example/feed', title: 'Other' });
    await send('update-feed', { feedId: id, patch: { urls: ['https://mirror.example/feed', 'origin.example/feed'] } });
    expect(await db.feeds.get(id)).toMatchObject({ url: 'https://origin.example/feed', urls: ['https://mirror.example/feed', 'https://origin.example/feed'] });
    await send('update-feed', { feedId: id, patch: { urls: ['https://mirror.example/feed'] } });
    const row = await db.feeds.get(id);
    expect(row).toMatchObject({ url: 'https://mirror.example/feed', urls: ['https://mirror.example/feed'] });
    expect(row).not.toHaveProperty('servedUrl');
    expect(await send('update-feed', { feedId: id, patch: { urls: ['https://mirror.example/feed', 'https://other.example/feed'] } })).toEqual({
      ok: false,
      error: { code: 'mirror-in-use', params: { url: 'https://other.example/feed', title: 'Other' } },
    });
    expect(await send('update-feed', { feedId: id, patch: { urls: [] } })).toEqual({ ok: false, error: { code: 'no-feed-address' } });
    expect(await send('update-feed', { feedId: id, patch: { urls: ['ftp://x.example/'] } })).toEqual({ ok: false, error: { code: 'unsupported-scheme', params: { scheme: 'ftp:' } } });
  });

  it('pauses, and resumes a feed paused after 410 Gone so that it is polled at once', async () => {
    const id = await addFeedRow(db, { paused: 1, pauseReason: 'gone', nextPollAt: 9e12, retryAfterUntil: 9e12 });
    await send('update-feed', { feedId: id, patch: { paused: false } });
    const resumed = await db.feeds.get(id);
    expect(resumed).toMatchObject({ paused: 0, nextPollAt: 0 });
    expect(resumed).not.toHaveProperty('pauseReason');
    expect(resumed).not.toHaveProperty('retryAfterUntil');
    await send('update-feed', { feedId: id, patch: { paused: true } });
    expect(await db.feeds.get(id)).toMatchObject({ paused: 1, pauseReason: 'user' });
    expect(await send('update-feed', { feedId: id, patch: { paused: 'yes' as never } })).toEqual({ ok: false, error: { code: 'bad-request', params: { command: 'update-feed', field: 'paused' } } });
  });
});

describe('remove-feed', () => {
  async function feedWithEntries(): Promise<number> {
    const id = await addFeedRow(db, { folderId: 0 });
    const added = await ingestFeed(db, id, feed([entry('a'), entry('b'), entry('c')]), {}, 1000);
    await send('set-starred', { entryIds: [added.addedIds[1]!], starred: true });
    return id;
  }

  it('keeps the starred entries on request: the feed stays, removed and never polled, holding only them', async () => {
    const id = await feedWithEntries();
    expect(await send('remove-feed', { feedId: id, keepStarred: true })).toEqual({ ok: true, value: { kept: 1 } });
    expect(await db.feeds.get(id)).toMatchObject({ paused: 1, pauseReason: 'removed' });
    expect((await db.entries.toArray()).map((row) => [row.key, row.starred])).toEqual([['b', 1]]);
    expect(await db.bodies.count()).toBe(1);
    expect(await db.feedCounts.get(id)).toEqual({ feedId: id, unread: 1, starred: 1, total: 1 });
    // Subscribing again is resuming it.
    await send('update-feed', { feedId: id, patch: { paused: false } });
    expect(await db.feeds.get(id)).toMatchObject({ paused: 0, nextPollAt: 0 });
  });

  it('removes everything otherwise', async () => {
    const id = await feedWithEntries();
    expect(await send('remove-feed', { feedId: id, keepStarred: false })).toEqual({ ok: true, value: { kept: 0 } });
    expect(await db.feeds.count()).toBe(0);
    expect(await db.entries.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
    expect(await db.feedCounts.count()).toBe(0);
  });
});
