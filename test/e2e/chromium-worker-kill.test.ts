// The worker stopped 20 times (CDP ServiceWorker.stopAllWorkers, as Chromium stops idle workers or a crash
// would) at random moments of one Refresh of 50 slow feeds on 5 hosts. Afterwards every entry served is stored
// exactly once, read state is as the user left it, and the round finished with no second Refresh: the worker
// resumes it on its next start, and the last time nothing but its own alarm starts it.
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feed-server';
import type { EntryRow } from '../../src/db/model';
import type { RoundStatus } from '../../src/db/status';
import { seededRandom } from '../unit/feeds/seeded-random';
import { rssRoute, type Channel } from './support/fixtures';
import { command, eventually, readStore, startHarness, storedEntries, type Harness } from './support/harness';

const FEEDS = 50;
const KILLS = 20;
const random = seededRandom(20250106);
// An hour ago, fixed for the whole test: recent enough that retention keeps every story.
const BASE = Date.now() - 3_600_000;

let h: Harness;
let hosts: FeedServer[] = [];
beforeAll(async () => {
  h = await startHarness();
  hosts = await Promise.all([1, 2, 3, 4, 5].map((n) => startFeedServer({}, 0, undefined, `127.0.2.${n}`)));
});
afterAll(async () => {
  await h?.close();
  await Promise.all(hosts.map((host) => host.close()));
});

/** Feed `index`: its server, path, and channel with `count` items (ids `f<index>-<n>`). */
function channel(index: number, count: number): { server: FeedServer; path: string; channel: Channel } {
  const server = hosts[index % hosts.length]!;
  // Fixed dates: the same story is the same content in every generation of the document.
  const items = Array.from({ length: count }, (_, n) => {
    const story = count - n;
    return { guid: `f${index}-${story}`, title: `Feed ${index}, story ${story}`, link: `${server.origin}/posts/${index}/${story}`, published: new Date(BASE + story * 60_000 + index * 1000) };
  });
  return { server, path: `/feeds/${index}.xml`, channel: { title: `Feed ${index}`, link: `${server.origin}/`, items } };
}

async function stopWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
}

async function round(): Promise<RoundStatus | undefined> {
  return (await readStore<RoundStatus>(h.control, 'status')).find((row) => row.key === 'round');
}

describe('a round of 50 slow feeds, the worker stopped 20 times', () => {
  it('stores every entry exactly once, keeps read state, and finishes without a second Refresh', async () => {
    for (let index = 0; index < FEEDS; index++) {
      const { server, path, channel: feed } = channel(index, 2);
      server.routes.set(path, rssRoute(feed));
      const reply = await command(h.control, 'subscribe', { url: server.origin + path });
      expect(reply.ok, JSON.stringify(reply)).toBe(true);
    }
    // Reader state to keep: every feed's older story read, every fifth feed's newer one starred.
    const initial = await storedEntries(h.control);
    expect(initial).toHaveLength(2 * FEEDS);
    const read = initial.filter((entry) => entry.key.endsWith('-1')).map((entry) => entry.id);
    const starred = initial.filter((entry) => entry.key.endsWith('-2') && Number(entry.key.slice(1).split('-')[0]) % 5 === 0).map((entry) => entry.id);
    await command(h.control, 'mark-read', { entryIds: read, read: true });
    await command(h.control, 'set-starred', { entryIds: starred, starred: true });
    const before = await storedEntries(h.control);

    // Every feed gains three stories and answers slowly: 0.3 to 1.5 s.
    for (let index = 0; index < FEEDS; index++) {
      const { server, path, channel: feed } = channel(index, 5);
      server.routes.set(path, rssRoute(feed, { delayMs: 300 + Math.round(random() * 1200) }));
    }
    const cdp = await h.ext.context.newCDPSession(h.control);
    // Each stop really stops the worker: Chromium reports the version going to 'stopped'.
    let stops = 0;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.runningStatus === 'stopped' && version.scriptURL.startsWith(`chrome-extension://${h.ext.extensionId}/`))) stops += 1;
    });
    await cdp.send('ServiceWorker.enable');
    // The reply dies with the first stop; the round must not need it.
    void command(h.control, 'refresh', {}).catch(() => undefined);
    await eventually(async () => (await round())?.total).toBe(FEEDS);

    for (let kill = 1; kill <= KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 150 + Math.round(random() * 900)));
      await stopWorker(cdp);
      // Any event starts the worker again (here a page's command that changes nothing, not a Refresh); the
      // last time nothing does, and the worker's own alarm must.
      if (kill < KILLS) expect(await command(h.control, 'mark-read', { entryIds: [], read: true })).toEqual({ ok: true, value: { count: 0 } });
    }
    await eventually(() => stops).toBeGreaterThanOrEqual(KILLS);
    const stoppedAt = await round();
    expect(stoppedAt?.finishedAt, 'the round should still be running at the last stop').toBeUndefined();

    await expect.poll(async () => (await round())?.finishedAt, { timeout: 90_000, interval: 250 }).toBeDefined();
    await cdp.detach();

    const finished = (await round())!;
    expect(finished).toMatchObject({ total: FEEDS, done: FEEDS, failed: 0 });
    const after = await storedEntries(h.control);
    const expected = Array.from({ length: FEEDS }, (_, index) => [1, 2, 3, 4, 5].map((n) => `f${index}-${n}`)).flat();
    expect(after.map((entry) => entry.key).sort()).toEqual(expected.sort());
    expect(new Set(after.map((entry) => `${entry.feedId}/${entry.key}`)).size).toBe(5 * FEEDS);
    const byId = new Map(after.map((entry): [number, EntryRow] => [entry.id, entry]));
    for (const entry of before) expect(byId.get(entry.id), entry.key).toEqual(entry);
    expect(after.filter((entry) => entry.read === 1).map((entry) => entry.id).sort()).toEqual([...read].sort());
    expect(after.filter((entry) => entry.starred === 1).map((entry) => entry.id).sort()).toEqual([...starred].sort());
    const counts = await readStore<{ feedId: number; unread: number; starred: number; total: number }>(h.control, 'feedCounts');
    expect(counts.reduce((sum, row) => sum + row.total, 0)).toBe(5 * FEEDS);
    expect(counts.reduce((sum, row) => sum + row.unread, 0)).toBe(4 * FEEDS);
  }, 240_000);
});
