import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollFeed } from '../../../src/background/poll';
import type { ReaderDB } from '../../../src/db/schema';
import { resetPermissions, setHostAccess } from '../ui/fake-browser';
import { addFeedRow, freshDb, rss, startServer, type TestServer } from './helpers';

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

/** Encode `text` as windows-1251 (Cyrillic letters and ASCII only). */
function windows1251(text: string): Buffer {
  return Buffer.from([...text].map((char) => {
    const code = char.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    throw new Error(`not in the test table: ${char}`);
  }));
}

describe('pollFeed', () => {
  it('hands the raw bytes and Content-Type to the parser, so a charset named only in the header decodes', async () => {
    const body = windows1251(rss('Новости', ['1']).replace('<?xml version="1.0" encoding="UTF-8"?>', ''));
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=windows-1251' }).end(body));
    db = freshDb();
    const feedId = await addFeedRow(db, { url: server.url('/feed.xml') });

    expect(await pollFeed(db, (await db.feeds.get(feedId))!)).toEqual({ added: 1 });
    expect((await db.feeds.get(feedId))?.title).toBe('Новости');
  });

  it('joins a poll of the same feed already running instead of fetching twice', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss('Once', ['1', '2'])));
    db = freshDb();
    const feed = (await db.feeds.get(await addFeedRow(db, { url: server.url('/feed.xml') })))!;

    const [first, second] = await Promise.all([pollFeed(db, feed), pollFeed(db, feed)]);

    expect(first).toEqual({ added: 2 });
    expect(second).toBe(first);
    expect(server.requests).toHaveLength(1);
    expect(await db.entries.count()).toBe(2);
  });

  it('records a document that is not a feed as the feed\'s last error', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><html><body>Maintenance</body></html>'));
    db = freshDb();
    const feedId = await addFeedRow(db, { url: server.url('/feed.xml') });

    const result = await pollFeed(db, (await db.feeds.get(feedId))!);

    expect(result).toMatchObject({ added: 0, error: { code: 'not-a-feed' } });
    expect(await db.feeds.get(feedId)).toMatchObject({ errorCount: 1, lastError: { code: 'not-a-feed' } });
  });

  it('records missing site access as the feed\'s last error, without fetching', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss('Unread', ['1'])));
    db = freshDb();
    const feedId = await addFeedRow(db, { url: server.url('/feed.xml') });
    setHostAccess(false);

    const result = await pollFeed(db, (await db.feeds.get(feedId))!, () => 5000);

    const host = new URL(server.url('/')).host;
    expect(result).toEqual({ added: 0, error: { code: 'no-access', params: { host } } });
    expect(await db.feeds.get(feedId)).toMatchObject({ errorCount: 1, lastError: { code: 'no-access', params: { host } }, nextPollAt: 5000 + 3_600_000 });
    expect(server.requests).toHaveLength(0);
    expect(await db.entries.count()).toBe(0);
  });
});
