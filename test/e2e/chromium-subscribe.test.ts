// Options page in real Chromium: find feeds by a feed's or a page's address (autodiscovery), preview,
// subscribe, remove with confirmation, and the errors (bad address, unreachable host, a page without
// feeds) that must leave nothing stored.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
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

/** Type `url` into "Feed or page URL" and press Find feeds. */
async function find(url: string): Promise<void> {
  await options.getByLabel('Feed or page URL').fill(url);
  await options.getByRole('button', { name: 'Find feeds', exact: true }).click();
}

/** The preview shown for the chosen feed: its title and its entries' titles. */
async function preview(): Promise<{ title: string; entries: string[] }> {
  const region = options.getByRole('region', { name: 'Feeds found' });
  return { title: await region.locator('#preview-title').innerText(), entries: await region.getByRole('list', { name: 'Latest entries' }).locator('.title').allInnerTexts() };
}

const subscribeButton = () => options.getByRole('button', { name: 'Subscribe', exact: true });

const feedList = () => options.getByRole('list', { name: 'Feeds in Not in a folder' });
const feedNames = () => options.locator('section.folder .feed-row .name').allInnerTexts();
const alertText = () => options.getByRole('alert').innerText();

describe('subscribing on the options page', () => {
  it('previews a feed address, lists the feed under its own title, and removes it and its entries after confirmation', async () => {
    await find(`${h.server.origin}/gazette.xml`);
    await eventually(preview).toEqual({ title: GAZETTE, entries: ['Ferry timetable changes from Monday', 'Night market returns to the harbour'] });
    // A preview stores nothing.
    expect(await storedFeeds(h.control)).toEqual([]);
    await subscribeButton().click();

    await eventually(feedNames).toEqual([GAZETTE]);
    await eventually(() => options.getByRole('status').innerText()).toBe(`Subscribed to ${GAZETTE}.`);
    expect(await options.getByLabel('Feed or page URL').inputValue()).toBe('');
    expect(await feedList().locator('.feed-row .url').innerText()).toBe(`${h.server.origin}/gazette.xml`);
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
    await find('not a url');
    await eventually(alertText).toBe('“not a url” is not a valid web address.');
    expect(await options.getByLabel('Feed or page URL').getAttribute('aria-invalid')).toBe('true');
    await expectNothingStored();
  });

  it('says when the host cannot be reached', async () => {
    const port = await closedPort();
    await find(`http://127.0.0.1:${port}/feed.xml`);
    await eventually(alertText).toBe(`Could not reach 127.0.0.1:${port}. Check the address and your connection.`);
    await expectNothingStored();
  });

  it('says when a page offers no feed, after trying the usual feed addresses once each', async () => {
    await find(`${h.server.origin}/about.html`);
    await eventually(alertText).toBe(`No feed was found at ${h.server.origin}/about.html.`);
    for (const path of ['/feed', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml', '/rss', '/feed.json', '/feeds/posts/default']) expect(h.server.hits.get(path), path).toBe(1);
    await expectNothingStored();
  });
});

describe('subscribing by a page address (autodiscovery)', () => {
  it('finds the feeds the page links to, previews the chosen one, then subscribes to it', async () => {
    const hitsBefore = h.server.hits.get('/feed') ?? 0;
    await find(`${h.server.origin}/blog.html`);
    const choices = options.getByRole('group', { name: 'Choose a feed' }).getByRole('radio');
    await eventually(() => choices.count()).toBe(2);
    // Relative hrefs are resolved against the page; the one that answers is named by its own title.
    expect(await options.locator('.candidate .name').allInnerTexts()).toEqual([GAZETTE, `${h.server.origin}/gazette.atom`]);
    expect(await options.locator('.candidate .source').allInnerTexts()).toEqual(['Linked from the page.', 'Linked from the page.']);
    expect(await choices.first().isChecked()).toBe(true);
    await eventually(preview).toEqual({ title: GAZETTE, entries: ['Ferry timetable changes from Monday', 'Night market returns to the harbour'] });
    // The page links its feeds: no guessing at common paths.
    expect(h.server.hits.get('/feed') ?? 0).toBe(hitsBefore);
    expect(await seriousViolations(options)).toEqual([]);

    // The Atom link is dead: choosing it says so and offers no Subscribe.
    await choices.nth(1).check();
    await eventually(() => options.locator('.candidates [role=alert]').innerText()).toBe(`${new URL(h.server.origin).host} has no feed at this address (HTTP 404).`);
    expect(await subscribeButton().count()).toBe(0);

    await choices.first().check();
    await subscribeButton().click();
    await eventually(feedNames).toEqual([GAZETTE]);
    await eventually(() => options.getByRole('status').innerText()).toBe(`Subscribed to ${GAZETTE}.`);
    expect(await storedEntries(h.control)).toHaveLength(2);
    expect((await storedFeeds(h.control)).map((feed) => feed.url)).toEqual([`${h.server.origin}/gazette.xml`]);
  });
});
