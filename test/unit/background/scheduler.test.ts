// The scheduler with a fixed clock and literal expected times: due feeds, Retry-After, intervals, backoff,
// claims, the per-host limit, rounds extended by Refresh and resumed after a kill, the alarm.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { statusRoute } from '../../../scripts/fault-routes';
import { startFeedServer, type FeedServer } from '../../../scripts/feed-server';
import { openRound } from '../../../src/background/round';
import type { ReaderDB } from '../../../src/db/schema';
import { resetPermissions } from '../ui/fake-browser';
import { freshDb, rss } from './helpers';
import { feedAt, HOUR, keysOf, MIN, NOW, testScheduler } from './worker-helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

let db: ReaderDB;
let servers: FeedServer[] = [];
beforeEach(() => {
  resetPermissions();
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** A feed server on loopback address 127.0.0.`n`: a host of its own. */
async function host(n = 1): Promise<FeedServer> {
  const server = await startFeedServer({}, 0, (url) => ({ body: rss(url.pathname, [`${url.pathname}#1`]), contentType: 'application/rss+xml' }), `127.0.0.${n}`);
  servers.push(server);
  return server;
}

describe('the alarm', () => {
  it('polls the feeds that are due and not paused, then sets the alarm for the next one', async () => {
    const server = await host();
    await feedAt(db, `${server.origin}/due.xml`, { nextPollAt: NOW - MIN });
    await feedAt(db, `${server.origin}/soon.xml`, { nextPollAt: NOW + 30_000 });
    await feedAt(db, `${server.origin}/later.xml`, { nextPollAt: NOW + 2 * HOUR });
    await feedAt(db, `${server.origin}/paused.xml`, { nextPollAt: NOW - HOUR, paused: 1, pauseReason: 'user' });
    const { scheduler, armAlarm, afterRound } = testScheduler(db);

    await scheduler.onAlarm();
    await scheduler.idle();

    expect(server.requests.map((request) => request.path).sort()).toEqual(['/due.xml', '/soon.xml']);
    expect(afterRound).toHaveBeenCalledWith(expect.objectContaining({ total: 2, done: 2, added: 2, failed: 0, finishedAt: NOW }));
    // Both polled feeds are next due in 30 minutes; the later one in two hours.
    expect(armAlarm.mock.calls.at(-1)).toEqual([NOW + 30 * MIN]);
  });

  it('never polls before a server\'s Retry-After, even a feed due within the minute of slack', async () => {
    const server = await host();
    const id = await feedAt(db, `${server.origin}/limited.xml`, { nextPollAt: NOW + 45_000, retryAfterUntil: NOW + 45_000, errorCount: 1 });
    const { scheduler, clock, armAlarm } = testScheduler(db);

    await scheduler.onAlarm();
    await scheduler.idle();
    expect(server.requests).toHaveLength(0);
    // The alarm comes back when the server allows it.
    expect(armAlarm.mock.calls.at(-1)).toEqual([NOW + 45_000]);

    clock.now = NOW + 45_000;
    await scheduler.onAlarm();
    await scheduler.idle();
    expect(server.requests.map((request) => request.path)).toEqual(['/limited.xml']);
    expect(await db.feeds.get(id)).toMatchObject({ errorCount: 0, lastFetchedAt: NOW + 45_000 });
  });

  it('arms the alarm at least half a minute ahead, and a period ahead when there is no feed', async () => {
    const { scheduler, armAlarm } = testScheduler(db);
    await scheduler.onAlarm();
    expect(armAlarm.mock.calls.at(-1)).toEqual([NOW + 15 * MIN]);

    const server = await host();
    await feedAt(db, `${server.origin}/later.xml`, { nextPollAt: NOW + 5 * MIN });
    await scheduler.onAlarm();
    expect(armAlarm.mock.calls.at(-1)).toEqual([NOW + 5 * MIN]);
  });
});

describe('intervals and backoff', () => {
  it('polls again after the feed\'s own interval, else the global one, never under 5 minutes', async () => {
    const server = await host();
    const own = await feedAt(db, `${server.origin}/own.xml`, { intervalMinutes: 120 });
    const global = await feedAt(db, `${server.origin}/global.xml`);
    const tiny = await feedAt(db, `${server.origin}/tiny.xml`, { intervalMinutes: 1 });
    await db.settings.put({ key: 'pollIntervalMinutes', value: 45 });
    const { scheduler } = testScheduler(db);

    await scheduler.refresh();

    expect((await db.feeds.bulkGet([own, global, tiny])).map((feed) => feed!.nextPollAt)).toEqual([NOW + 2 * HOUR, NOW + 45 * MIN, NOW + 5 * MIN]);
  });

  it('doubles the wait after each failure in a row (1 h, 2 h, 4 h), then resets once the feed answers', async () => {
    const server = await host();
    server.routes.set('/flaky.xml', statusRoute(500));
    const id = await feedAt(db, `${server.origin}/flaky.xml`);
    const { scheduler, clock } = testScheduler(db);

    const seen: [number, number][] = [];
    for (const at of [NOW, NOW + HOUR, NOW + 3 * HOUR]) {
      clock.now = at;
      await scheduler.onAlarm();
      await scheduler.idle();
      const feed = (await db.feeds.get(id))!;
      seen.push([feed.errorCount, feed.nextPollAt - at]);
    }
    expect(seen).toEqual([
      [1, HOUR],
      [2, 2 * HOUR],
      [3, 4 * HOUR],
    ]);

    server.routes.set('/flaky.xml', { body: rss('Back', ['b1']), contentType: 'application/rss+xml' });
    clock.now = NOW + 7 * HOUR;
    await scheduler.onAlarm();
    await scheduler.idle();
    const feed = (await db.feeds.get(id))!;
    expect(feed).toMatchObject({ errorCount: 0, lastSuccessAt: NOW + 7 * HOUR, nextPollAt: NOW + 7 * HOUR + 30 * MIN });
    expect(feed).not.toHaveProperty('lastError');
  });
});

describe('claims and limits', () => {
  it('claims a feed before fetching it: claimedAt is set and nextPollAt moves 10 minutes ahead while the fetch runs', async () => {
    const server = await host();
    server.routes.set('/slow.xml', { body: rss('Slow', ['s1']), contentType: 'application/rss+xml', delayMs: 300 });
    const id = await feedAt(db, `${server.origin}/slow.xml`, { nextPollAt: NOW - HOUR });
    const { scheduler } = testScheduler(db);

    const refresh = scheduler.refresh();
    await vi.waitFor(() => expect(server.hits.get('/slow.xml')).toBe(1));
    expect(await db.feeds.get(id)).toMatchObject({ claimedAt: NOW, nextPollAt: NOW + 10 * MIN });
    await refresh;
    expect((await db.feeds.get(id))!.nextPollAt).toBe(NOW + 30 * MIN);
    expect(await db.feeds.get(id)).not.toHaveProperty('claimedAt');
  });

  it('fetches at most 6 at once and at most 2 per host', async () => {
    const hosts = await Promise.all([1, 2, 3, 4].map((n) => host(n)));
    for (const [index, server] of hosts.entries()) {
      for (let feed = 0; feed < 5; feed++) {
        server.routes.set(`/f${feed}.xml`, { body: rss(`F${index}-${feed}`, [`${index}-${feed}`]), contentType: 'application/rss+xml', delayMs: 150 });
        await feedAt(db, `${server.origin}/f${feed}.xml`);
      }
    }
    let peak = 0;
    const sample = setInterval(() => (peak = Math.max(peak, hosts.reduce((sum, server) => sum + server.active(), 0))), 5);
    const { scheduler } = testScheduler(db);

    expect(await scheduler.refresh()).toEqual({ feeds: 20, added: 20, failed: 0 });
    clearInterval(sample);

    expect(hosts.map((server) => server.peakActive())).toEqual([2, 2, 2, 2]);
    expect(peak).toBe(6);
  });
});

describe('rounds', () => {
  it('stores the round\'s progress for the pages', async () => {
    const server = await host();
    server.routes.set('/bad.xml', statusRoute(500));
    await feedAt(db, `${server.origin}/a.xml`);
    await feedAt(db, `${server.origin}/bad.xml`);
    const { scheduler } = testScheduler(db);

    expect(await scheduler.refresh()).toEqual({ feeds: 2, added: 1, failed: 1 });
    expect(await db.status.get('round')).toEqual({ key: 'round', startedAt: NOW, finishedAt: NOW, total: 2, done: 2, added: 1, failed: 1, notify: {} });
    expect(await db.status.get('round-feeds')).toBeUndefined();
  });

  it('resumes a round a stopped worker left: the feeds not done yet, unclaimed ones first, then finishes it', async () => {
    const server = await host();
    const done = await feedAt(db, `${server.origin}/done.xml`, { lastFetchedAt: NOW + 1000, nextPollAt: NOW + 30 * MIN });
    const claimed = await feedAt(db, `${server.origin}/claimed.xml`, { claimedAt: NOW, nextPollAt: NOW + 10 * MIN });
    const waiting = await feedAt(db, `${server.origin}/waiting.xml`, { nextPollAt: NOW - MIN });
    const round = await openRound(db, [done, claimed, waiting], NOW);
    await db.status.put({ ...round, done: 1, added: 1 });
    // A new worker (a new scheduler): nothing in memory, only the stored round.
    const { scheduler, afterRound } = testScheduler(db, { replyWaitMs: 5000 });
    scheduler.resume();
    await vi.waitFor(() => expect(afterRound).toHaveBeenCalled());

    expect(server.requests.map((request) => request.path)).toEqual(['/waiting.xml', '/claimed.xml']);
    expect(afterRound).toHaveBeenCalledWith(expect.objectContaining({ startedAt: NOW, total: 3, done: 3, added: 3, failed: 0 }));
    expect(await keysOf(db, done)).toEqual([]);
  });

  it('resumes a killed Refresh round with the feeds nobody fetched, though not due yet, before the claimed ones', async () => {
    const server = await host();
    // Claimed when the round started 5 minutes ago, then the worker was stopped: its claim runs to NOW + 5 min.
    const claimed = await feedAt(db, `${server.origin}/claimed.xml`, { claimedAt: NOW - 5 * MIN, nextPollAt: NOW + 5 * MIN, lastFetchedAt: NOW - 25 * MIN });
    // Refresh took every feed, due or not: this one is not due for 25 minutes.
    const unpolled = await feedAt(db, `${server.origin}/unpolled.xml`, { nextPollAt: NOW + 25 * MIN, lastFetchedAt: NOW - 5 * MIN - 1 });
    await openRound(db, [claimed, unpolled], NOW - 5 * MIN);
    const { scheduler, afterRound } = testScheduler(db);
    scheduler.resume();
    await vi.waitFor(() => expect(afterRound).toHaveBeenCalled());

    expect(server.requests.map((request) => request.path)).toEqual(['/unpolled.xml', '/claimed.xml']);
    expect(afterRound).toHaveBeenCalledWith(expect.objectContaining({ total: 2, done: 2, added: 2 }));
  });

  it('lets a Refresh of one feed during a long round go first, without a second round', async () => {
    const server = await host();
    for (let n = 0; n < 6; n++) {
      server.routes.set(`/slow${n}.xml`, { body: rss('Slow', [`s${n}`]), contentType: 'application/rss+xml', delayMs: 300 });
      await feedAt(db, `${server.origin}/slow${n}.xml`);
    }
    const quick = await feedAt(db, `${server.origin}/quick.xml`, { nextPollAt: NOW + HOUR });
    const { scheduler, afterRound } = testScheduler(db);

    const all = scheduler.refresh();
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    expect(await scheduler.refresh(quick)).toEqual({ feeds: 1, added: 1, failed: 0 });
    expect(server.requests.map((request) => request.path).indexOf('/quick.xml')).toBe(2);

    expect(await all).toEqual({ feeds: 7, added: 7, failed: 0 });
    expect(afterRound).toHaveBeenCalledTimes(1);
    expect(await db.status.get('round')).toMatchObject({ total: 7, done: 7 });
  });

  it('fetches a feed again when Refresh asks for it after the round polled it, counting it done once', async () => {
    const slow = await host(1);
    for (let n = 0; n < 4; n++) {
      slow.routes.set(`/slow${n}.xml`, { body: rss('Slow', [`s${n}`]), contentType: 'application/rss+xml', delayMs: 800 });
      await feedAt(db, `${slow.origin}/slow${n}.xml`);
    }
    const own = await host(2);
    own.routes.set('/quick.xml', { body: rss('Quick', ['q1']), contentType: 'application/rss+xml' });
    const quick = await feedAt(db, `${own.origin}/quick.xml`, { nextPollAt: NOW - HOUR });
    const { scheduler } = testScheduler(db);

    const all = scheduler.refresh();
    await vi.waitFor(async () => expect(await keysOf(db, quick)).toEqual(['q1']));
    own.routes.set('/quick.xml', { body: rss('Quick', ['q1', 'q2']), contentType: 'application/rss+xml' });
    expect(await scheduler.refresh(quick)).toEqual({ feeds: 1, added: 1, failed: 0 });
    expect(own.hits.get('/quick.xml')).toBe(2);
    // The slow feeds are still being fetched: one feed done, two entries added.
    expect(await db.status.get('round')).toMatchObject({ total: 5, done: 1, added: 2 });

    expect(await all).toEqual({ feeds: 5, added: 6, failed: 0 });
  });

  it('fetches a feed again when Refresh asks for it after a stopped worker polled it in the resumed round', async () => {
    const slow = await host(1);
    slow.routes.set('/slow.xml', { body: rss('Slow', ['s1']), contentType: 'application/rss+xml', delayMs: 600 });
    const waiting = await feedAt(db, `${slow.origin}/slow.xml`);
    const own = await host(2);
    own.routes.set('/done.xml', { body: rss('Done', ['d1']), contentType: 'application/rss+xml' });
    const done = await feedAt(db, `${own.origin}/done.xml`, { lastFetchedAt: NOW, nextPollAt: NOW + 30 * MIN });
    const round = await openRound(db, [waiting, done], NOW);
    await db.status.put({ ...round, done: 1 });
    const { scheduler } = testScheduler(db);

    scheduler.resume();
    expect(await scheduler.refresh(done)).toEqual({ feeds: 1, added: 1, failed: 0 });
    expect(own.hits.get('/done.xml')).toBe(1);
    await scheduler.idle();
  });

  it('answers a Refresh of a feed removed meanwhile with no-such-feed', async () => {
    const { scheduler } = testScheduler(db);
    await expect(scheduler.refresh(999)).rejects.toMatchObject({ code: 'no-such-feed' });
  });

  it('replies after the wait limit while the round goes on', async () => {
    const server = await host();
    server.routes.set('/slow.xml', { body: rss('Slow', ['s1']), contentType: 'application/rss+xml', delayMs: 400 });
    await feedAt(db, `${server.origin}/slow.xml`);
    const { scheduler } = testScheduler(db, { replyWaitMs: 50 });

    expect(await scheduler.refresh()).toEqual({ feeds: 1, added: 0, failed: 0 });
    await scheduler.idle();
    expect(await db.status.get('round')).toMatchObject({ done: 1, added: 1, finishedAt: NOW });
  });
});
