// The polling side's commands through the router's dispatch, as a page sends them: per-feed settings with their
// checks, pause and resume, a feed's addresses, testing an address.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redirect, statusRoute } from '../../../scripts/fault-routes';
import { startFeedServer, type FeedServer } from '../../../scripts/feed-server';
import { dispatch } from '../../../src/background/router';
import type { ReaderDB } from '../../../src/db/schema';
import type { CommandName, Commands } from '../../../src/shared/messages';
import { resetPermissions } from '../ui/fake-browser';
import { addFeedRow, freshDb, rss } from './helpers';
import { keysOf } from './worker-helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
const { createHandlers } = await import('../../../src/background/handlers');
const { schedulerFor } = await import('../../../src/background/worker-scheduler');

let db: ReaderDB;
let server: FeedServer;
beforeEach(async () => {
  resetPermissions();
  db = freshDb();
  server = await startFeedServer({ '/feed.xml': { body: rss('Daily', ['d1', 'd2']), contentType: 'application/rss+xml' } });
});
afterEach(async () => {
  // A resumed feed is polled in the background; let that round and its after-round steps end first.
  await schedulerFor(db).idle();
  db.close();
  await server.close();
});

function send<K extends CommandName>(type: K, payload: Commands[K]['req']) {
  return dispatch(createHandlers(db), { type, payload });
}

describe('update-feed', () => {
  it('stores checked settings, and null returns one to the global setting', async () => {
    const id = await addFeedRow(db, { keepDays: 10 });

    expect(await send('update-feed', { feedId: id, patch: { intervalMinutes: 60, timeZone: 'Asia/Shanghai', notify: true, keepDays: null, keepCount: 500 } })).toEqual({ ok: true, value: null });

    const feed = await db.feeds.get(id);
    expect(feed).toMatchObject({ intervalMinutes: 60, timeZone: 'Asia/Shanghai', notify: 1, keepCount: 500 });
    expect(feed).not.toHaveProperty('keepDays');
  });

  it.each([
    [{ intervalMinutes: 4 }, 'intervalMinutes'],
    [{ intervalMinutes: 2.5 }, 'intervalMinutes'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ keepDays: -1 }, 'keepDays'],
    [{ notify: 'yes' }, 'notify'],
    [{ title: 'x' }, 'title'],
  ])('refuses %j with invalid-setting naming the key, changing nothing', async (patch, key) => {
    const id = await addFeedRow(db);
    const before = await db.feeds.get(id);

    expect(await send('update-feed', { feedId: id, patch: patch as never })).toEqual({ ok: false, error: { code: 'invalid-setting', params: { key } } });
    expect(await db.feeds.get(id)).toEqual(before);
  });

  it('answers no-such-feed for a feed removed meanwhile', async () => {
    expect(await send('update-feed', { feedId: 404, patch: { notify: true } })).toEqual({ ok: false, error: { code: 'no-such-feed' } });
  });

  it('pauses a feed for the user, and resuming a feed the server called gone polls it at once', async () => {
    const url = `${server.origin}/feed.xml`;
    const id = await addFeedRow(db, { url, urls: [url], servedUrl: url, nextPollAt: Date.now() + 3_600_000 });
    await send('update-feed', { feedId: id, patch: { paused: true } });
    expect(await db.feeds.get(id)).toMatchObject({ paused: 1, pauseReason: 'user' });
    await db.feeds.update(id, { pauseReason: 'gone', lastError: { code: 'gone', params: { host: 'x' } }, errorCount: 1 });

    expect(await send('update-feed', { feedId: id, patch: { paused: false } })).toEqual({ ok: true, value: null });

    await vi.waitFor(async () => expect(await keysOf(db, id)).toEqual(['d1', 'd2']));
    const feed = await db.feeds.get(id);
    expect(feed).toMatchObject({ paused: 0, errorCount: 0 });
    expect(feed).not.toHaveProperty('pauseReason');
    expect(feed).not.toHaveProperty('lastError');
  });
});

describe('a feed\'s addresses', () => {
  it('adds an address as typed, normalized, at the end', async () => {
    const id = await addFeedRow(db, { url: 'https://origin.example/feed', urls: ['https://origin.example/feed'] });

    expect(await send('add-feed-url', { feedId: id, url: '  mirror.example/feed#top ' })).toEqual({ ok: true, value: { urls: ['https://origin.example/feed', 'https://mirror.example/feed'] } });
    expect((await db.feeds.get(id))!.urls).toEqual(['https://origin.example/feed', 'https://mirror.example/feed']);
  });

  it('refuses an address the feed has, another feed\'s address, and one that is not an address', async () => {
    const id = await addFeedRow(db, { url: 'https://origin.example/feed', urls: ['https://origin.example/feed'], title: 'Origin' });
    await addFeedRow(db, { url: 'https://other.example/feed', urls: ['https://other.example/feed', 'https://shared.example/feed'], title: 'Other' });

    expect(await send('add-feed-url', { feedId: id, url: 'https://origin.example/feed' })).toEqual({ ok: false, error: { code: 'duplicate', params: { title: 'Origin' } } });
    expect(await send('add-feed-url', { feedId: id, url: 'https://shared.example/feed' })).toEqual({ ok: false, error: { code: 'duplicate', params: { title: 'Other' } } });
    expect(await send('add-feed-url', { feedId: id, url: 'ftp://files.example/feed' })).toMatchObject({ ok: false, error: { code: 'unsupported-scheme' } });
    expect((await db.feeds.get(id))!.urls).toEqual(['https://origin.example/feed']);
  });

  it('removes an address but never the last; the next takes over as primary, and validators go with their address', async () => {
    const [a, b] = ['https://a.example/feed', 'https://b.example/feed'];
    const id = await addFeedRow(db, { url: a, urls: [a, b], servedUrl: a, etag: '"a1"', lastModified: 'Mon, 06 Jan 2025 10:00:00 GMT' });

    expect(await send('remove-feed-url', { feedId: id, url: a })).toEqual({ ok: true, value: { urls: [b] } });
    const feed = await db.feeds.get(id);
    expect(feed).toMatchObject({ url: b, urls: [b] });
    for (const field of ['servedUrl', 'etag', 'lastModified']) expect(feed).not.toHaveProperty(field);
    expect(await send('remove-feed-url', { feedId: id, url: b })).toEqual({ ok: false, error: { code: 'last-url' } });
    expect(await send('remove-feed-url', { feedId: id, url: 'https://c.example/feed' })).toEqual({ ok: false, error: { code: 'bad-request', params: { command: 'remove-feed-url', field: 'url' } } });
  });

  it('puts the addresses in the user\'s order, and a new first choice is tried first', async () => {
    const [a, b, c] = ['https://a.example/feed', 'https://b.example/feed', 'https://c.example/feed'];
    const id = await addFeedRow(db, { url: a, urls: [a, b, c], servedUrl: b });

    expect(await send('order-feed-urls', { feedId: id, urls: [c, a, b] })).toEqual({ ok: true, value: { urls: [c, a, b] } });
    expect(await db.feeds.get(id)).not.toHaveProperty('servedUrl');
    expect(await send('order-feed-urls', { feedId: id, urls: [c, a] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await send('order-feed-urls', { feedId: id, urls: [c, a, a] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('tests an address: what it serves and where from, storing nothing', async () => {
    server.routes.set('/moved.xml', redirect('/feed.xml', 301));
    server.routes.set('/gone.xml', statusRoute(410));

    expect(await send('test-feed-url', { url: `${server.origin}/moved.xml` })).toEqual({ ok: true, value: { title: 'Daily', entries: 2, servedUrl: `${server.origin}/feed.xml` } });
    expect(await send('test-feed-url', { url: `${server.origin}/gone.xml` })).toEqual({ ok: false, error: { code: 'gone', params: { host: new URL(server.origin).host } } });
    expect(await db.feeds.count()).toBe(0);
    expect(await db.entries.count()).toBe(0);
  });
});
