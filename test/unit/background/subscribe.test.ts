import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeFeed } from '../../../src/background/feed-removal';
import { subscribe } from '../../../src/background/subscribe';
import { setStarred } from '../../../src/db/entry-writes';
import type { ReaderDB } from '../../../src/db/schema';
import { fakeBrowser, resetPermissions, setHostAccess } from '../ui/fake-browser';
import { freshDb, rss, startServer, type TestServer } from './helpers';

// Host permissions: granted as at install unless a test withdraws them.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

let db: ReaderDB;
let server: TestServer | undefined;
beforeEach(() => resetPermissions());
afterEach(async () => {
  db?.close();
  await server?.close();
  server = undefined;
});

/** Routes of a small site: a feed, an HTML page pointing at it, a 404 and non-feed text. */
async function site(): Promise<TestServer> {
  return startServer((req, res) => {
    if (req.url === '/feed.xml') res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"e1"' }).end(rss('My Mirror', ['1', '2', '3']));
    else if (req.url === '/moved') res.writeHead(301, { Location: '/feed.xml' }).end();
    else if (req.url === '/untitled.xml') res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss('', ['1']));
    else if (req.url === '/page.html')
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><head><title>Blog</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Hi</body></html>');
    else if (req.url === '/notes.txt') res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00]));
    else res.writeHead(404).end();
  });
}

/** Subscribe, expect a rejection with `code`, and check nothing was stored. */
async function expectRefused(input: string, code: unknown): Promise<Record<string, unknown>> {
  const error = await subscribe(db, input).then(
    () => expect.unreachable('subscribe should have failed'),
    (thrown: unknown) => thrown as Record<string, unknown>,
  );
  expect(error).toMatchObject({ code });
  expect(await db.feeds.count()).toBe(0);
  expect(await db.entries.count()).toBe(0);
  return error;
}

describe('subscribe', () => {
  it('stores the feed under its own title with its entries', async () => {
    db = freshDb();
    server = await site();

    const result = await subscribe(db, server.url('/feed.xml'), 1000);

    expect(result).toEqual({ feedId: expect.any(Number), title: 'My Mirror' });
    expect(await db.feeds.get(result.feedId)).toMatchObject({ url: server.url('/feed.xml'), urls: [server.url('/feed.xml')], title: 'My Mirror', format: 'rss', etag: '"e1"', errorCount: 0, addedAt: 1000, folderId: 0, paused: 0, notify: 0 });
    expect(await db.feedCounts.get(result.feedId)).toEqual({ feedId: result.feedId, unread: 3, starred: 0, total: 3 });
    expect((await db.entries.toArray()).map((row) => [row.key, row.feedId, row.read])).toEqual([
      ['1', result.feedId, 0],
      ['2', result.feedId, 0],
      ['3', result.feedId, 0],
    ]);
  });

  it('names a feed without a title after its host', async () => {
    db = freshDb();
    server = await site();

    expect(await subscribe(db, server.url('/untitled.xml'))).toMatchObject({ title: '127.0.0.1' });
  });

  it('refuses an invalid address without fetching anything', async () => {
    db = freshDb();
    server = await site();

    await expectRefused('ftp://127.0.0.1/feed.xml', 'unsupported-scheme');
    await expectRefused('not a url', 'invalid-url');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an unreachable host', async () => {
    db = freshDb();
    server = await site();
    const url = server.url('/feed.xml');
    await server.close();
    server = undefined;

    await expectRefused(url, 'network');
  });

  it('refuses an address the server does not have', async () => {
    db = freshDb();
    server = await site();

    const error = await expectRefused(server.url('/missing.xml'), 'not-found');
    expect(error.params).toEqual({ host: new URL(server.url('/')).host, status: 404 });
  });

  it('refuses a document that is not a feed', async () => {
    db = freshDb();
    server = await site();

    // Which of the two the parser reports for binary junk is its call; either way nothing is stored.
    await expectRefused(server.url('/notes.txt'), expect.stringMatching(/^(unknown-format|malformed)$/));
  });

  it('refuses an HTML page but names the feeds it links to', async () => {
    db = freshDb();
    server = await site();

    const error = await expectRefused(server.url('/page.html'), 'not-a-feed');
    expect(error.alternates).toEqual([server.url('/feed.xml')]);
  });

  it('refuses a feed already subscribed, also when reached through a redirect', async () => {
    db = freshDb();
    server = await site();
    await subscribe(db, server.url('/feed.xml'));
    const requests = server.requests.length;

    await expect(subscribe(db, server.url('/feed.xml'))).rejects.toMatchObject({ code: 'duplicate', params: { title: 'My Mirror' } });
    expect(server.requests).toHaveLength(requests);
    await expect(subscribe(db, server.url('/moved'))).rejects.toMatchObject({ code: 'duplicate' });
    expect(await db.feeds.count()).toBe(1);
    expect(await db.entries.count()).toBe(3);
  });

  it('resumes a feed removed with its starred entries kept, fetching nothing itself (the poll follows)', async () => {
    db = freshDb();
    server = await site();
    const { feedId } = await subscribe(db, server.url('/feed.xml'), 1000);
    const second = (await db.entries.orderBy('id').toArray())[1]!;
    await setStarred(db, [second.id], true);
    expect(await removeFeed(db, feedId, true)).toBe(1);
    const requests = server.requests.length;

    expect(await subscribe(db, ` ${server.url('/feed.xml')} `, 2000)).toEqual({ feedId, title: 'My Mirror', resumed: true });

    const row = await db.feeds.get(feedId);
    expect(row).toMatchObject({ paused: 0, nextPollAt: 0, url: server.url('/feed.xml') });
    expect(row).not.toHaveProperty('pauseReason');
    expect(await db.feeds.count()).toBe(1);
    expect((await db.entries.toArray()).map((entry) => [entry.key, entry.starred])).toEqual([['2', 1]]);
    expect(server.requests).toHaveLength(requests);
  });

  it('resumes a removed feed reached through a redirect, or by one of its mirrors', async () => {
    db = freshDb();
    server = await site();
    const { feedId } = await subscribe(db, server.url('/feed.xml'));
    await db.feeds.update(feedId, { urls: [server.url('/feed.xml'), server.url('/mirror.xml')], paused: 1, pauseReason: 'removed' });

    expect(await subscribe(db, server.url('/moved'))).toEqual({ feedId, title: 'My Mirror', resumed: true });
    expect(await db.feeds.get(feedId)).toMatchObject({ paused: 0 });

    await db.feeds.update(feedId, { paused: 1, pauseReason: 'removed' });
    expect(await subscribe(db, server.url('/mirror.xml'))).toEqual({ feedId, title: 'My Mirror', resumed: true });
    expect(await db.feeds.count()).toBe(1);
  });

  it('still refuses a feed the user paused or its server called gone: those are subscribed', async () => {
    db = freshDb();
    server = await site();
    const { feedId } = await subscribe(db, server.url('/feed.xml'));
    for (const pauseReason of ['user', 'gone'] as const) {
      await db.feeds.update(feedId, { paused: 1, pauseReason });
      await expect(subscribe(db, server.url('/feed.xml'))).rejects.toMatchObject({ code: 'duplicate', params: { title: 'My Mirror' } });
      expect(await db.feeds.get(feedId)).toMatchObject({ paused: 1, pauseReason });
    }
  });

  it('refuses a site the browser does not let it read, without fetching', async () => {
    db = freshDb();
    server = await site();
    setHostAccess(false);

    const error = await expectRefused(server.url('/feed.xml'), 'no-access');

    expect(error.params).toEqual({ host: new URL(server.url('/')).host });
    // Match patterns carry no port: one pattern covers every port of the host.
    expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(server.requests).toHaveLength(0);
  });
});
