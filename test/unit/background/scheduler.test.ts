import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextPollAfterFailure, nextPollAfterSuccess, MAX_BACKOFF_MS, POLL_INTERVAL_MS } from '../../../src/background/schedule-policy';
import { pollDueFeeds, refreshNow } from '../../../src/background/scheduler';
import type { ReaderDB } from '../../../src/db/schema';
import { addFeedRow, freshDb, rss, startServer, type TestServer } from './helpers';

// site-access.ts asks the browser for host permissions: the fake grants the manifest's at start.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

const HOUR = 3_600_000;
let db: ReaderDB;
let server: TestServer | undefined;
afterEach(async () => {
  db?.close();
  await server?.close();
  server = undefined;
});

describe('poll schedule', () => {
  it('waits the poll interval after a success', () => {
    expect(nextPollAfterSuccess(1000)).toBe(1000 + POLL_INTERVAL_MS);
  });

  it('doubles the wait after each failure in a row, up to a day', () => {
    expect([1, 2, 3, 4, 5, 6, 40].map((count) => nextPollAfterFailure(0, count))).toEqual([1 * HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
  });
});

describe('pollDueFeeds', () => {
  it('backs off a failing feed, then resets once it answers again', async () => {
    let healthy = false;
    server = await startServer((_req, res) => (healthy ? res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss('Back', ['1'])) : res.writeHead(500).end()));
    db = freshDb();
    const feedId = await addFeedRow(db, { url: server.url('/feed.xml') });

    let now = 0;
    const host = new URL(server.url('/')).host;
    // 1 h, then 2 h, then 4 h after each failure.
    for (const [errorCount, wait] of [[1, HOUR], [2, 2 * HOUR], [3, 4 * HOUR]] as const) {
      expect(await pollDueFeeds(db, () => now)).toEqual({ feeds: 1, added: 0, failed: 1 });
      const feed = await db.feeds.get(feedId);
      expect(feed).toMatchObject({ errorCount, lastError: { code: 'server-error', params: { host, status: 500 } }, nextPollAt: now + wait });
      now = feed!.nextPollAt;
    }

    healthy = true;
    expect(await pollDueFeeds(db, () => now)).toEqual({ feeds: 1, added: 1, failed: 0 });
    const feed = await db.feeds.get(feedId);
    expect(feed).toMatchObject({ errorCount: 0, nextPollAt: now + 30 * 60_000, lastFetchedAt: now });
    expect(feed).not.toHaveProperty('lastError');
  });

  it('polls only the feeds that are due', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss('Due', ['1'])));
    db = freshDb();
    await addFeedRow(db, { url: server.url('/due.xml'), nextPollAt: 1000 });
    await addFeedRow(db, { url: server.url('/later.xml'), nextPollAt: 10 * HOUR });

    expect(await pollDueFeeds(db, () => 1000)).toEqual({ feeds: 1, added: 1, failed: 0 });
    expect(server.requests.map((req) => req.url)).toEqual(['/due.xml']);
  });

  it('records a 304 as a healthy poll that stores nothing', async () => {
    server = await startServer((req, res) =>
      req.headers['if-none-match'] === '"same"' ? res.writeHead(304).end() : res.writeHead(200, { ETag: '"same"', 'Content-Type': 'application/rss+xml' }).end(rss('Same', ['1', '2'])),
    );
    db = freshDb();
    const feedId = await addFeedRow(db, { url: server.url('/feed.xml') });

    expect(await pollDueFeeds(db, () => 0)).toMatchObject({ added: 2 });
    expect(await pollDueFeeds(db, () => 2 * HOUR)).toMatchObject({ added: 0, failed: 0 });
    expect(await db.entries.count()).toBe(2);
    expect(await db.feeds.get(feedId)).toMatchObject({ etag: '"same"', lastFetchedAt: 2 * HOUR, errorCount: 0 });
  });
});

describe('refreshNow', () => {
  it('polls every feed whatever its schedule, and stores nothing twice', async () => {
    server = await startServer((req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss(req.url ?? '', ['1', '2'])));
    db = freshDb();
    await addFeedRow(db, { url: server.url('/a.xml'), nextPollAt: 10 * HOUR });
    await addFeedRow(db, { url: server.url('/b.xml'), nextPollAt: 10 * HOUR });

    expect(await refreshNow(db)).toEqual({ feeds: 2, added: 4, failed: 0 });
    expect(await refreshNow(db)).toEqual({ feeds: 2, added: 0, failed: 0 });
    expect(await db.entries.count()).toBe(4);
  });

  it('polls one feed on request, and nothing for a feed already removed', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss('One', ['1'])));
    db = freshDb();
    const one = await addFeedRow(db, { url: server.url('/one.xml') });
    await addFeedRow(db, { url: server.url('/two.xml') });

    expect(await refreshNow(db, one)).toEqual({ feeds: 1, added: 1, failed: 0 });
    expect(server.requests.map((req) => req.url)).toEqual(['/one.xml']);
    expect(await refreshNow(db, 999)).toEqual({ feeds: 0, added: 0, failed: 0 });
  });
});
