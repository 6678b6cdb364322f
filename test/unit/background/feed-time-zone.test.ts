// A feed's time zone changed in its settings reaches the entries already stored: the next poll reads the same
// document again (no 304, no "unchanged body") and moves each entry to its corrected date. Values are literal.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startFeedServer, type FeedServer } from '../../../scripts/feed-server';
import { updateFeed } from '../../../src/background/feed-settings';
import type { ReaderDB } from '../../../src/db/schema';
import { resetPermissions } from '../ui/fake-browser';
import { freshDb } from './helpers';
import { feedAt, HOUR, NOW, testScheduler } from './worker-helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

// A date without a zone: read in the feed's time zone (UTC until the user sets one).
const body = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><guid>a</guid><title>A</title><pubDate>2025-01-05 08:00:00</pubDate></item></channel></rss>';
let db: ReaderDB;
let server: FeedServer;
beforeEach(async () => {
  resetPermissions();
  db = freshDb();
  server = await startFeedServer({ '/f.xml': { body, contentType: 'application/rss+xml', etag: '"v1"', lastModified: 'Sun, 05 Jan 2025 09:00:00 GMT' } });
});
afterEach(async () => {
  db.close();
  await server.close();
});

it('re-reads an unchanged document after a time zone change and moves its entries to the corrected date', async () => {
  const feedId = await feedAt(db, `${server.origin}/f.xml`);
  const { scheduler, clock } = testScheduler(db);
  await scheduler.refresh(feedId);
  expect(await db.entries.toArray()).toMatchObject([{ publishedAt: Date.UTC(2025, 0, 5, 8), sortAt: Date.UTC(2025, 0, 5, 8) }]);

  await updateFeed(db, feedId, { timeZone: '+08:00' }, NOW);
  expect(await db.feeds.get(feedId)).not.toHaveProperty('etag');
  clock.now += HOUR;
  await scheduler.refresh(feedId);

  // 08:00 at +08:00 is midnight UTC; the second request was not a conditional one the server could answer 304.
  expect(server.requests.map((request) => request.headers['if-none-match'])).toEqual([undefined, undefined]);
  expect(await db.entries.toArray()).toMatchObject([{ id: 1, publishedAt: Date.UTC(2025, 0, 5, 0), sortAt: Date.UTC(2025, 0, 5, 0) }]);
});

it('keeps the validators when the time zone saved is the one the feed already has', async () => {
  const feedId = await feedAt(db, `${server.origin}/f.xml`, { timeZone: '+08:00', etag: '"v1"', bodyHash: 'h' });
  await updateFeed(db, feedId, { timeZone: '+08:00' }, NOW);
  expect(await db.feeds.get(feedId)).toMatchObject({ timeZone: '+08:00', etag: '"v1"', bodyHash: 'h' });
});
