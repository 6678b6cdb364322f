// The reader tab in real Chromium: opened from the popup, one reused tab, the entry's body sanitized (no
// script, no on* attribute, nothing ran), the entry marked read, and mirror images taken from their CDN copy.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTLINK_REFUSED, landscape, minutesAgo, mirrorRoute, pngRoute, rssRoute } from './support/fixtures';
import { badgeText, eventually, PAGES, popupCount, popupRows, startHarness, storedEntries, subscribe, type Harness } from './support/harness';

const FEED = 'Harbour Town Gazette';
const HOSTILE = 'Council publishes the harbour plan';
const PUBLISHED = new Date(Date.UTC(2025, 4, 14, 9, 30));

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const site = h.server.origin;
  h.server.routes.set(
    '/gazette.xml',
    rssRoute({
      title: FEED,
      link: `${site}/`,
      items: [
        { guid: 'tide', title: 'Spring tides expected this weekend', link: `${site}/posts/tide`, published: minutesAgo(30), html: '<p>Expect the highest tides of the year on Saturday.</p>' },
        {
          guid: 'plan',
          title: HOSTILE,
          link: `${site}/posts/plan`,
          published: PUBLISHED,
          author: 'Ada Quay',
          html: [
            '<p>The plan runs to <strong>forty pages</strong>.</p>',
            '<script>window.__pwned = 1; document.title = "pwned";</script>',
            '<img src="missing.png" alt="Map of the harbour" onerror="window.__pwned = 2">',
            '<p onclick="window.__pwned = 3" onmouseover="window.__pwned = 4">Residents may comment until June.</p>',
            '<a href="javascript:window.__pwned = 5">Read the plan</a>',
          ].join('\n'),
        },
      ],
    }),
  );
  await subscribe(h, '/gazette.xml');
});

afterAll(() => h?.close());

const readerPages = () => h.ext.context.pages().filter((page) => page.url().startsWith(h.ext.url(PAGES.reader)));

/** Click `title` in a freshly opened popup (which closes itself) and return the reader tab it went to. */
async function openFromPopup(title: string): Promise<Page> {
  const popup = await h.open('popup');
  await popup.getByRole('list', { name: 'Unread entries' }).getByRole('button').filter({ hasText: title }).click();
  await eventually(() => readerPages().length).toBe(1);
  return readerPages()[0]!;
}

/** The entry ids in IndexedDB by title. */
async function entryId(title: string): Promise<number> {
  const entry = (await storedEntries(h.control)).find((row) => row.title === title);
  if (!entry) throw new Error(`no stored entry "${title}"`);
  return entry.id;
}

// The steps of one story, in order: open an entry, inspect it, see it marked read, open the next one.
describe('reader tab', () => {
  let reader: Page;

  it('shows the entry opened in the popup: title, feed, date, author, original link, body', async () => {
    expect(readerPages()).toEqual([]);
    reader = await openFromPopup(HOSTILE);
    expect(reader.url()).toBe(h.ext.url(PAGES.reader) + `#entry=${await entryId(HOSTILE)}&view=unread`);

    await eventually(() => reader.locator('h1').allInnerTexts()).toEqual([HOSTILE]);
    // The feed's row and the body come from their own queries, a moment after the entry's.
    await eventually(() => reader.locator('.feed-name').innerText()).toBe(FEED);
    expect(await reader.locator('.byline time').getAttribute('datetime')).toBe(PUBLISHED.toISOString());
    expect(await reader.locator('.byline').innerText()).toMatch(/2025.*by Ada Quay/);
    expect(await reader.getByRole('link', { name: 'Open original' }).getAttribute('href')).toBe(`${h.server.origin}/posts/plan`);
    const article = reader.locator('article');
    await eventually(() => article.innerText()).toContain('The plan runs to forty pages.');
    expect(await article.innerText()).toContain('Residents may comment until June.');
    expect(await reader.title()).toBe(`${HOSTILE} · ${FEED}`);
  });

  it('keeps scripts and event handlers out of the page, and none of them ran', async () => {
    // Give every handler its chance: the image has failed to load by now, then hover and click.
    await reader.locator('article img').waitFor({ state: 'attached' });
    await reader.waitForFunction(() => document.querySelector('article img')?.classList.contains('img-broken'));
    await reader.getByText('Residents may comment until June.').hover();
    await reader.getByText('Residents may comment until June.').click();

    const audit = await reader.evaluate(() => ({
      scripts: document.querySelectorAll('article script').length,
      handlers: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.localName}[${attribute.name}]`)),
      links: [...document.querySelectorAll('article a')].map((link) => link.getAttribute('href')),
      pwned: (window as unknown as { __pwned?: number }).__pwned,
    }));
    expect(audit).toEqual({ scripts: 0, handlers: [], links: [null], pwned: undefined });
    expect(await reader.title()).not.toContain('pwned');
    expect(await reader.locator('article img').getAttribute('alt')).toBe('Map of the harbour');
  });

  it('marks the opened entry read: the popup no longer lists it and the counts drop', async () => {
    expect((await storedEntries(h.control)).find((entry) => entry.title === HOSTILE)?.read).toBe(1);
    const popup = await h.open('popup');
    expect((await popupRows(popup)).map((row) => row.title)).toEqual(['Spring tides expected this weekend']);
    expect(await popupCount(popup)).toBe('1');
    await eventually(() => badgeText(h)).toBe('1');
    await popup.close();
  });

  it('opens the next entry in the same reader tab, changing only its hash', async () => {
    const reloads: string[] = [];
    reader.on('load', () => reloads.push(reader.url()));
    expect(await openFromPopup('Spring tides expected this weekend')).toBe(reader);
    // The tab already open shows the new entry: no second tab was opened for it.
    await eventually(() => reader.locator('h1').allInnerTexts()).toEqual(['Spring tides expected this weekend']);
    expect(reader.url()).toBe(h.ext.url(PAGES.reader) + `#entry=${await entryId('Spring tides expected this weekend')}&view=unread`);
    expect(readerPages()).toEqual([reader]);
    expect(reloads).toEqual([]);
    // The body is read after the list row: wait for it rather than reading the article at once.
    await eventually(() => reader.locator('article').innerText()).toBe('Expect the highest tides of the year on Saturday.');
    await eventually(() => badgeText(h)).toBe('');
  });
});

// Previous/next within the list the reader came from, after opening marked entries read.
describe('previous and next', () => {
  it("in a feed's unread view, k goes back to the entry just read, also after a reload; a search walks its results", async () => {
    const site = h.server.origin;
    h.server.routes.set(
      '/walk.xml',
      rssRoute({
        title: 'Quay Notes',
        link: `${site}/`,
        items: [
          { guid: 'w1', title: 'Walk one: the quay at dawn', link: `${site}/walk/1`, published: minutesAgo(1), html: '<p>One.</p>' },
          { guid: 'w2', title: 'Walk two: the market', link: `${site}/walk/2`, published: minutesAgo(2), html: '<p>Two.</p>' },
          { guid: 'w3', title: 'Walk three: the quay at dusk', link: `${site}/walk/3`, published: minutesAgo(3), html: '<p>Three.</p>' },
        ],
      }),
    );
    const { feedId } = await subscribe(h, '/walk.xml');
    const [one, two, three] = [await entryId('Walk one: the quay at dawn'), await entryId('Walk two: the market'), await entryId('Walk three: the quay at dusk')];
    const reader = readerPages()[0]!;
    const title = () => reader.locator('h1').innerText();
    const view = `feed:${feedId}:u`;
    await reader.evaluate((hash) => (location.hash = hash), `#entry=${one}&view=${view}`);
    await eventually(title).toBe('Walk one: the quay at dawn');
    await reader.keyboard.press('j');
    await eventually(title).toBe('Walk two: the market');
    await eventually(async () => (await storedEntries(h.control)).filter((row) => row.id === one || row.id === two).map((row) => row.read)).toEqual([1, 1]);
    await reader.keyboard.press('k');
    await eventually(title).toBe('Walk one: the quay at dawn');
    expect(reader.url()).toBe(h.ext.url(PAGES.reader) + `#entry=${one}&view=${view}`);
    await reader.reload();
    await eventually(title).toBe('Walk one: the quay at dawn');
    await reader.keyboard.press('j');
    await eventually(title).toBe('Walk two: the market');
    await eventually(() => reader.locator('.pager-previous .pager-title').innerText()).toBe('Walk one: the quay at dawn');

    // From the popup's search results: the reader steps through the results, not Unread.
    const popup = await h.open('popup');
    await popup.getByRole('searchbox', { name: 'Search' }).fill('quay');
    await popup.getByRole('list', { name: 'Search results' }).getByRole('button').filter({ hasText: 'Walk one: the quay at dawn' }).click();
    await eventually(() => reader.url()).toBe(h.ext.url(PAGES.reader) + `#entry=${one}&view=search:quay`);
    await eventually(title).toBe('Walk one: the quay at dawn');
    await reader.keyboard.press('j');
    await eventually(title).toBe('Walk three: the quay at dusk');
    expect(reader.url()).toBe(h.ext.url(PAGES.reader) + `#entry=${three}&view=search:quay`);
  });
});

describe('mirror images', () => {
  it('shows each picture from its CDN copy when the original host refuses hotlinks', async () => {
    const site = h.server.origin;
    const original = `${site}/origin/harbour.png`;
    const cdn = `${site}/cdn/harbour.png`;
    h.server.routes.set('/origin/harbour.png', HOTLINK_REFUSED);
    h.server.routes.set('/cdn/harbour.png', pngRoute(landscape(64, 40, { sky: [60, 120, 200], horizon: [250, 200, 150], sun: [255, 230, 120], hills: [70, 130, 80], near: [40, 90, 50] })));
    h.server.routes.set(
      '/mirror.json',
      mirrorRoute({ id: 7, name: 'Harbour mirror', url: `${site}/harbour.xml` }, [
        { title: 'Sunset over the harbour', link: `${site}/posts/sunset`, published: minutesAgo(10), linkMd5: '5f1e0c7a9b', html: `<p>Last night from the pier.</p><p><img src="${original}" alt="Sunset"></p>`, images: { [original]: cdn } },
      ]),
    );
    await subscribe(h, '/mirror.json');

    const reader = await openFromPopup('Sunset over the harbour');
    await eventually(() => reader.locator('h1').allInnerTexts()).toEqual(['Sunset over the harbour']);
    const image = reader.locator('article img');
    expect(await image.getAttribute('src')).toBe(cdn);
    await eventually(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    expect(h.server.hits.get('/cdn/harbour.png')).toBeGreaterThanOrEqual(1);
    // The copy loaded first time: the refusing original was never asked.
    expect(h.server.hits.get('/origin/harbour.png')).toBeUndefined();
  });
});
