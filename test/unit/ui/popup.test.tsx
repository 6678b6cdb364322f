// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/schema';
import { PopupApp } from '../../../src/pages/popup/popup-app';
import { fakeBrowser } from './fake-browser';
import { entry, feed, resetDb, seedEntries } from './seed';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

let root: HTMLElement;
const now = Date.now();

// happy-dom lays nothing out: the list's scroll area reports the popup's size (the virtualizer reads its
// offset size), so it shows rows.
vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(440);
vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(360);

beforeEach(async () => {
  await resetDb();
  fakeBrowser.runtime.sendMessage.mockReset();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

const items = () => [...root.querySelectorAll('ul[aria-label="Unread entries"] li')];

/** Open the popup, search for `query` (Enter in the field), wait for its one result and click it; commands succeed. */
async function openOnlyResult(query: string): Promise<void> {
  fakeBrowser.runtime.sendMessage.mockResolvedValue({ ok: true, value: null });
  vi.spyOn(window, 'close').mockImplementation(() => undefined);
  render(<PopupApp />, root);
  const field = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  await act(async () => {
    field.value = query;
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
  const results = () => [...root.querySelectorAll('ul[aria-label="Search results"] li')];
  await vi.waitFor(() => expect(results()).toHaveLength(1));
  await act(async () => results()[0]!.querySelector('button')!.click());
}

describe('popup', () => {
  it('lists unread entries newest first with feed name and relative time, and the count alone', async () => {
    await db.feeds.bulkAdd([feed(1, 'Alpha'), feed(2, 'Beta')]);
    await seedEntries([
      entry(1, 1, 'Older', now - 3 * 3600_000),
      entry(2, 2, 'Newer', now - 60_000),
      entry(3, 1, 'Already read', now, { read: 1 }),
    ]);
    render(<PopupApp />, root);
    await vi.waitFor(() => expect(items()).toHaveLength(2));
    expect(items().map((item) => item.querySelector('.title')?.textContent)).toEqual(['Newer', 'Older']);
    expect(items()[0]!.textContent).toContain('Beta');
    expect(items()[1]!.textContent).toContain('3 hours ago');
    await vi.waitFor(() => expect(root.querySelector('[data-testid="unread-count"]')?.textContent).toBe('2'));
  });

  it('shows a title that looks like HTML as text, never as markup', async () => {
    await db.feeds.add(feed(1, 'Alpha'));
    await seedEntries([entry(1, 1, '<img src=x onerror="alert(1)"><b>bold</b>', now)]);
    render(<PopupApp />, root);
    await vi.waitFor(() => expect(items()).toHaveLength(1));
    expect(root.querySelector('img, b')).toBeNull();
    expect(items()[0]!.textContent).toContain('<b>bold</b>');
  });

  it('opens an entry through the worker, then closes the popup', async () => {
    await db.feeds.add(feed(1, 'Alpha'));
    await seedEntries([entry(7, 1, 'Open me', now)]);
    fakeBrowser.runtime.sendMessage.mockResolvedValue({ ok: true, value: null });
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<PopupApp />, root);
    await vi.waitFor(() => expect(items()).toHaveLength(1));
    await act(async () => items()[0]!.querySelector('button')!.click());
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'open-entry', payload: { entryId: 7, view: { kind: 'unread' } } });
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('opens a search result with the search as its list, so the reader walks the results', async () => {
    await db.feeds.add(feed(1, 'Alpha'));
    await seedEntries([entry(7, 1, 'Harbour news', now), entry(8, 1, 'Other', now - 1000)]);
    await openOnlyResult('harbour');
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'open-entry', payload: { entryId: 7, view: { kind: 'search', query: 'harbour' } } });
  });

  it('opens a result of a search the reader cannot walk (a tab pasted in) on its own, never refused', async () => {
    await db.feeds.add(feed(1, 'Alpha'));
    await seedEntries([entry(7, 1, 'Harbour news', now)]);
    await openOnlyResult('harbour\tnews');
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'open-entry', payload: { entryId: 7 } });
  });

  it('moves focus with j/k and the arrow keys', async () => {
    await db.feeds.add(feed(1, 'Alpha'));
    await seedEntries([entry(1, 1, 'A', now), entry(2, 1, 'B', now - 1000), entry(3, 1, 'C', now - 2000)]);
    render(<PopupApp />, root);
    await vi.waitFor(() => expect(items()).toHaveLength(3));
    const press = (key: string) => act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    await press('Home');
    expect(document.activeElement?.textContent).toContain('A');
    await press('j');
    await press('ArrowDown');
    expect(document.activeElement?.textContent).toContain('C');
    await press('k');
    expect(document.activeElement?.textContent).toContain('B');
  });

  it('shows the empty state with a hint to add feeds when there are none', async () => {
    render(<PopupApp />, root);
    await vi.waitFor(() => expect(root.textContent).toContain('No unread entries'));
    expect(root.textContent).toContain('Add feeds on the options page');
    expect(root.querySelector('[data-testid="unread-count"]')?.textContent).toBe('0');
  });

  it('disables Refresh while refreshing and reports failures', async () => {
    await db.feeds.add(feed(1, 'Alpha'));
    let finish: (value: unknown) => void = () => undefined;
    fakeBrowser.runtime.sendMessage.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    render(<PopupApp />, root);
    const refresh = () => [...root.querySelectorAll('button')].find((button) => button.textContent === 'Refresh')!;
    await vi.waitFor(() => expect(refresh()).toBeDefined());
    await act(async () => refresh().click());
    expect(refresh().disabled).toBe(true);
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'refresh', payload: {} });
    await act(async () => finish({ ok: true, value: { feeds: 3, added: 1, failed: 2 } }));
    await vi.waitFor(() => expect(refresh().disabled).toBe(false));
    expect(root.querySelector('[role="status"]')?.textContent).toBe('2 feeds could not be updated. The options page says why.');
  });
});
