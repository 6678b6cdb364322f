// update-feed's interval and the next poll: a shorter interval makes a healthy feed due from its last poll, while
// the same interval saved again, or any change on a failing feed, leaves the backoff and a Retry-After alone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateFeed } from '../../../src/background/feed-settings';
import type { ReaderDB } from '../../../src/db/schema';
import { addFeedRow, freshDb } from './helpers';
import { HOUR, MIN, NOW } from './worker-helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

let db: ReaderDB;
beforeEach(() => {
  db = freshDb();
});
afterEach(() => db.close());

/** A 30-minute feed that got 429 with Retry-After: 3600 forty minutes ago: it waits until NOW + 20 min. */
const rateLimited = { intervalMinutes: 30, lastFetchedAt: NOW - 40 * MIN, errorCount: 1, retryAfterUntil: NOW + 20 * MIN, nextPollAt: NOW + 20 * MIN };

describe('update-feed and the next poll', () => {
  it('leaves nextPollAt alone when Save sends the interval the feed already has (a rename)', async () => {
    const id = await addFeedRow(db, rateLimited);
    await updateFeed(db, id, { customTitle: 'Renamed', intervalMinutes: 30, timeZone: null, keepDays: null, keepCount: null, notify: false }, NOW);
    expect(await db.feeds.get(id)).toMatchObject({ customTitle: 'Renamed', intervalMinutes: 30, nextPollAt: NOW + 20 * MIN, retryAfterUntil: NOW + 20 * MIN });
  });

  it('never pulls a rate-limited feed before its Retry-After, even for a shorter interval', async () => {
    const id = await addFeedRow(db, rateLimited);
    await updateFeed(db, id, { intervalMinutes: 10 }, NOW);
    expect(await db.feeds.get(id)).toMatchObject({ intervalMinutes: 10, nextPollAt: NOW + 20 * MIN });
  });

  it('keeps a failing feed\'s 24-hour backoff when its interval changes', async () => {
    const id = await addFeedRow(db, { intervalMinutes: 30, lastFetchedAt: NOW - 2 * HOUR, errorCount: 6, nextPollAt: NOW + 22 * HOUR });
    await updateFeed(db, id, { intervalMinutes: 15 }, NOW);
    expect(await db.feeds.get(id)).toMatchObject({ intervalMinutes: 15, nextPollAt: NOW + 22 * HOUR });
  });

  it('makes a healthy feed due from its last poll when the interval gets shorter', async () => {
    const id = await addFeedRow(db, { intervalMinutes: 60, lastFetchedAt: NOW - 40 * MIN, errorCount: 0, nextPollAt: NOW + 20 * MIN });
    await updateFeed(db, id, { intervalMinutes: 10 }, NOW);
    expect(await db.feeds.get(id)).toMatchObject({ intervalMinutes: 10, nextPollAt: NOW - 30 * MIN });
  });
});
