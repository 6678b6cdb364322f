// The popup in real Chromium: views with their counts, search in Chinese and in English over article text,
// Mark all read leaving alone an entry that arrives while the click is on its way, the keyboard over the
// virtualized list, and failing feeds named with their error.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postsOn, rssRoute, type Item } from './support/fixtures';
import { eventually, popupCount, startHarness, storedEntries, subscribe, unsubscribeAll, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());
beforeEach(() => unsubscribeAll(h));

function publish(path: string, title: string, items: Item[]): void {
  h.server.routes.set(path, rssRoute({ title, link: `${h.server.origin}/`, items }));
}

/** Titles of the rows the list shows, top to bottom. */
const titles = (popup: Page) => popup.locator('.entries li .title').allInnerTexts();

describe('popup views and search', () => {
  it('switches between Unread, All, Starred and one feed, each with its count, and searches article text in Chinese and English', async () => {
    const post = postsOn(h.server.origin);
    publish('/zh.xml', '科技日报', [
      { ...post('wx', '互联互通迈入深水区', 30), html: '<p>今天<b>微信</b>宣布开放外部链接。</p>' },
      { ...post('bz', '产品周报', 60), html: '<p>本周的新闻很多。</p>' },
    ]);
    publish('/en.xml', 'Open Web Weekly', [
      { ...post('pv', 'Weekly notes', 20), html: '<p>Our <em>privacy</em> policy changed.</p>' },
      { ...post('rl', 'Release day', 90), html: '<p>Version 4.2 ships today.</p>' },
    ]);
    await subscribe(h, '/zh.xml');
    const { feedId } = await subscribe(h, '/en.xml');
    const popup = await h.open('popup');
    expect(await titles(popup)).toEqual(['Weekly notes', '互联互通迈入深水区', '产品周报', 'Release day']);
    expect(await popup.getByTestId('count-unread').innerText()).toBe('4');

    await popup.locator('.entries li').filter({ hasText: '产品周报' }).getByRole('button', { name: 'Star' }).click();
    await popup.locator('.entries li').first().getByRole('button', { name: /Weekly notes/ }).focus();
    await popup.keyboard.press('m');
    await eventually(() => popupCount(popup)).toBe('3');
    expect(await titles(popup)).toEqual(['互联互通迈入深水区', '产品周报', 'Release day']);

    await popup.getByRole('button', { name: /^All/ }).click();
    await eventually(() => titles(popup)).toEqual(['Weekly notes', '互联互通迈入深水区', '产品周报', 'Release day']);
    await popup.getByRole('button', { name: /^Starred/ }).click();
    await eventually(() => titles(popup)).toEqual(['产品周报']);
    expect(await popup.getByTestId('count-starred').innerText()).toBe('1');
    await popup.getByRole('button', { name: /^Unread/ }).click();
    await popup.getByRole('combobox', { name: 'Feed or folder' }).selectOption({ label: 'Open Web Weekly (1)' });
    await eventually(() => titles(popup)).toEqual(['Release day']);
    expect(await popup.getByTestId('count-unread').innerText()).toBe('1');
    expect(feedId).toBeGreaterThan(0);

    const search = popup.getByRole('searchbox', { name: 'Search' });
    await search.fill('微信');
    await eventually(() => titles(popup)).toEqual(['互联互通迈入深水区']);
    await search.fill('privacy');
    await eventually(() => titles(popup)).toEqual(['Weekly notes']);
    expect(await popup.getByTestId('list-count').innerText()).toBe('1 result');
    await search.fill('nowhere');
    await popup.getByText('Nothing matches “nowhere”.').waitFor();
    await search.press('Escape');
    await eventually(() => titles(popup)).toEqual(['Release day']);
    await popup.close();
  });

  it('marks read only what it listed: an entry that arrives while the click is on its way stays unread', async () => {
    const post = postsOn(h.server.origin);
    const items = [post('a', 'First story', 30), post('b', 'Second story', 60)];
    publish('/race.xml', 'Race Gazette', items);
    await subscribe(h, '/race.xml');
    const popup = await h.open('popup');
    expect(await titles(popup)).toEqual(['First story', 'Second story']);
    // The feed gains an entry; the popup's command is held until a refresh has stored it.
    publish('/race.xml', 'Race Gazette', [post('c', 'Late story', 1), ...items]);
    await popup.evaluate(() => {
      const runtime = (globalThis as unknown as { browser: { runtime: { sendMessage(message: { type: string; payload: object }): Promise<unknown> } } }).browser.runtime;
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = async (message) => {
        if (message.type === 'mark-view-read') await send({ type: 'refresh', payload: {} });
        return send(message);
      };
    });
    await popup.getByRole('button', { name: 'Mark all read' }).click();
    await popup.getByText('Marked 2 entries as read.').waitFor();
    const byKey = Object.fromEntries((await storedEntries(h.control)).map((entry) => [entry.key, entry.read]));
    expect(byKey).toEqual({ a: 1, b: 1, c: 0 });
    await eventually(() => titles(popup)).toEqual(['Late story']);
    expect(await popupCount(popup)).toBe('1');
    await popup.close();
  });

  it('is driven by the keyboard over a virtualized list of 300 entries, and names a failing feed with its error', async () => {
    const post = postsOn(h.server.origin);
    publish('/many.xml', 'Busy Feed', Array.from({ length: 300 }, (_, index) => post(`n${index}`, `Story number ${index + 1}`, index + 1)));
    await subscribe(h, '/many.xml');
    const popup = await h.open('popup');
    await popup.locator('.entries li .title').first().waitFor();
    expect(await popup.locator('.entries li').count()).toBeLessThan(40);
    const focused = () => popup.evaluate(() => document.activeElement?.closest('li')?.querySelector('.title')?.textContent);
    // Home from anywhere puts focus on the first row.
    await popup.keyboard.press('Home');
    await eventually(focused).toBe('Story number 1');
    await popup.keyboard.press('j');
    await popup.keyboard.press('j');
    await popup.keyboard.press('k');
    await eventually(focused).toBe('Story number 2');
    await popup.keyboard.press('End');
    await eventually(focused).toBe('Story number 300');
    expect(await popup.locator('.entries li').count()).toBeLessThan(40);
    await popup.keyboard.press('s');
    await eventually(async () => (await storedEntries(h.control)).filter((entry) => entry.starred === 1).map((entry) => entry.key)).toEqual(['n299']);
    await popup.keyboard.press('/');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');

    const reader = h.ext.context.waitForEvent('page');
    await popup.keyboard.press('ArrowDown');
    // keydown alone: it opens the reader and closes the popup, which can be gone before a keyup could reach it.
    await popup.keyboard.down('Enter');
    expect((await reader).url()).toContain('src/pages/reader/index.html#entry=');
    await eventually(async () => (await storedEntries(h.control)).find((entry) => entry.key === 'n299')?.read).toBe(1);

    h.server.routes.set('/many.xml', { body: 'gone', contentType: 'text/plain', status: 404 });
    const again = await h.open('popup');
    await again.getByRole('button', { name: 'Refresh' }).click();
    await again.getByText("1 feed can't be updated").click();
    await again.getByText(`Busy Feed: 127.0.0.1:${new URL(h.server.origin).port} has no feed at this address (HTTP 404).`).waitFor();
    await again.close();
  });
});
