import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderDB } from '../../../src/db/schema';
import { addFeedRow, entry, feed, freshDb } from './helpers';

// site-access.ts asks the browser for host permissions: the fake grants the manifest's at start.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

const effects = vi.hoisted(() => ({ updateBadge: vi.fn(async () => {}), openReaderTab: vi.fn(async () => {}), imagesAfterStarring: vi.fn(), imagesAfterSettings: vi.fn(async () => {}), calls: [] as string[] }));
vi.mock('../../../src/background/badge', () => ({ updateBadge: effects.updateBadge }));
vi.mock('../../../src/background/reader-tab', () => ({ openReaderTab: effects.openReaderTab }));
// Offline pictures and Referer rules have their own tests (test/unit/images, offline-images.test.ts).
vi.mock('../../../src/background/image-hooks', () => ({ imagesAfterStarring: effects.imagesAfterStarring, imagesAfterSettings: effects.imagesAfterSettings, imagesAfterArticle: vi.fn() }));

const { createHandlers } = await import('../../../src/background/handlers');
const { ingestFeed } = await import('../../../src/background/ingest');

let db: ReaderDB;
beforeEach(() => {
  vi.clearAllMocks();
  effects.calls.length = 0;
  effects.updateBadge.mockImplementation(async () => void effects.calls.push('badge'));
  effects.openReaderTab.mockImplementation(async () => void effects.calls.push('open'));
});
afterEach(() => db?.close());

/** A feed with two unread entries; returns their ids. */
async function twoEntries(): Promise<number[]> {
  db = freshDb();
  const feedId = await addFeedRow(db);
  await ingestFeed(db, feedId, feed([entry('a'), entry('b')]), {}, 1);
  return (await db.entries.orderBy('id').toArray()).map((row) => row.id);
}

describe('command handlers', () => {
  it('open-entry marks the entry read and updates the badge before opening the reader', async () => {
    const [first] = await twoEntries();

    await createHandlers(db)['open-entry']({ entryId: first! });

    expect((await db.entries.get(first!))?.read).toBe(1);
    expect(effects.calls).toEqual(['badge', 'open']);
    expect(effects.openReaderTab).toHaveBeenCalledWith(first, undefined);
  });

  it('open-entry passes the list it was opened from to the reader tab', async () => {
    const [first] = await twoEntries();

    await createHandlers(db)['open-entry']({ entryId: first!, view: { kind: 'starred' } });

    expect(effects.openReaderTab).toHaveBeenCalledWith(first, { kind: 'starred' });
  });

  it('open-entry passes a search it was opened from, and refuses a malformed one', async () => {
    const [first] = await twoEntries();

    await createHandlers(db)['open-entry']({ entryId: first!, view: { kind: 'search', query: '互联 harbour' } });
    expect(effects.openReaderTab).toHaveBeenCalledWith(first, { kind: 'search', query: '互联 harbour' });

    for (const view of [{ kind: 'search', query: '' }, { kind: 'search', query: 7 }, { kind: 'search' }]) {
      await expect(createHandlers(db)['open-entry']({ entryId: first!, view: view as never })).rejects.toMatchObject({ code: 'bad-request', params: { command: 'open-entry', field: 'view' } });
    }
  });

  it('mark-view-read replies with the count and updates the badge', async () => {
    const [, second] = await twoEntries();

    expect(await createHandlers(db)['mark-view-read']({ view: { kind: 'unread' }, maxId: second! })).toEqual({ count: 2 });
    expect(effects.updateBadge).toHaveBeenCalledWith(db);
  });

  it('set-starred replies with how many changed', async () => {
    const [first, second] = await twoEntries();
    const handlers = createHandlers(db);

    expect(await handlers['set-starred']({ entryIds: [first!, second!], starred: true })).toEqual({ count: 2 });
    expect(await handlers['set-starred']({ entryIds: [first!], starred: true })).toEqual({ count: 0 });
    expect(await db.feedCounts.toArray()).toEqual([{ feedId: 1, unread: 2, starred: 2, total: 2 }]);
    expect(effects.imagesAfterStarring).toHaveBeenCalledWith(db);
  });

  it('update-settings stores a valid patch and refuses an invalid one whole', async () => {
    db = freshDb();
    const handlers = createHandlers(db);

    await handlers['update-settings']({ patch: { pollIntervalMinutes: 60 } });
    await expect(handlers['update-settings']({ patch: { pollIntervalMinutes: 120, nonsense: 1 } as never })).rejects.toMatchObject({ code: 'invalid-setting', params: { key: 'nonsense' } });
    await expect(handlers['update-settings']({ patch: { pollIntervalMinutes: 2 } })).rejects.toMatchObject({ code: 'invalid-setting', params: { key: 'pollIntervalMinutes' } });
    expect(await db.settings.toArray()).toEqual([{ key: 'pollIntervalMinutes', value: 60 }]);
    expect(effects.imagesAfterSettings.mock.calls).toEqual([[db, { pollIntervalMinutes: 60 }]]);
  });

  it('rejects a malformed payload with a readable error and changes nothing', async () => {
    await twoEntries();
    const handlers = createHandlers(db);

    await expect(handlers['mark-read']({ entryIds: ['1' as unknown as number], read: true })).rejects.toMatchObject({ code: 'bad-request', params: { command: 'mark-read', field: 'entryIds' } });
    await expect(handlers.unsubscribe({ feedId: -1 })).rejects.toMatchObject({ code: 'bad-request', params: { command: 'unsubscribe', field: 'feedId' } });
    await expect(handlers.subscribe({ url: 42 as unknown as string })).rejects.toMatchObject({ code: 'bad-request', params: { command: 'subscribe', field: 'url' } });
    await expect(handlers['mark-view-read']({ view: { kind: 'feed', feedId: 0.5, unreadOnly: true }, maxId: 9 })).rejects.toMatchObject({ code: 'bad-request', params: { field: 'view' } });
    expect(await db.entries.where('[read+sortAt]').between([0, -Infinity], [0, Infinity]).count()).toBe(2);
    expect(await db.feeds.count()).toBe(1);
  });
});
