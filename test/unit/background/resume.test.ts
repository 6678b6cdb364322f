// A feed removed with its starred entries kept comes back the same way whichever path the user takes: the
// subscribe command with its address (the subscribe form, the popup) or update-feed's resume (the options page's
// "Subscribe again"). Both clear the removal and poll the feed at once, through the worker's real handlers and
// scheduler, against a real feed server.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../src/background/handlers';
import { dispatch } from '../../../src/background/router';
import { schedulerFor } from '../../../src/background/worker-scheduler';
import type { ReaderDB } from '../../../src/db/schema';
import type { CommandName, Commands } from '../../../src/shared/messages';
import { resetPermissions } from '../ui/fake-browser';
import { freshDb, rss, startServer, type TestServer } from './helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
vi.mock('../../../src/background/image-hooks', () => ({ imagesAfterPolls: () => undefined, imagesAfterSettings: async () => undefined, imagesAfterStarring: () => undefined }));

let db: ReaderDB;
let server: TestServer;
beforeEach(async () => {
  resetPermissions();
  db = freshDb();
  server = await startServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss('Harbour News', ['1', '2', '3'])));
});
afterEach(async () => {
  // The round the resume started ends (its after-round steps too) before the database closes.
  await schedulerFor(db).idle();
  db.close();
  await server.close();
});

function send<K extends CommandName>(type: K, payload: Commands[K]['req']) {
  return dispatch(createHandlers(db), { type, payload });
}

/** Subscribe, star entry 2, remove the feed keeping it: the feed is left holding that one entry. */
async function removedFeed(): Promise<number> {
  const subscribed = await send('subscribe', { url: server.url('/news.xml') });
  if (!subscribed.ok) throw new Error(JSON.stringify(subscribed.error));
  const starred = (await db.entries.toArray()).find((row) => row.key === '2')!;
  await send('set-starred', { entryIds: [starred.id], starred: true });
  expect(await send('remove-feed', { feedId: subscribed.value.feedId, keepStarred: true })).toEqual({ ok: true, value: { kept: 1 } });
  expect((await db.entries.toArray()).map((row) => row.key)).toEqual(['2']);
  return subscribed.value.feedId;
}

/** Wait until the feed has been polled again: its other entries are back, the starred one still starred. */
async function polledAgain(feedId: number, requestsBefore: number): Promise<void> {
  await vi.waitFor(async () => expect((await db.entries.toArray()).map((row) => [row.key, row.starred]).sort()).toEqual([['1', 0], ['2', 1], ['3', 0]]), { timeout: 3000 });
  expect(server.requests.length).toBe(requestsBefore + 1);
  const row = await db.feeds.get(feedId);
  expect(row).toMatchObject({ paused: 0, errorCount: 0 });
  expect(row).not.toHaveProperty('pauseReason');
  expect(await db.feedCounts.get(feedId)).toEqual({ feedId, unread: 3, starred: 1, total: 3 });
}

describe('bringing back a removed feed', () => {
  it('by subscribing to its address: the same feed, resumed and polled at once', async () => {
    const feedId = await removedFeed();
    const requests = server.requests.length;

    expect(await send('subscribe', { url: server.url('/news.xml') })).toEqual({ ok: true, value: { feedId, title: 'Harbour News', resumed: true } });

    await polledAgain(feedId, requests);
    expect(await db.feeds.count()).toBe(1);
  });

  it('by "Subscribe again" (update-feed, paused: false): the same outcome', async () => {
    const feedId = await removedFeed();
    const requests = server.requests.length;

    expect(await send('update-feed', { feedId, patch: { paused: false } })).toEqual({ ok: true, value: null });

    await polledAgain(feedId, requests);
  });
});
