// Backup and restore through the real code paths: collectBackup reads a library, restore-backup writes it
// back into an empty one (read and starred state, starred content, folders, mirrors, settings) and merges
// it into a changed one as the options page says; a malformed backup writes nothing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { ingestFeed } from '../../../src/background/ingest';
import { dispatch } from '../../../src/background/router';
import { collectBackup } from '../../../src/backup/collect';
import { parseFeed } from '../../../src/feeds';
import type { ReaderDB } from '../../../src/db/schema';
import type { CommandName, Commands } from '../../../src/shared/messages';
import { addFeedRow, entry, feed, freshDb } from '../background/helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
vi.mock('../../../src/background/badge', () => ({ updateBadge: async () => undefined }));
// Offline pictures and Referer rules are the images code's, tested there.
vi.mock('../../../src/background/image-hooks', () => ({ imagesAfterPolls: () => undefined, imagesAfterSettings: async () => undefined, imagesAfterStarring: () => undefined }));
// Restored feeds are polled right after; these tests look at what the restore itself wrote.
vi.mock('../../../src/background/worker-scheduler', () => ({ schedulerFor: () => ({ onAlarm: async () => undefined }), pollDueNow: () => undefined }));

let db: ReaderDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

function send<K extends CommandName>(target: ReaderDB, type: K, payload: Commands[K]['req']) {
  return dispatch(createHandlers(target), { type, payload });
}

/** Two feeds in a folder and out of it; a read entry, a starred one with content, an unread one. */
async function library(target: ReaderDB): Promise<void> {
  await send(target, 'create-folder', { name: 'Tech' });
  const a = await addFeedRow(target, { url: 'https://a.example/feed', urls: ['https://mirror.example/a', 'https://a.example/feed'], title: 'A', folderId: 1, intervalMinutes: 60 });
  const b = await addFeedRow(target, { url: 'https://b.example/rss', title: 'B', customTitle: 'Bee', notify: 1 });
  const added = await ingestFeed(target, a, feed([entry('a1', { contentHtml: '<p>one</p>' }), entry('a2', { contentHtml: '<p>two</p>' }), entry('a3')], { title: 'A' }), {}, 1000);
  await ingestFeed(target, b, feed([entry('b1', { contentHtml: '<p>bee</p>', imageMap: { 'https://img/x.png': 'https://cdn/x.webp' } })], { title: 'B' }), {}, 1000);
  await send(target, 'mark-read', { entryIds: [added.addedIds[0]!], read: true });
  await send(target, 'set-starred', { entryIds: [4], starred: true });
  await send(target, 'update-settings', { patch: { theme: 'dark', pollIntervalMinutes: 45 } });
}

const state = async (target: ReaderDB) =>
  (await target.entries.orderBy('id').toArray()).map((row) => [row.feedId, row.key, row.read, row.starred]);

describe('backup and restore', () => {
  it('backs up read and starred entries only, a starred one with its content', async () => {
    await library(db);
    const backup = await collectBackup(db, 7_000);
    expect(backup).toMatchObject({ format: 'mirror-reader-backup', version: 1, exportedAt: 7_000, folders: [{ id: 1, name: 'Tech', position: 0 }] });
    expect(backup.settings).toMatchObject({ theme: 'dark', pollIntervalMinutes: 45 });
    expect(backup.feeds.map((row) => [row.id, row.urls, row.folderId, row.customTitle, row.intervalMinutes, row.notify])).toEqual([
      [1, ['https://mirror.example/a', 'https://a.example/feed'], 1, undefined, 60, 0],
      [2, ['https://b.example/rss'], 0, 'Bee', undefined, 1],
    ]);
    expect(backup.entries.map((row) => [row.feedId, row.key, row.read, row.starred, row.body?.contentHtml])).toEqual([
      [1, 'a1', 1, 0, undefined],
      [2, 'b1', 0, 1, '<p>bee</p>'],
    ]);
  });

  it('restores into an empty library: feeds, folders, settings, read and starred state, starred content', async () => {
    await library(db);
    const backup = JSON.parse(JSON.stringify(await collectBackup(db)));
    const empty = freshDb();
    expect(await send(empty, 'restore-backup', { backup })).toEqual({ ok: true, value: { feedsAdded: 2, feedsMerged: 0, foldersAdded: 1, entriesAdded: 2, entriesUpdated: 0 } });
    expect((await empty.feeds.orderBy('id').toArray()).map((row) => [row.url, row.urls, row.folderId, row.customTitle, row.notify, row.nextPollAt > 0])).toEqual([
      ['https://a.example/feed', ['https://mirror.example/a', 'https://a.example/feed'], 1, undefined, 0, true],
      ['https://b.example/rss', ['https://b.example/rss'], 0, 'Bee', 1, true],
    ]);
    expect(await empty.folders.toArray()).toEqual([{ id: 1, name: 'Tech', position: 0 }]);
    expect((await empty.settings.toArray()).find((row) => row.key === 'theme')?.value).toBe('dark');
    expect(await state(empty)).toEqual([
      [1, 'a1', 1, 0],
      [2, 'b1', 0, 1],
    ]);
    const starred = (await empty.entries.toArray()).find((row) => row.key === 'b1')!;
    expect(await empty.bodies.get(starred.id)).toEqual({ id: starred.id, contentHtml: '<p>bee</p>', categories: [], enclosures: [], imageMap: { 'https://img/x.png': 'https://cdn/x.webp' } });
    expect(await empty.feedCounts.get(2)).toEqual({ feedId: 2, unread: 1, starred: 1, total: 1 });

    // The next poll of the restored feed fills in the text of the entries, keeping their state.
    await ingestFeed(empty, 1, feed([entry('a1', { contentHtml: '<p>one</p>' }), entry('a2')]), {}, 9_000);
    expect(await state(empty)).toEqual([
      [1, 'a1', 1, 0],
      [2, 'b1', 0, 1],
      [1, 'a2', 0, 0],
    ]);
    expect((await empty.bodies.get(1))?.contentHtml).toBe('<p>one</p>');
    empty.close();
  });

  it('merges into a library: state read or starred in either stays so, feeds and folders matched, nothing deleted', async () => {
    await library(db);
    const backup = JSON.parse(JSON.stringify(await collectBackup(db)));
    const other = freshDb();
    await send(other, 'create-folder', { name: 'TECH' });
    await send(other, 'create-folder', { name: 'Mine' });
    const a = await addFeedRow(other, { url: 'https://mirror.example/a', folderId: 2 });
    await addFeedRow(other, { url: 'https://c.example/feed', title: 'C' });
    const got = await ingestFeed(other, a, feed([entry('a1'), entry('a3')], { title: 'A (mirror)' }), {}, 1000);
    await send(other, 'set-starred', { entryIds: [got.addedIds[1]!], starred: true });

    expect(await send(other, 'restore-backup', { backup })).toEqual({ ok: true, value: { feedsAdded: 1, feedsMerged: 1, foldersAdded: 0, entriesAdded: 1, entriesUpdated: 1 } });
    const feeds = await other.feeds.orderBy('id').toArray();
    // The backup's settings for the matched feed (folder Tech = the library's TECH, mirrors first, interval);
    // its title is what its own polls learned.
    expect(feeds.map((row) => [row.title, row.url, row.urls, row.folderId, row.intervalMinutes])).toEqual([
      ['A (mirror)', 'https://mirror.example/a', ['https://mirror.example/a', 'https://a.example/feed'], 1, 60],
      ['C', 'https://c.example/feed', ['https://c.example/feed'], 0, undefined],
      ['B', 'https://b.example/rss', ['https://b.example/rss'], 0, undefined],
    ]);
    expect((await other.folders.orderBy('position').toArray()).map((row) => row.name)).toEqual(['TECH', 'Mine']);
    // a1 read (from the backup), a3 still starred (the library's), b1 added starred.
    expect(await state(other)).toEqual([
      [1, 'a1', 1, 0],
      [1, 'a3', 0, 1],
      [3, 'b1', 0, 1],
    ]);
    expect(await other.feedCounts.get(1)).toEqual({ feedId: 1, unread: 1, starred: 1, total: 2 });
    other.close();
  });

  it('keeps a starred entry\'s saved full article through backup and restore', async () => {
    await library(db);
    const article = { html: '<article><p>The whole page</p></article>', url: 'https://b.example/post/1', fetchedAt: 3_000 };
    await db.bodies.update(4, { article });
    const backup = JSON.parse(JSON.stringify(await collectBackup(db)));
    const empty = freshDb();
    expect(await send(empty, 'restore-backup', { backup })).toMatchObject({ ok: true });
    const starred = (await empty.entries.toArray()).find((row) => row.key === 'b1')!;
    expect((await empty.bodies.get(starred.id))?.article).toEqual(article);
    empty.close();
  });

  it('makes the next poll of a merged feed read its document again, so restored entries get their text', async () => {
    await library(db);
    const backup = JSON.parse(JSON.stringify(await collectBackup(db)));
    const other = freshDb();
    const a = await addFeedRow(other, { url: 'https://a.example/feed', etag: '"e"', lastModified: 'Mon, 06 Jan 2025 10:00:00 GMT', bodyHash: 'h' });
    await send(other, 'restore-backup', { backup });
    const row = await other.feeds.get(a);
    for (const field of ['etag', 'lastModified', 'bodyHash']) expect(row).not.toHaveProperty(field);
    other.close();
  });

  it('matches an id-less entry the backup and the library key differently (bare link, link#hash)', async () => {
    const link = 'https://a.example/post';
    const a = await addFeedRow(db, { url: 'https://a.example/feed' });
    // The library polled it with this version (link#hash); the backup came from an earlier one (bare link).
    await ingestFeed(db, a, parseFeed(`<rss version="2.0"><channel><title>A</title><item><title>Post</title><link>${link}</link></item></channel></rss>`, { url: 'https://a.example/feed' }), {}, 1000);
    const backup = JSON.parse(JSON.stringify(await collectBackup(db)));
    backup.entries = [{ feedId: 1, key: link, title: 'Post', url: link, sortAt: 1000, fetchedAt: 1000, read: 1, starred: 0 }];

    expect(await send(db, 'restore-backup', { backup })).toMatchObject({ ok: true, value: { entriesAdded: 0, entriesUpdated: 1 } });
    expect((await db.entries.toArray()).map((row) => [row.key.startsWith(`${link}#hash:`), row.read])).toEqual([[true, 1]]);

    // And the other way: a row stored under the bare link, a backup under link#hash.
    backup.entries = [{ feedId: 1, key: `${link}#hash:1`, title: 'Post', url: link, sortAt: 1000, fetchedAt: 1000, read: 1, starred: 0 }];
    const other = freshDb();
    const b = await addFeedRow(other, { url: 'https://a.example/feed' });
    await ingestFeed(other, b, feed([entry(link, { title: 'Post', url: link })]), {}, 1000);
    expect(await send(other, 'restore-backup', { backup })).toMatchObject({ ok: true, value: { entriesAdded: 0, entriesUpdated: 1 } });
    expect(await state(other)).toEqual([[b, link, 1, 0]]);
    other.close();
  });

  it('refuses a malformed backup, naming the first problem, and writes nothing', async () => {
    await library(db);
    const backup = JSON.parse(JSON.stringify(await collectBackup(db)));
    backup.feeds[1].folderId = 42;
    backup.entries[0].read = 'yes';
    const empty = freshDb();
    expect(await send(empty, 'restore-backup', { backup })).toEqual({
      ok: false,
      error: { code: 'backup-refused', params: { path: 'entries[0].read', problem: 'backup-invalid', count: 1 } },
    });
    backup.entries[0].read = 1;
    expect(await send(empty, 'restore-backup', { backup })).toEqual({
      ok: false,
      error: { code: 'backup-refused', params: { path: 'feeds[1].folderId', problem: 'backup-unknown-folder', count: 1 } },
    });
    for (const table of empty.tables) expect(await table.count(), table.name).toBe(0);
    empty.close();
  });
});
