import { setRead } from '../../../src/db/entry-writes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReaderDB } from '../../../src/db/schema';
import { addFeedRow, entry, feed, freshDb } from './helpers';

const action = vi.hoisted(() => ({ setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) }));
vi.mock('webextension-polyfill', () => ({ default: { action } }));

const { badgeText, updateBadge } = await import('../../../src/background/badge');
const { ingestFeed } = await import('../../../src/background/ingest');

let db: ReaderDB;
afterEach(() => db?.close());

describe('badgeText', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [999, '999'],
    [1000, '999+'],
  ])('%i unread → %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('updateBadge', () => {
  it('shows the number of unread entries', async () => {
    db = freshDb();
    const feedId = await addFeedRow(db);
    await ingestFeed(db, feedId, feed([entry('a'), entry('b'), entry('c')]), {}, 1);
    const [first] = await db.entries.toArray();
    await setRead(db, [first!.id], true);

    await updateBadge(db);

    expect(action.setBadgeText).toHaveBeenLastCalledWith({ text: '2' });
    expect(action.setBadgeBackgroundColor).toHaveBeenCalled();
  });

  it('never fails the caller when the badge cannot be set', async () => {
    db = freshDb();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    action.setBadgeText.mockRejectedValueOnce(new Error('no action'));

    await expect(updateBadge(db)).resolves.toBeUndefined();
  });
});
