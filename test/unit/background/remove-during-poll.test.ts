// Removing a feed (keeping its starred entries) or pausing it while its fetch is in flight: the poll that
// lands afterwards stores nothing — no entry comes back, no validator or body hash is stored again, and a 410
// does not turn the removal into a 'gone' pause. Real HTTP on 127.0.0.1; values are literal.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { statusRoute } from '../../../scripts/fault-routes';
import { startFeedServer, type FeedServer } from '../../../scripts/feed-server';
import { updateFeed } from '../../../src/background/feed-settings';
import { removeFeed } from '../../../src/background/feed-removal';
import { ingestFeed } from '../../../src/background/ingest';
import { setStarred } from '../../../src/db/entry-writes';
import type { ReaderDB } from '../../../src/db/schema';
import { resetPermissions } from '../ui/fake-browser';
import { entry, feed, freshDb, rss } from './helpers';
import { feedAt, NOW, testScheduler } from './worker-helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

let db: ReaderDB;
let server: FeedServer;
beforeEach(async () => {
  resetPermissions();
  db = freshDb();
  server = await startFeedServer({
    '/slow.xml': { body: rss('Slow', ['s1', 's2', 's3', 's4']), contentType: 'application/rss+xml', etag: '"e"', delayMs: 300 },
    '/gone.xml': { ...statusRoute(410), delayMs: 300 },
  });
});
afterEach(async () => {
  db.close();
  await server.close();
});

/** A feed at `path` holding s1–s3, s1 starred, with a Refresh of it in flight; resolves once the request is sent. */
async function pollInFlight(path: string) {
  const feedId = await feedAt(db, server.origin + path);
  await ingestFeed(db, feedId, feed([entry('s1'), entry('s2'), entry('s3')]), {}, NOW - 1000);
  await setStarred(db, [1], true);
  const { scheduler } = testScheduler(db);
  const refresh = scheduler.refresh(feedId);
  while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  return { feedId, done: async () => (await refresh, await scheduler.idle()) };
}

const rows = async () => (await db.entries.orderBy('id').toArray()).map((row) => [row.key, row.read, row.starred]);

describe('a poll landing after its feed was removed or paused', () => {
  it('removed keeping starred: only the starred entry stays, and no validator or body hash is stored', async () => {
    const { feedId, done } = await pollInFlight('/slow.xml');
    expect(await removeFeed(db, feedId, true)).toBe(1);
    await done();

    expect(await rows()).toEqual([['s1', 0, 1]]);
    expect(await db.feedCounts.get(feedId)).toEqual({ feedId, unread: 1, starred: 1, total: 1 });
    const row = await db.feeds.get(feedId);
    expect(row).toMatchObject({ paused: 1, pauseReason: 'removed' });
    for (const field of ['etag', 'lastModified', 'bodyHash', 'lastSuccessAt']) expect(row).not.toHaveProperty(field);
  });

  it('paused by the user: nothing of the poll is stored', async () => {
    const { feedId, done } = await pollInFlight('/slow.xml');
    await updateFeed(db, feedId, { paused: true }, NOW);
    await done();

    expect(await rows()).toEqual([['s1', 0, 1], ['s2', 0, 0], ['s3', 0, 0]]);
    expect(await db.feeds.get(feedId)).toMatchObject({ paused: 1, pauseReason: 'user' });
    expect(await db.feeds.get(feedId)).not.toHaveProperty('etag');
  });

  it('removed while the server answers 410: the feed stays removed, not gone, with no error recorded', async () => {
    const { feedId, done } = await pollInFlight('/gone.xml');
    expect(await removeFeed(db, feedId, true)).toBe(1);
    await done();

    const row = await db.feeds.get(feedId);
    expect(row).toMatchObject({ paused: 1, pauseReason: 'removed', errorCount: 0 });
    expect(row).not.toHaveProperty('lastError');
  });
});
