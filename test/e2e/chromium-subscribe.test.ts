// Options page in real Chromium: subscribe by typing a Feed URL, remove with confirmation, and the errors
// (bad address, unreachable host, a web page instead of a feed) that must leave nothing stored.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { htmlPage, minutesAgo, rssRoute } from './support/fixtures';
import { closedPort, eventually, popupRows, startHarness, storedEntries, storedFeeds, unsubscribeAll, type Harness } from './support/harness';

const GAZETTE = 'Harbour Town Gazette';

let h: Harness;
let options: Page;

beforeAll(async () => {
  h = await startHarness();
  const site = h.server.origin;
  h.server.routes.set(
    '/gazette.xml',
    rssRoute({
      title: GAZETTE,
      link: `${site}/`,
      items: [
        { guid: 'ferry', title: 'Ferry timetable changes from Monday', link: `${site}/ferry`, published: minutesAgo(90) },
        { guid: 'market', title: 'Night market returns to the harbour', link: `${site}/market`, published: minutesAgo(600) },
      ],
    }),
  );
  h.server.routes.set('/about.html', htmlPage('About us'));
  h.server.routes.set(
    '/blog.html',
    htmlPage('Our blog', [
      { href: '/gazette.xml', type: 'application/rss+xml', title: 'RSS' },
      { href: `${site}/gazette.atom`, type: 'application/atom+xml', title: 'Atom' },
    ]),
  );
  options = await h.open('options');
});

afterAll(() => h?.close());

beforeEach(() => unsubscribeAll(h));

/** Type `url` into "Feed URL" and press the Subscribe button. */
async function submit(url: string): Promise<void> {
  await options.getByLabel('Feed URL').fill(url);
  await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
}

const feedList = () => options.getByRole('list', { name: 'Feeds' });
const feedNames = () => feedList().locator('li .name').allInnerTexts();
const alertText = () => options.getByRole('alert').innerText();

describe('subscribing on the options page', () => {
  it('lists the feed under its own title, and removes it and its entries after confirmation', async () => {
    await submit(`${h.server.origin}/gazette.xml`);

    await eventually(feedNames).toEqual([GAZETTE]);
    await eventually(() => options.getByRole('status').innerText()).toBe(`Subscribed to ${GAZETTE}.`);
    expect(await options.getByLabel('Feed URL').inputValue()).toBe('');
    expect(await feedList().locator('li .url').innerText()).toBe(`${h.server.origin}/gazette.xml`);
    const popup = await h.open('popup');
    expect((await popupRows(popup)).map((row) => row.title)).toEqual(['Ferry timetable changes from Monday', 'Night market returns to the harbour']);
    expect(await storedEntries(h.control)).toHaveLength(2);

    await options.getByRole('button', { name: `Remove ${GAZETTE}` }).click();
    // Nothing is removed until the question is answered.
    await options.getByText(`Remove “${GAZETTE}” and all its entries?`).waitFor();
    expect(await storedFeeds(h.control)).toHaveLength(1);
    await options.getByRole('button', { name: 'Yes, remove' }).click();

    await eventually(feedNames).toEqual([]);
    await options.getByText('No feeds yet. Add one above.').waitFor();
    expect(await options.getByRole('status').innerText()).toBe(`Removed ${GAZETTE}.`);
    expect(await storedFeeds(h.control)).toEqual([]);
    expect(await storedEntries(h.control)).toEqual([]);
    // The open popup follows the database: its entries are gone too.
    await popup.getByText('No unread entries').waitFor();
    expect(await popupRows(popup)).toEqual([]);
    await popup.close();
  });
});

describe('subscribe errors store nothing', () => {
  /** After a failed subscribe: the list is empty on screen and in IndexedDB. */
  async function expectNothingStored(): Promise<void> {
    expect(await feedNames()).toEqual([]);
    expect(await options.getByText('No feeds yet. Add one above.').isVisible()).toBe(true);
    expect(await storedFeeds(h.control)).toEqual([]);
    expect(await storedEntries(h.control)).toEqual([]);
  }

  it('rejects text that is not a web address', async () => {
    await submit('not a url');
    await eventually(alertText).toBe('“not a url” is not a valid web address.');
    expect(await options.getByLabel('Feed URL').getAttribute('aria-invalid')).toBe('true');
    await expectNothingStored();
  });

  it('says when the host cannot be reached', async () => {
    const port = await closedPort();
    await submit(`http://127.0.0.1:${port}/feed.xml`);
    await eventually(alertText).toBe(`Could not reach 127.0.0.1:${port}. Check the address and your connection.`);
    await expectNothingStored();
  });

  it('says when the page is not a feed', async () => {
    await submit(`${h.server.origin}/about.html`);
    await eventually(alertText).toBe('That address is a web page, not a feed.');
    await expectNothingStored();
  });

  it('offers the feeds a web page links to, and subscribes to the one chosen', async () => {
    await submit(`${h.server.origin}/blog.html`);
    await eventually(alertText).toContain('This page links to these feeds:');
    const offered = options.getByRole('alert').getByRole('button');
    // Relative hrefs are resolved against the page.
    expect(await offered.allInnerTexts()).toEqual([`Subscribe to ${h.server.origin}/gazette.xml`, `Subscribe to ${h.server.origin}/gazette.atom`]);
    await expectNothingStored();

    await offered.first().click();
    await eventually(feedNames).toEqual([GAZETTE]);
    expect(await options.getByRole('alert').count()).toBe(0);
    expect(await storedEntries(h.control)).toHaveLength(2);
  });
});
