// Every fault the feed server can inject, polled in one Refresh beside a healthy feed: each feed ends in the
// state and error code a user would expect, and the healthy feed is polled as usual.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HANG, hugeFeed, labelled, redirect, RESET, retryAfter, sequence, statusRoute } from '../../../scripts/fault-routes';
import { startFeedServer, type FeedServer } from '../../../scripts/feed-server';
import type { ReaderDB } from '../../../src/db/schema';
import { resetPermissions } from '../ui/fake-browser';
import { freshDb, rss } from './helpers';
import { feedAt, HOUR, keysOf, MIN, NOW, testScheduler } from './worker-helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

let db: ReaderDB;
let server: FeedServer;
beforeEach(async () => {
  resetPermissions();
  db = freshDb();
  server = await startFeedServer({ '/healthy.xml': { body: rss('Healthy', ['h1', 'h2']), contentType: 'application/rss+xml' } });
});
afterEach(async () => {
  db.close();
  await server.close();
});

const host = () => new URL(server.origin).host;
const url = (path: string) => server.origin + path;

/** windows-1251 bytes of `text` (ASCII and Russian letters). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((char) => (char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : char.charCodeAt(0) - 0x410 + 0xc0)));
}

/** Poll `path` (served by `route`) and the healthy feed in one Refresh; return the fault feed's row. */
async function pollBeside(path: string) {
  const healthy = await feedAt(db, url('/healthy.xml'));
  const faulty = await feedAt(db, url(path));
  const { scheduler } = testScheduler(db);
  const summary = await scheduler.refresh();
  expect(await keysOf(db, healthy)).toEqual(['h1', 'h2']);
  expect(await db.feeds.get(healthy)).toMatchObject({ errorCount: 0, lastSuccessAt: NOW, nextPollAt: NOW + 30 * MIN });
  return { summary, feed: (await db.feeds.get(faulty))!, faulty, scheduler };
}

describe('a poll beside a faulty feed', () => {
  it('waits for a slow server', async () => {
    server.routes.set('/slow.xml', { body: rss('Slow', ['s1']), contentType: 'application/rss+xml', delayMs: 300 });
    const { summary, feed, faulty } = await pollBeside('/slow.xml');
    expect(summary).toEqual({ feeds: 2, added: 3, failed: 0 });
    expect(feed).toMatchObject({ title: 'Slow', errorCount: 0 });
    expect(await keysOf(db, faulty)).toEqual(['s1']);
  });

  it('gives up on a hanging server with "timeout" and backs off an interval doubled', async () => {
    server.routes.set('/hang.xml', HANG);
    const { summary, feed } = await pollBeside('/hang.xml');
    expect(summary).toEqual({ feeds: 2, added: 2, failed: 1 });
    expect(feed).toMatchObject({ errorCount: 1, lastError: { code: 'timeout', params: { host: host(), seconds: 2 } }, lastFetchedAt: NOW, nextPollAt: NOW + HOUR });
  });

  it.each([
    ['/broken.xml', statusRoute(500), { code: 'server-error', params: { status: 500 } }],
    ['/missing.xml', statusRoute(404), { code: 'not-found', params: { status: 404 } }],
    ['/crash.xml', RESET, { code: 'network', params: {} }],
    ['/loop.xml', redirect('/loop.xml', 302), { code: 'redirect-loop', params: {} }],
    ['/huge.xml', hugeFeed(25 * 1024 * 1024), { code: 'too-large', params: { limitMb: 20 } }],
    ['/page.html', labelled('<!doctype html><html><head><title>Maintenance</title></head><body>Back soon</body></html>', 'text/html'), { code: 'not-a-feed', params: {} }],
  ])('records %s as its error code and polls it again after the backoff', async (path, route, expected) => {
    server.routes.set(path, route);
    const { feed, faulty } = await pollBeside(path);
    const params = expected.code === 'too-large' || expected.code === 'not-a-feed' ? expected.params : { host: host(), ...expected.params };
    expect(feed.lastError).toEqual(Object.keys(params).length > 0 ? { code: expected.code, params } : { code: expected.code });
    expect(feed).toMatchObject({ errorCount: 1, paused: 0, nextPollAt: NOW + HOUR });
    expect(await keysOf(db, faulty)).toEqual([]);
  });

  it('pauses a feed that answers 410 Gone, and no Refresh fetches it until the user resumes it', async () => {
    server.routes.set('/gone.xml', statusRoute(410));
    const { feed, scheduler } = await pollBeside('/gone.xml');
    expect(feed).toMatchObject({ paused: 1, pauseReason: 'gone', lastError: { code: 'gone', params: { host: host() } } });

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 0, failed: 0 });
    expect(server.hits.get('/gone.xml')).toBe(1);
    await expect(scheduler.refresh(feed.id)).rejects.toMatchObject({ code: 'paused', params: { title: 'Example' } });
  });

  it('honours Retry-After on 429: no poll, not even Refresh, before the hour is up', async () => {
    server.routes.set('/busy.xml', retryAfter(429, '3600'));
    const { feed, scheduler } = await pollBeside('/busy.xml');
    expect(feed).toMatchObject({ errorCount: 1, retryAfterUntil: NOW + HOUR, nextPollAt: NOW + HOUR, lastError: { code: 'rate-limited', params: { host: host(), status: 429, minutes: 60 } } });

    expect(await scheduler.refresh()).toEqual({ feeds: 2, added: 0, failed: 1 });
    await expect(scheduler.refresh(feed.id)).rejects.toMatchObject({ code: 'rate-limited', params: { host: host(), status: 429, minutes: 60 } });
    expect(server.hits.get('/busy.xml')).toBe(1);
  });

  it('honours an HTTP-date Retry-After on 503', async () => {
    server.routes.set('/down.xml', retryAfter(503, 'Mon, 06 Jan 2025 13:00:00 GMT'));
    const { feed } = await pollBeside('/down.xml');
    expect(feed).toMatchObject({ retryAfterUntil: NOW + 3 * HOUR, nextPollAt: NOW + 3 * HOUR, lastError: { code: 'rate-limited', params: { status: 503, minutes: 180 } } });
  });

  it('reads a gzip-encoded feed', async () => {
    server.routes.set('/gzip.xml', { body: rss('Packed', ['g1']), contentType: 'application/rss+xml', gzip: true });
    const { feed, faulty } = await pollBeside('/gzip.xml');
    expect(feed).toMatchObject({ title: 'Packed', errorCount: 0 });
    expect(await keysOf(db, faulty)).toEqual(['g1']);
  });

  it('shows Cyrillic for a windows-1251 header over an iso-8859-1 declaration', async () => {
    const xml = rss('Новости', ['c1']).replace('encoding="UTF-8"', 'encoding="iso-8859-1"');
    server.routes.set('/ru.xml', { body: cp1251(xml), contentType: 'text/xml; charset=windows-1251' });
    const { feed } = await pollBeside('/ru.xml');
    expect(feed.title).toBe('Новости');
  });

  it('follows a redirect chain, keeping the stored address while the redirect is not known to hold', async () => {
    server.routes.set('/a.xml', redirect('/b.xml', 302));
    server.routes.set('/b.xml', redirect('/c.xml', 307));
    server.routes.set('/c.xml', { body: rss('Chained', ['r1']), contentType: 'application/rss+xml' });
    const { feed, faulty } = await pollBeside('/a.xml');
    expect(feed).toMatchObject({ url: url('/a.xml'), urls: [url('/a.xml')], servedUrl: url('/a.xml'), redirectStreak: { from: url('/a.xml'), to: url('/c.xml'), count: 1 } });
    expect(await keysOf(db, faulty)).toEqual(['r1']);
  });
});

describe('a feed polled again', () => {
  it('costs no parse and no write for a 304', async () => {
    server.routes.set('/etag.xml', { body: rss('Tagged', ['t1']), contentType: 'application/rss+xml', etag: '"v1"' });
    const id = await feedAt(db, url('/etag.xml'));
    const { scheduler, clock } = testScheduler(db);
    await scheduler.refresh();
    const entries = await db.entries.toArray();
    clock.now = NOW + HOUR;

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 0, failed: 0 });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect(await db.entries.toArray()).toEqual(entries);
    expect(await db.feeds.get(id)).toMatchObject({ etag: '"v1"', lastSuccessAt: NOW + HOUR, nextPollAt: NOW + HOUR + 30 * MIN });
  });

  it('knows the same body again by its hash when the ETag changes every time', async () => {
    server.routes.set('/etag.xml', ({ count }) => ({ body: rss('Tagged', ['t1']), contentType: 'application/rss+xml', etag: `"rev-${count}"` }));
    const id = await feedAt(db, url('/etag.xml'));
    const { scheduler, clock } = testScheduler(db);
    await scheduler.refresh();
    // A reader's change that a re-parse of the same document would keep anyway; an unchanged body must not even look.
    const hash = (await db.feeds.get(id))!.bodyHash;
    clock.now = NOW + HOUR;

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 0, failed: 0 });
    expect(await db.feeds.get(id)).toMatchObject({ etag: '"rev-2"', bodyHash: hash, lastSuccessAt: NOW + HOUR });
  });

  it('moves the stored address after a redirect served the feed on three polls in a row', async () => {
    server.routes.set('/old.xml', sequence({ body: rss('Moved', ['m1']), contentType: 'application/rss+xml' }, redirect('/new.xml', 301)));
    server.routes.set('/new.xml', { body: rss('Moved', ['m1']), contentType: 'application/rss+xml' });
    const id = await feedAt(db, url('/old.xml'));
    const { scheduler, clock } = testScheduler(db);
    for (const [poll, streak] of [[1, undefined], [2, 1], [3, 2]] as const) {
      clock.now = NOW + poll * HOUR;
      await scheduler.refresh();
      expect((await db.feeds.get(id))!.redirectStreak?.count, `poll ${poll}`).toBe(streak);
    }
    clock.now = NOW + 4 * HOUR;
    await scheduler.refresh();

    expect(await db.feeds.get(id)).toMatchObject({ url: url('/new.xml'), urls: [url('/new.xml')], servedUrl: url('/new.xml') });
    expect(await db.feeds.get(id)).not.toHaveProperty('redirectStreak');
    expect(await keysOf(db, id)).toEqual(['m1']);
  });

  it('keeps the stored address when a 301 gives way to a 200 before it held (301 then 200)', async () => {
    server.routes.set('/flip.xml', sequence(redirect('/elsewhere.xml', 301), { body: rss('Flip', ['f1']), contentType: 'application/rss+xml' }));
    server.routes.set('/elsewhere.xml', { body: rss('Flip', ['f1']), contentType: 'application/rss+xml' });
    const id = await feedAt(db, url('/flip.xml'));
    const { scheduler, clock } = testScheduler(db);

    await scheduler.refresh();
    expect(await db.feeds.get(id)).toMatchObject({ url: url('/flip.xml'), redirectStreak: { from: url('/flip.xml'), to: url('/elsewhere.xml'), count: 1 } });
    clock.now = NOW + HOUR;
    await scheduler.refresh();

    const feed = await db.feeds.get(id);
    expect(feed).toMatchObject({ url: url('/flip.xml'), urls: [url('/flip.xml')], servedUrl: url('/flip.xml'), errorCount: 0 });
    expect(feed).not.toHaveProperty('redirectStreak');
    expect(await keysOf(db, id)).toEqual(['f1']);
  });
});

describe('mirrors', () => {
  it('falls through a mirror that is down to the origin, and tries the origin first next time', async () => {
    server.routes.set('/origin.xml', { body: rss('Origin', ['o1']), contentType: 'application/rss+xml' });
    server.routes.set('/mirror.xml', statusRoute(502));
    const mirror = url('/mirror.xml');
    const origin = url('/origin.xml');
    const id = await feedAt(db, mirror, { urls: [mirror, origin], servedUrl: mirror });
    const { scheduler, clock } = testScheduler(db);

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 1, failed: 0 });
    expect(await db.feeds.get(id)).toMatchObject({ url: mirror, urls: [mirror, origin], servedUrl: origin, errorCount: 0 });
    clock.now = NOW + HOUR;
    await scheduler.refresh();
    expect(server.hits.get('/mirror.xml')).toBe(1);
    expect(server.hits.get('/origin.xml')).toBe(2);
  });

  it('keeps a Retry-After the origin sent when the mirror before it failed otherwise', async () => {
    server.routes.set('/mirror.xml', RESET);
    server.routes.set('/origin.xml', retryAfter(429, '3600'));
    const mirror = url('/mirror.xml');
    const origin = url('/origin.xml');
    const id = await feedAt(db, mirror, { urls: [mirror, origin] });
    const { scheduler, clock } = testScheduler(db);

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 0, failed: 1 });
    // The mirror's failure is the one shown; the origin's hour is kept.
    expect(await db.feeds.get(id)).toMatchObject({ errorCount: 1, lastError: { code: 'network', params: { host: host() } }, retryAfterUntil: NOW + HOUR, nextPollAt: NOW + HOUR });
    clock.now = NOW + 10 * MIN;
    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 0, failed: 1 });
    await expect(scheduler.refresh(id)).rejects.toMatchObject({ code: 'rate-limited', params: { minutes: 50 } });
    expect(server.hits.get('/origin.xml')).toBe(1);
  });

  it('records the first address\'s error when every address fails, and pauses only when every one is gone', async () => {
    server.routes.set('/one.xml', statusRoute(410));
    server.routes.set('/two.xml', statusRoute(500));
    const id = await feedAt(db, url('/one.xml'), { urls: [url('/one.xml'), url('/two.xml')] });
    const { scheduler, clock } = testScheduler(db);

    await scheduler.refresh();
    expect(await db.feeds.get(id)).toMatchObject({ paused: 0, lastError: { code: 'server-error', params: { host: host(), status: 500 } } });
    server.routes.set('/two.xml', statusRoute(410));
    clock.now = NOW + HOUR;
    await scheduler.refresh();
    expect(await db.feeds.get(id)).toMatchObject({ paused: 1, pauseReason: 'gone', lastError: { code: 'gone', params: { host: host() } } });
  });
});
