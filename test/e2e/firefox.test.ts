// Firefox end to end over WebDriver BiDi: install dist-firefox/, see the popup render, subscribe from the
// options page to a local feed and find its entries in the popup (background script, fetch, Dexie), do
// without access to websites until the user allows it, and lint the build the way addons.mozilla.org does.
// Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { startFeedServer, type FeedServer } from '../../scripts/feed-server';
import { launchWithExtension, type ExtensionFirefox } from './firefox/extension-firefox';
import { DIST, firefoxTestFile, GECKO_ID, installed, skipReason } from './firefox/suite';
import type { Tab } from './firefox/tab';
import { lintBuild } from './firefox/web-ext-lint';

/** The add-on's identity (vite.config.ts). Changing it would orphan every installed copy's data. */
/** Any fixed UUID: it becomes the host of the extension's moz-extension:// pages. */
const UUID = '0d7c5a8e-4f1b-4e63-9a2d-7b3c1e5f8a90';
const POPUP = 'src/pages/popup/index.html';
const OPTIONS = 'src/pages/options/index.html';
/** The manifest's host_permissions, as a JavaScript literal for the page. */
const HOST_ORIGINS = JSON.stringify(manifest.host_permissions);

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Mirror Test Feed</title><link>http://example.com/</link>
  <item><title>First entry</title><link>http://example.com/1</link><guid>e1</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
  <item><title>Second entry</title><link>http://example.com/2</link><guid>e2</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>
</channel></rss>`;

firefoxTestFile('e2e');

describe.skipIf(!installed)(`Firefox ESR over WebDriver BiDi${installed ? '' : ` (${skipReason})`}`, () => {
  let server: FeedServer;
  let firefox: ExtensionFirefox;
  let tab: Tab;

  beforeAll(async () => {
    server = await startFeedServer({ '/feed.xml': { body: FEED, contentType: 'application/rss+xml' } });
    firefox = await launchWithExtension({ dist: DIST, geckoId: GECKO_ID, uuid: UUID });
    tab = await firefox.openTab();
  });

  // Runs after failures and timeouts too; either may be undefined if beforeAll failed half-way.
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('installs dist-firefox/ under its gecko id', () => {
    expect(firefox.extensionId).toBe(GECKO_ID);
  });

  it('renders the popup: header, unread count and the no-feeds empty state, styled', async () => {
    await tab.navigate(firefox.url(POPUP));
    // The "Add feeds" button appears only once both live queries answered (no entries, no feeds).
    const popup = await tab.waitFor(
      `document.querySelector('.empty button') && document.querySelector('[data-testid=unread-count]')?.textContent && {
        heading: document.querySelector('h1')?.textContent,
        count: document.querySelector('[data-testid=unread-count]').textContent,
        empty: document.querySelector('.empty strong')?.textContent,
        hint: document.querySelector('.empty p')?.textContent,
        button: document.querySelector('.empty button').textContent,
        lang: document.documentElement.lang,
        bodyWidth: getComputedStyle(document.body).width,
      }`,
      'the popup to render its empty state',
    );
    expect(popup).toEqual({
      heading: 'Mirror Reader',
      count: '0',
      empty: 'No unread entries',
      hint: 'Add feeds on the options page to start reading.',
      button: 'Add feeds',
      lang: 'en-US',
      bodyWidth: '360px',
    });
    const png = await tab.screenshot('artifacts/firefox-popup.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('opens the options page from the popup, subscribes there, and the open popup lists the entries', async () => {
    await tab.navigate(firefox.url(POPUP));
    await tab.waitFor(`document.querySelector('.empty button')`, 'the "Add feeds" button');
    const opening = firefox.waitForTab(firefox.url(OPTIONS));
    await tab.evaluate(`document.querySelector('.empty button').click()`);
    const options = await opening;
    await options.waitFor(`document.getElementById('feed-url')`, 'the subscribe form');
    // Firefox 127+ grants MV3 host_permissions at install (extensions.originControls.grantByDefault);
    // without them the background's fetch is CORS-blocked and subscribe reports a network error.
    expect(await options.evaluate(`browser.permissions.contains({ origins: [${JSON.stringify(`${server.origin}/*`)}] })`), 'host permission for the feed').toBe(true);

    await options.evaluate(`(async () => {
      const input = document.getElementById('feed-url');
      input.value = ${JSON.stringify(`${server.origin}/feed.xml`)};
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Let Preact re-render with the new state first: the submit handler reads the URL from its last render.
      await new Promise((resolve) => setTimeout(resolve));
      document.querySelector('form button[type=submit]').click();
    })()`);
    // Find feeds shows the feed's preview (or an alert) before anything is stored.
    const previewed = await options.waitFor<string>(`document.querySelector('[role=alert]')?.innerText || document.getElementById('preview-title')?.textContent`, 'the preview');
    expect(previewed).toBe('Mirror Test Feed');
    await options.evaluate(`document.querySelector('.candidates button.primary').click()`);
    // Whichever comes first, the error alert or the success status, so a failure shows its message at once.
    const outcome = await options.waitFor<string>(
      `document.querySelector('[role=alert]')?.innerText || (document.querySelector('[role=status]')?.textContent.startsWith('Subscribed') && document.querySelector('[role=status]').textContent)`,
      'the subscribe outcome',
    );
    expect(outcome).toBe('Subscribed to Mirror Test Feed.');
    // Once for the preview, once to subscribe.
    expect(server.hits.get('/feed.xml')).toBe(2);

    // No reload: the popup's live queries see the background script's writes.
    const popup = await tab.waitFor(
      `document.querySelectorAll('.entries li').length === 2 && document.querySelector('[data-testid=unread-count]')?.textContent !== '0' && {
        count: document.querySelector('[data-testid=unread-count]').textContent,
        titles: [...document.querySelectorAll('.entries .title')].map((node) => node.textContent),
        feeds: [...document.querySelectorAll('.entries .feed')].map((node) => node.textContent),
      }`,
      'two entries in the open popup',
    );
    expect(popup).toEqual({ count: '2', titles: ['Second entry', 'First entry'], feeds: ['Mirror Test Feed', 'Mirror Test Feed'] });
    await tab.screenshot('artifacts/firefox-popup-entries.png');
  });

  it("switches the popup's views (Unread, Starred, All) with their counts, and searches", async () => {
    // The two unread entries of the test above.
    await tab.navigate(firefox.url(POPUP));
    const titles = (label: string) => `document.querySelector('ul[aria-label="${label}"] li .title') && [...document.querySelectorAll('.entries .title')].map((node) => node.textContent)`;
    const count = (name: string) => `document.querySelector('[data-testid=count-${name}]')?.textContent`;
    const click = (name: string) => tab.evaluate(`[...document.querySelectorAll('.view-picker button')].find((button) => button.textContent.startsWith('${name}')).click()`);
    expect(await tab.waitFor(titles('Unread entries'), 'the unread view')).toEqual(['Second entry', 'First entry']);
    // The counts come from their own live query, which may answer after the list's.
    expect(await tab.waitFor(`${count('unread')} === '2' && [${count('unread')}, ${count('starred')}]`, 'the counts')).toEqual(['2', '0']);
    await tab.evaluate(`document.querySelector('.entries li .star').click()`);
    expect(await tab.waitFor(`${count('starred')} === '1' && 'starred'`, 'the starred count')).toBe('starred');
    await click('Starred');
    expect(await tab.waitFor(titles('Starred entries'), 'the starred view')).toEqual(['Second entry']);
    await click('All');
    expect(await tab.waitFor(titles('All entries'), 'the all view')).toEqual(['Second entry', 'First entry']);
    await tab.evaluate(`(() => {
      const input = document.querySelector('input[type=search]');
      input.value = 'second';
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    })()`);
    expect(await tab.waitFor(titles('Search results'), 'the search results')).toEqual(['Second entry']);
  });
});

describe.skipIf(!installed)(`Firefox ESR without access to websites${installed ? '' : ` (${skipReason})`}`, () => {
  let server: FeedServer;
  let firefox: ExtensionFirefox;
  let tab: Tab;
  const feedUrl = () => JSON.stringify(`${server.origin}/feed.xml`);
  const bannerHeading = `document.querySelector('.access-banner h2')?.textContent`;
  const formAlert = `document.querySelector('form [role=alert]') && [...document.querySelectorAll('form [role=alert] p')].map((p) => p.textContent)`;

  beforeAll(async () => {
    server = await startFeedServer({ '/feed.xml': { body: FEED, contentType: 'application/rss+xml' } });
    firefox = await launchWithExtension({
      dist: DIST,
      geckoId: GECKO_ID,
      uuid: UUID,
      prefs: {
        // Install without host permissions: what a user who revoked them in about:addons has.
        'extensions.originControls.grantByDefault': false,
        // Answer permission prompts "Allow" without drawing them (nobody can click a headless doorhanger).
        // Firefox still refuses requests made outside user input, as it does with the prompt.
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    tab = await firefox.openTab({ width: 1000, height: 800 });
    await tab.navigate(firefox.url(OPTIONS));
    await tab.evaluate(`(async () => {
      const input = document.getElementById('feed-url');
      input.value = ${feedUrl()};
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve));
    })()`);
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('installs without host permissions and says so at the top of the options page', async () => {
    expect(await tab.evaluate(`browser.permissions.contains({ origins: ${HOST_ORIGINS} })`)).toBe(false);
    expect(await tab.waitFor(bannerHeading, 'the access banner')).toBe("Mirror Reader can't read feeds: access to websites is turned off");
    expect(await tab.evaluate(`document.querySelector('main > h1 + section') === document.querySelector('.access-banner')`)).toBe(true);
  });

  it('the background script refuses to subscribe without fetching', async () => {
    const reply = await tab.evaluate(`browser.runtime.sendMessage({ type: 'subscribe', payload: { url: ${feedUrl()} } })`);
    expect(reply).toEqual({ ok: false, error: { code: 'no-access', params: { host: new URL(server.origin).host } } });
    expect(server.hits.get('/feed.xml')).toBeUndefined();
  });

  it('a scripted click on Find feeds is no user input: Firefox refuses to ask, and the worker says why without fetching', async () => {
    await tab.evaluate(`document.querySelector('form button[type=submit]').click()`);
    expect(await tab.waitFor(formAlert, 'the form alert')).toEqual([
      `Mirror Reader is not allowed to read ${new URL(server.origin).host}, so the feed was not fetched. Allow access to websites at the top of the options page.`,
    ]);
    expect(server.hits.get('/feed.xml')).toBeUndefined();
  });

  it('a real click on Find feeds asks for access first, then previews and subscribes, and the banner goes away', async () => {
    await tab.click('form button[type=submit]');
    const previewed = await tab.waitFor<string>(
      `(!document.querySelector('[aria-busy=true]') && document.querySelector('form [role=alert]')?.innerText) || document.getElementById('preview-title')?.textContent`,
      'the preview',
    );
    expect(previewed).toBe('Mirror Test Feed');
    await tab.evaluate(`document.querySelector('.candidates button.primary').click()`);
    const outcome = await tab.waitFor<string>(
      `(!document.querySelector('[aria-busy=true]') && document.querySelector('form [role=alert]')?.innerText) || (document.querySelector('[role=status]')?.textContent.startsWith('Subscribed') && document.querySelector('[role=status]').textContent)`,
      'the subscribe outcome',
    );
    expect(outcome).toBe('Subscribed to Mirror Test Feed.');
    expect(server.hits.get('/feed.xml')).toBe(2);
    expect(await tab.evaluate(`browser.permissions.contains({ origins: ${HOST_ORIGINS} })`)).toBe(true);
    expect(await tab.waitFor(`!document.querySelector('.access-banner') && 'gone'`, 'the banner to go away')).toBe('gone');
  });

  it('access withdrawn while pages are open: the banner and the popup notice come back, and the banner button allows it again', async () => {
    const popup = await firefox.openTab();
    await popup.navigate(firefox.url(POPUP));
    await popup.waitFor(`document.querySelectorAll('.entries li').length === 2`, 'the popup entries');
    expect(await popup.evaluate(`document.querySelector('.access-notice')`)).toBeNull();

    await tab.evaluate(`browser.permissions.remove({ origins: ${HOST_ORIGINS} })`);
    expect(await tab.waitFor(bannerHeading, 'the access banner')).toContain('access to websites is turned off');
    expect(await popup.waitFor(`document.querySelector('.access-notice')?.textContent`, 'the popup notice')).toBe("Feeds can't update: access to websites is off.Allow…");

    await tab.click('.access-banner button');
    expect(await tab.waitFor(`!document.querySelector('.access-banner') && 'gone'`, 'the banner to go away')).toBe('gone');
    expect(await popup.waitFor(`!document.querySelector('.access-notice') && 'gone'`, 'the popup notice to go away')).toBe('gone');
  });
});

describe('web-ext lint on dist-firefox/', () => {
  it('reports no errors', async () => {
    const report = await lintBuild(DIST);
    expect(report.errors).toEqual([]);
  });
});
