// Subscribing from the page in real Chromium: a tab whose page advertises a feed gets the feed icon state
// (its title says so), the popup offers the feed and subscribes in one click, and the context menu items
// exist, and their target, the options page at #subscribe=<address>, finds and previews the feed. Headless Chromium draws no native context menu, so a right-click cannot be driven; the menu's click
// handler is unit-tested (test/unit/background/context-menu.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPage, postsOn, rssRoute } from './support/fixtures';
import { currentWorker, eventually, startHarness, storedFeeds, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

type Chrome = {
  tabs: { query(query: object): Promise<{ id: number }[]> };
  action: { getTitle(details: object): Promise<string> };
  contextMenus: { update(id: string, change: object): Promise<void> };
};

/** Run `body` in the worker with `chrome`. */
async function inWorker<T, A>(body: (chrome: Chrome, arg: A) => Promise<T>, arg: A): Promise<T> {
  const worker = await currentWorker(h);
  return worker.evaluate(({ source, arg }) => new Function('chrome', 'arg', `return (${source})(chrome, arg)`)((globalThis as unknown as { chrome: Chrome }).chrome, arg), { source: body.toString(), arg }) as Promise<T>;
}

describe('subscribe from the page', () => {
  it('marks a tab whose page advertises a feed, and the popup subscribes to it in one click', async () => {
    const post = postsOn(h.server.origin);
    h.server.routes.set('/blog.xml', rssRoute({ title: 'Harbour Blog', link: `${h.server.origin}/`, items: [post('a', 'Lighthouse restored', 30)] }));
    h.server.routes.set('/blog.html', htmlPage('Harbour Blog', [{ href: '/blog.xml', type: 'application/rss+xml', title: 'Harbour Blog posts' }]));
    h.server.routes.set('/plain.html', htmlPage('No feeds here'));
    const site = await h.ext.context.newPage();
    await site.goto(`${h.server.origin}/blog.html`);
    const plain = await h.ext.context.newPage();
    await plain.goto(`${h.server.origin}/plain.html`);
    const tabOf = (url: string) => inWorker(async (chrome, wanted) => (await chrome.tabs.query({ url: wanted }))[0]?.id, url);
    const blogTab = (await tabOf(`${h.server.origin}/blog.html`))!;
    const plainTab = (await tabOf(`${h.server.origin}/plain.html`))!;
    const titleOf = (tabId: number) => inWorker((chrome, id) => chrome.action.getTitle({ tabId: id }), tabId);
    await eventually(() => titleOf(blogTab)).toBe('Mirror Reader — this page has a feed');
    expect(await titleOf(plainTab)).toBe('Mirror Reader');

    const popup = await h.open('popup', `#tab=${blogTab}`);
    await popup.getByRole('heading', { name: 'Feeds on this page' }).waitFor();
    await popup.getByRole('button', { name: 'Subscribe to Harbour Blog posts' }).click();
    await popup.getByText('Subscribed to Harbour Blog.').waitFor();
    expect((await storedFeeds(h.control)).map((feed) => feed.url)).toEqual([`${h.server.origin}/blog.xml`]);
    await popup.getByText('Subscribed', { exact: true }).waitFor();
    await eventually(() => popup.locator('.entries li .title').allInnerTexts()).toEqual(['Lighthouse restored']);
    expect(await titleOf(blogTab)).toBe('Mirror Reader');
    await popup.close();
  });

  it('opens the options page at #subscribe=<address> (the popup\'s Preview, the context menu) with that page\'s feed previewed', async () => {
    const options = await h.open('options', `#subscribe=${encodeURIComponent(`${h.server.origin}/blog.html`)}`);
    const found = options.getByRole('region', { name: 'Feeds found' });
    await eventually(() => found.locator('#preview-title').innerText()).toBe('Harbour Blog');
    expect(await options.getByLabel('Feed or page URL').inputValue()).toBe(`${h.server.origin}/blog.html`);
    expect(new URL(options.url()).hash).toBe('#subscribe');
    await options.close();
  });

  it('has its context menu items (updating an item that does not exist is refused)', async () => {
    const update = (id: string) => inWorker((chrome, item) => chrome.contextMenus.update(item, {}).then(() => 'ok', (error: Error) => error.message), id);
    expect(await update('subscribe-link')).toBe('ok');
    expect(await update('subscribe-page')).toBe('ok');
    expect(await update('not-ours')).toMatch(/Cannot find menu item/);
  });
});
