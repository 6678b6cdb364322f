// Site access withdrawn in real Chromium. An extension cannot remove its own required host permissions
// (permissions.remove rejects: "You cannot remove required permissions."), so the test does what a user
// does on chrome://extensions: sets "Site access" to "On click", through that page's own developerPrivate
// API. Then the open pages say so, the worker refuses to fetch, and setting it back heals everything.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesAgo, rssRoute } from './support/fixtures';
import { command, eventually, startHarness, storedFeeds, subscribe, type Harness } from './support/harness';

const BANNER = "Mirror Reader can't read feeds: access to websites is turned off";

let h: Harness;
let options: Page;
let popup: Page;

beforeAll(async () => {
  h = await startHarness();
  const site = h.server.origin;
  for (const [path, title] of [['/gazette.xml', 'Harbour Town Gazette'], ['/weekly.xml', 'Open Source Weekly']] as const) {
    h.server.routes.set(path, rssRoute({ title, link: `${site}/`, items: [{ guid: path, title: `News from ${title}`, link: `${site}${path}#1`, published: minutesAgo(30) }] }));
  }
  await subscribe(h, '/gazette.xml');
  options = await h.open('options');
  popup = await h.open('popup');
});

afterAll(() => h?.close());

/** Chromium's "Site access" setting of the extension, changed where the user changes it. */
async function setSiteAccess(hostAccess: 'ON_CLICK' | 'ON_ALL_SITES'): Promise<void> {
  const settings = await h.ext.context.newPage();
  await settings.goto(`chrome://extensions/?id=${h.ext.extensionId}`);
  await settings.evaluate(
    ({ extensionId, hostAccess }) =>
      (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(update: object): Promise<void> } } }).chrome.developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess }),
    { extensionId: h.ext.extensionId, hostAccess },
  );
  await settings.close();
}

const banner = (page: Page) => page.getByRole('region', { name: BANNER });
const notice = () => popup.locator('.access-notice');

describe('site access withdrawn in Chromium', () => {
  it('the open options page shows the banner and the open popup its notice', async () => {
    expect(await banner(options).count()).toBe(0);
    expect(await notice().count()).toBe(0);

    await setSiteAccess('ON_CLICK');

    await banner(options).waitFor();
    expect(await banner(options).getByRole('button').innerText()).toBe('Allow access to websites');
    // The banner comes first, right under the page title.
    expect(await options.locator('main > h1 + section h2').innerText()).toBe(BANNER);
    await notice().waitFor();
    expect(await notice().locator('span').innerText()).toBe("Feeds can't update: access to websites is off.");
    expect(await notice().getByRole('button').innerText()).toBe('Allow…');
    expect(await notice().getAttribute('role')).toBe('alert');
  });

  it('the worker refuses to subscribe or refresh, fetching nothing, and the feed shows why', async () => {
    const hits = { gazette: h.server.hits.get('/gazette.xml'), weekly: h.server.hits.get('/weekly.xml') };

    const subscribed = await command(h.control, 'subscribe', { url: `${h.server.origin}/weekly.xml` });
    expect(subscribed).toEqual({ ok: false, error: { code: 'no-access', params: { host: new URL(h.server.origin).host } } });
    expect(await command(h.control, 'refresh', {})).toEqual({ ok: true, value: { feeds: 1, added: 0, failed: 1 } });

    expect({ gazette: h.server.hits.get('/gazette.xml'), weekly: h.server.hits.get('/weekly.xml') }).toEqual(hits);
    expect((await storedFeeds(h.control)).map((feed) => [feed.title, feed.errorCount, feed.lastError])).toEqual([
      ['Harbour Town Gazette', 1, { code: 'no-access', params: { host: new URL(h.server.origin).host } }],
    ]);
    await options.getByText(`Last update failed: Mirror Reader is not allowed to read ${new URL(h.server.origin).host}, so the feed was not fetched.`).waitFor();
  });

  it('Find feeds on the options page asks for access first, and fetches nothing while the prompt is open', async () => {
    const page = await h.open('options');
    await banner(page).waitFor();
    await page.getByLabel('Feed or page URL').fill(`${h.server.origin}/weekly.xml`);
    await page.getByRole('button', { name: 'Find feeds', exact: true }).click();

    // Headless Chromium's prompt cannot be answered: the form stays busy waiting for it. A request Chromium
    // refused (no user gesture) would reject at once and show an alert instead. The Firefox test, where a
    // prompt can be answered, follows the flow to the end.
    await eventually(() => page.getByRole('button', { name: 'Find feeds', exact: true }).isDisabled()).toBe(true);
    await page.waitForTimeout(500);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(h.server.hits.get('/weekly.xml')).toBeUndefined();
    await page.close();
  });

  it('setting site access back hides the banner and the notice, polls the failed feed at once, and subscribing works again', async () => {
    const gazetteHits = h.server.hits.get('/gazette.xml') ?? 0;
    await setSiteAccess('ON_ALL_SITES');

    await banner(options).waitFor({ state: 'detached' });
    await notice().waitFor({ state: 'detached' });
    // No Refresh pressed: the worker polls when access comes back instead of waiting out its backoff.
    await eventually(async () => (await storedFeeds(h.control)).map((feed) => [feed.errorCount, feed.lastError])).toEqual([[0, undefined]]);
    expect(h.server.hits.get('/gazette.xml')).toBe(gazetteHits + 1);
    await options.getByLabel('Feed or page URL').fill(`${h.server.origin}/weekly.xml`);
    await options.getByRole('button', { name: 'Find feeds', exact: true }).click();
    await options.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await eventually(() => options.getByRole('status').innerText()).toBe('Subscribed to Open Source Weekly.');
    // Once for the preview, once to subscribe.
    expect(h.server.hits.get('/weekly.xml')).toBe(2);
  });
});
