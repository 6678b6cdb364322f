// @vitest-environment happy-dom
// The storage section's full-disk notice: shown from the worker's storage row with how many entries went, live,
// and dismissed through the worker with the time of the notice shown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/schema';
import { StorageNotice } from '../../../src/pages/options/storage-notice';
import { click, closePage, freshPage, replies, sent, show, until } from './page-harness';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

beforeEach(freshPage);
afterEach(closePage);

const FULL_AT = Date.UTC(2025, 0, 6, 10, 0, 0);
const notice = (root: HTMLElement) => root.querySelector('.storage-notice[role="alert"] p')?.textContent;

describe('the full-disk notice', () => {
  it('says how many old entries went, and sends the dismissal for the notice it showed', async () => {
    replies['dismiss-storage-notice'] = () => ({ ok: true, value: null });
    await db.status.put({ key: 'storage', fullAt: FULL_AT, prunedEntries: 1234, retentionAt: FULL_AT });
    const root = await show(<StorageNotice />);
    await until(() => expect(notice(root)).toBe('Storage was full: 1,234 old entries were removed to make room (starred and recent unread entries are kept).'));

    await click('Dismiss');
    expect(sent()).toEqual([{ type: 'dismiss-storage-notice', payload: { fullAt: FULL_AT } }]);
    // The worker clears the row; the page follows it.
    await db.status.put({ key: 'storage', retentionAt: FULL_AT });
    await until(() => expect(root.querySelector('.storage-notice')).toBeNull());
  });

  it('says so when nothing could be removed', async () => {
    await db.status.put({ key: 'storage', fullAt: FULL_AT, prunedEntries: 0 });
    const root = await show(<StorageNotice />);
    await until(() => expect(notice(root)).toBe('Storage was full and no old entries could be removed: new entries are stored again once there is room (starred and recent unread entries are kept).'));
  });

  it('shows nothing while the disk was never full', async () => {
    await db.status.put({ key: 'storage', persisted: true, retentionAt: FULL_AT });
    const root = await show(<StorageNotice />);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(root.querySelector('.storage-notice')).toBeNull();
    expect(root.textContent).toBe('');
  });
});
