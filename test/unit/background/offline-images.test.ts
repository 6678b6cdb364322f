// Pictures kept offline: which ones, fetched from where, the budget of the last N days, and freeing them again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addEntries, setStarred } from '../../../src/db/entry-writes';
import type { ReaderDB } from '../../../src/db/schema';
import { writeSettings, type Settings } from '../../../src/db/settings';
import { keepOfflineImages, scheduleOfflineImages, type OfflineDeps } from '../../../src/background/offline-images';
import { addFeedRow, freshDb } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 1);

let db: ReaderDB;
let feedId: number;
/** Bytes per URL the fake network serves; a URL not listed fails (404). */
let network: Map<string, number>;
let requested: string[];

const deps: OfflineDeps = {
  now: () => NOW,
  fetch: async (url, init) => {
    requested.push(url);
    expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    const size = network.get(url);
    return size === undefined ? new Response('gone', { status: 404 }) : new Response(new Blob([new Uint8Array(size)], { type: 'image/png' }));
  },
};

beforeEach(async () => {
  db = freshDb();
  feedId = await addFeedRow(db);
  network = new Map();
  requested = [];
});
afterEach(() => db.close());

/** Store an entry of `daysOld` days whose body shows `images`; returns its id. */
async function addEntry(key: string, daysOld: number, html: string, extra: { imageMap?: Record<string, string | null>; coverUrl?: string } = {}): Promise<number> {
  const sortAt = NOW - daysOld * DAY;
  const row = { feedId, key, title: key, url: `https://blog.example/${key}`, sortAt, fetchedAt: sortAt, read: 0 as const, starred: 0 as const, hash: key, ...(extra.coverUrl ? { coverUrl: extra.coverUrl } : {}) };
  const [id] = await addEntries(db, [row], [{ contentHtml: html, categories: [], enclosures: [], ...(extra.imageMap ? { imageMap: extra.imageMap } : {}) }]);
  return id!;
}

async function stored(): Promise<{ url: string; source: string; size: number; entryIds: number[] }[]> {
  return (await db.images.toArray()).map(({ url, source, size, entryIds }) => ({ url, source, size, entryIds }));
}

async function settings(patch: Partial<Settings>): Promise<void> {
  await writeSettings(db, patch);
}

describe('keepOfflineImages', () => {
  it("keeps a starred entry's pictures from their first working candidate, keyed by the original", async () => {
    const id = await addEntry('a', 40, '<img src="https://img.example/a.png"><img data-src="rel/b.png" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"><img src="data:image/png;base64,AAAA">', {
      imageMap: { 'https://img.example/a.png': 'https://cdn.jsdelivr.net/gh/m/c@1/a.webp' },
      coverUrl: 'https://cors.example/?http://img.example/cover.jpg',
    });
    await setStarred(db, [id], true);
    network.set('https://fastly.jsdelivr.net/gh/m/c@1/a.webp', 10).set('https://blog.example/rel/b.png', 20).set('http://img.example/cover.jpg', 30);

    expect(await keepOfflineImages(db, deps)).toEqual({ stored: 3, removed: 0, failed: 0 });
    expect(await stored()).toEqual([
      { url: 'http://blog.example/rel/b.png', source: 'https://blog.example/rel/b.png', size: 20, entryIds: [id] },
      { url: 'http://img.example/a.png', source: 'https://fastly.jsdelivr.net/gh/m/c@1/a.webp', size: 10, entryIds: [id] },
      { url: 'http://img.example/cover.jpg', source: 'http://img.example/cover.jpg', size: 30, entryIds: [id] },
    ]);
    // The CDN's main host was tried first and had lost the copy; the proxy was tried before the original.
    expect(requested).toEqual(expect.arrayContaining(['https://cdn.jsdelivr.net/gh/m/c@1/a.webp', 'https://cors.example/?http://img.example/cover.jpg']));
  });

  it('keeps nothing for entries that are neither starred nor recent, and frees pictures when unstarred', async () => {
    const id = await addEntry('a', 3, '<img src="https://img.example/a.png">');
    network.set('https://img.example/a.png', 10);
    expect(await keepOfflineImages(db, deps)).toEqual({ stored: 0, removed: 0, failed: 0 });
    await setStarred(db, [id], true);
    await keepOfflineImages(db, deps);
    expect((await stored()).map((row) => row.url)).toEqual(['http://img.example/a.png']);
    await setStarred(db, [id], false);
    expect(await keepOfflineImages(db, deps)).toEqual({ stored: 0, removed: 1, failed: 0 });
    expect(await stored()).toEqual([]);
  });

  it('keeps a picture two entries share once, until neither keeps it', async () => {
    const first = await addEntry('a', 1, '<img src="https://img.example/shared.png">');
    const second = await addEntry('b', 2, '<img src="https://img.example/shared.png">');
    await setStarred(db, [first, second], true);
    network.set('https://img.example/shared.png', 10);
    await keepOfflineImages(db, deps);
    expect(await stored()).toEqual([{ url: 'http://img.example/shared.png', source: 'https://img.example/shared.png', size: 10, entryIds: [first, second] }]);
    expect(requested).toEqual(['https://img.example/shared.png']);
    await setStarred(db, [first], false);
    await keepOfflineImages(db, deps);
    expect((await stored()).map((row) => row.entryIds)).toEqual([[second]]);
  });

  it('keeps the last N days newest first within the budget, starred entries outside it', async () => {
    await settings({ offlineRecentDays: 7, offlineBudgetMb: 10 });
    const MB = 1024 * 1024;
    const newest = await addEntry('new', 1, '<img src="https://img.example/n.png">');
    const middle = await addEntry('mid', 2, '<img src="https://img.example/m.png">');
    await addEntry('old', 3, '<img src="https://img.example/o.png">');
    const starred = await addEntry('star', 30, '<img src="https://img.example/s.png">');
    await addEntry('stale', 8, '<img src="https://img.example/x.png">');
    await setStarred(db, [starred], true);
    network.set('https://img.example/n.png', 4 * MB).set('https://img.example/m.png', 5 * MB).set('https://img.example/o.png', 2 * MB).set('https://img.example/s.png', 20 * MB).set('https://img.example/x.png', 1);

    await keepOfflineImages(db, deps);
    // 4 + 5 MB fit in 10; the oldest (2 MB more) does not, and the 8-day-old entry is outside the 7 days.
    expect((await stored()).map((row) => [row.url, row.entryIds])).toEqual([
      ['http://img.example/m.png', [middle]],
      ['http://img.example/n.png', [newest]],
      ['http://img.example/s.png', [starred]],
    ]);
    expect(requested).not.toContain('https://img.example/x.png');
    // Turned off: only the starred entry's picture stays.
    await settings({ offlineRecentDays: 0 });
    await keepOfflineImages(db, deps);
    expect((await stored()).map((row) => row.url)).toEqual(['http://img.example/s.png']);
  });

  it('"only CDN copies" and "on click": the worker fetches CDN copies only', async () => {
    await settings({ imageLoading: 'cdn-only' });
    const id = await addEntry('a', 1, '<img src="https://img.example/a.png"><img src="https://img.example/b.png">', { imageMap: { 'https://img.example/a.png': 'https://copy.example/a.webp' } });
    await setStarred(db, [id], true);
    network.set('https://copy.example/a.webp', 5).set('https://img.example/a.png', 5).set('https://img.example/b.png', 5);
    await keepOfflineImages(db, deps);
    expect(requested).toEqual(['https://copy.example/a.webp']);
    expect((await stored()).map((row) => row.source)).toEqual(['https://copy.example/a.webp']);
  });

  it('counts what no address served and tries it again on the next run; refuses what is not an image', async () => {
    const id = await addEntry('a', 1, '<img src="https://img.example/a.png"><img src="https://img.example/page.html">');
    await setStarred(db, [id], true);
    const html = deps.fetch;
    const notImage: OfflineDeps = { ...deps, fetch: async (url, init) => (url.endsWith('.html') ? new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } }) : html(url, init)) };
    expect(await keepOfflineImages(db, notImage)).toEqual({ stored: 0, removed: 0, failed: 2 });
    network.set('https://img.example/a.png', 7);
    expect(await keepOfflineImages(db, notImage)).toEqual({ stored: 1, removed: 0, failed: 1 });
  });

  it('runs one after another when scheduled together, the waiting run seeing every change', async () => {
    const first = await addEntry('a', 1, '<img src="https://img.example/a.png">');
    const second = await addEntry('b', 2, '<img src="https://img.example/b.png">');
    await setStarred(db, [first], true);
    network.set('https://img.example/a.png', 3).set('https://img.example/b.png', 4);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    const slow: OfflineDeps = {
      ...deps,
      fetch: async (url, init) => {
        events.push(`fetch ${url}`);
        if (url.endsWith('a.png')) await gate;
        return deps.fetch(url, init);
      },
    };
    const running = scheduleOfflineImages(db, slow);
    await vi.waitFor(() => expect(events).toEqual(['fetch https://img.example/a.png']));
    await setStarred(db, [second], true);
    const waiting = scheduleOfflineImages(db, slow);
    expect(scheduleOfflineImages(db, slow)).toBe(waiting);
    release();
    expect(await running).toEqual({ stored: 1, removed: 0, failed: 0 });
    expect(await waiting).toEqual({ stored: 1, removed: 0, failed: 0 });
    expect(events).toEqual(['fetch https://img.example/a.png', 'fetch https://img.example/b.png']);
    expect((await stored()).map((row) => row.entryIds)).toEqual([[first], [second]]);
  });
});
