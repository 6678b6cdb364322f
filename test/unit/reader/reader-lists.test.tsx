// @vitest-environment jsdom
// Previous/next within the list the reader came from, against a real Dexie (fake-indexeddb) and a stand-in
// worker that marks entries read as the real one does: in Unread (and a feed's unread-only view) an entry read
// on the way stays reachable with k, also after a reload of the tab; a search's results are walked in their
// own order, skipping entries that do not match.
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/schema';
import { ReaderApp } from '../../../src/pages/reader/reader-app';
import { fakeBrowser } from '../ui/fake-browser';
import { entry, feed, resetDb, seedEntries } from '../ui/seed';
import { dropRoot, newRoot } from './reader-root';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
options.requestAnimationFrame = (flush) => void setTimeout(flush, 0);

type Message = { type: string; payload: Record<string, unknown> };
let root: HTMLElement;

/** The stand-in worker: mark-read writes what the real one writes, so the unread list loses the entry. */
async function worker({ type, payload }: Message): Promise<unknown> {
  const ids = payload['entryIds'] as number[] | undefined;
  if (type === 'mark-read') await db.entries.bulkUpdate(ids!.map((key) => ({ key, changes: { read: payload['read'] ? 1 : 0 } })));
  return { ok: true, value: null };
}

const press = (key: string) => act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
const title = () => root.querySelector('h1')?.textContent;
const status = () => root.querySelector('[role="status"]')?.textContent;

/** The reader tab loaded at `hash` (a fresh page: the component mounted anew, sessionStorage kept). */
async function load(hash: string, expected: string) {
  location.hash = hash;
  await act(() => render(<ReaderApp />, root));
  await vi.waitFor(() => expect(title()).toBe(expected));
}

/** The reader stepping with `key`, then showing the entry of the new hash. */
async function step(key: 'j' | 'k', hash: string, expected: string) {
  await press(key);
  await vi.waitFor(() => expect(location.hash).toBe(hash));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await vi.waitFor(() => expect(title()).toBe(expected));
}

/** Wait until `id` is marked read (the reader's opening of it has gone through). */
const readNow = (id: number) => vi.waitFor(async () => expect((await db.entries.get(id))?.read).toBe(1));

beforeEach(async () => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  await resetDb();
  sessionStorage.clear();
  fakeBrowser.runtime.sendMessage.mockReset();
  fakeBrowser.runtime.sendMessage.mockImplementation(worker);
  await db.feeds.bulkAdd([feed(1, 'Harbour news'), feed(2, 'Other')]);
  await seedEntries([
    entry(1, 1, 'A harbour opens', 5000, { contentHtml: '<p>A</p>' }),
    entry(2, 2, 'B elsewhere', 4000, { contentHtml: '<p>B</p>' }),
    entry(3, 1, 'C harbour closes', 3000, { contentHtml: '<p>C</p>' }),
    entry(4, 2, 'D elsewhere', 2000, { contentHtml: '<p>D</p>' }),
    entry(5, 1, 'E harbour again', 1000, { contentHtml: '<p>E</p>' }),
  ]);
  root = newRoot();
});

afterEach(() => dropRoot(root));

describe('previous and next in the unread list', () => {
  it('k goes back to the entry just read: open A, j to B, k to A', async () => {
    await load('#entry=1&view=unread', 'A harbour opens');
    await readNow(1);
    await step('j', '#entry=2&view=unread', 'B elsewhere');
    await readNow(2);
    await step('k', '#entry=1&view=unread', 'A harbour opens');
    // And forward again through B, which is read now, to C.
    await step('j', '#entry=2&view=unread', 'B elsewhere');
    await step('j', '#entry=3&view=unread', 'C harbour closes');
  });

  it('the pager links the entry just read as previous', async () => {
    await load('#entry=1&view=unread', 'A harbour opens');
    await readNow(1);
    await step('j', '#entry=2&view=unread', 'B elsewhere');
    await vi.waitFor(() => expect(root.querySelector('.pager-previous')?.getAttribute('href')).toBe('#entry=1&view=unread'));
    expect(root.querySelector('.pager-previous .pager-title')?.textContent).toBe('A harbour opens');
    expect(root.querySelector('.pager-next')?.getAttribute('href')).toBe('#entry=3&view=unread');
  });

  it('still goes back after a reload of the reader tab', async () => {
    await load('#entry=1&view=unread', 'A harbour opens');
    await readNow(1);
    await step('j', '#entry=2&view=unread', 'B elsewhere');
    await readNow(2);
    await act(() => render(null, root));
    await load('#entry=2&view=unread', 'B elsewhere');
    await step('k', '#entry=1&view=unread', 'A harbour opens');
  });

  it('an entry opened anew from the popup starts a new trail: entries read before are not previous', async () => {
    await load('#entry=1&view=unread', 'A harbour opens');
    await readNow(1);
    // The worker opens C in the same tab (only the hash changes), as after a click in the popup.
    location.hash = '#entry=3&view=unread';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(title()).toBe('C harbour closes'));
    await readNow(3);
    await step('k', '#entry=2&view=unread', 'B elsewhere');
    await readNow(2);
    await press('k');
    await vi.waitFor(() => expect(status()).toBe('No more entries in this list in that direction.'));
    expect(location.hash).toBe('#entry=2&view=unread');
  });

  it("a feed's unread-only view keeps the way back too, and stays within the feed", async () => {
    await load('#entry=1&view=feed:1:u', 'A harbour opens');
    await readNow(1);
    await step('j', '#entry=3&view=feed:1:u', 'C harbour closes');
    await readNow(3);
    await step('k', '#entry=1&view=feed:1:u', 'A harbour opens');
    await step('j', '#entry=3&view=feed:1:u', 'C harbour closes');
    await step('j', '#entry=5&view=feed:1:u', 'E harbour again');
  });
});

describe('previous and next in search results', () => {
  it('walks the results of the search, not the unread list', async () => {
    await load('#entry=1&view=search:harbour', 'A harbour opens');
    await readNow(1);
    await step('j', '#entry=3&view=search:harbour', 'C harbour closes');
    await step('j', '#entry=5&view=search:harbour', 'E harbour again');
    await press('j');
    await vi.waitFor(() => expect(status()).toBe('No more entries in this list in that direction.'));
    await step('k', '#entry=3&view=search:harbour', 'C harbour closes');
    await vi.waitFor(() => expect(root.querySelector('.pager-previous')?.getAttribute('href')).toBe('#entry=1&view=search:harbour'));
  });

  it('keeps a query with spaces and "&" whole in the address', async () => {
    await db.entries.update(3, { title: 'C harbour & sea' });
    await db.entries.update(5, { title: 'E harbour & sea' });
    await load('#entry=3&view=search:harbour%20%26%20sea', 'C harbour & sea');
    await step('j', '#entry=5&view=search:harbour%20%26%20sea', 'E harbour & sea');
  });
});
