import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReaderDB } from '../../../src/db/schema';
import { addFeedRow, entry, feed, freshDb } from './helpers';

// site-access.ts asks the browser for host permissions: the fake grants the manifest's at start.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

const effects = vi.hoisted(() => ({ updateBadge: vi.fn(async () => {}), openReaderTab: vi.fn(async () => {}), calls: [] as string[] }));
vi.mock('../../../src/background/badge', () => ({ updateBadge: effects.updateBadge }));
vi.mock('../../../src/background/reader-tab', () => ({ openReaderTab: effects.openReaderTab }));

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
    expect(effects.openReaderTab).toHaveBeenCalledWith(first);
  });

  it('mark-all-read replies with the count and updates the badge', async () => {
    await twoEntries();

    expect(await createHandlers(db)['mark-all-read']({})).toEqual({ count: 2 });
    expect(effects.updateBadge).toHaveBeenCalledWith(db);
  });

  it('rejects a malformed payload with a readable error and changes nothing', async () => {
    await twoEntries();
    const handlers = createHandlers(db);

    await expect(handlers['mark-read']({ entryIds: ['1' as unknown as number], read: true })).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('mark-read') });
    await expect(handlers.unsubscribe({ feedId: -1 })).rejects.toMatchObject({ code: 'internal' });
    await expect(handlers.subscribe({ url: 42 as unknown as string })).rejects.toMatchObject({ code: 'internal' });
    expect(await db.entries.where('[read+sortAt]').between([0, -Infinity], [0, Infinity]).count()).toBe(2);
    expect(await db.feeds.count()).toBe(1);
  });
});
