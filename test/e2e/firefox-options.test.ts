// The options page in Firefox ESR over WebDriver BiDi: subscribe by a web page's address (the page links its
// feed: Find feeds, preview, Subscribe) and Import OPML (a file with folders, a duplicate and a broken
// outline; the report, the folders stored, the feeds fetched by the background script). Needs `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feed-server';
import { htmlPage, minutesAgo, rssRoute } from './support/fixtures';
import { launchWithExtension, type ExtensionFirefox } from './firefox/extension-firefox';
import { DIST, firefoxTestFile, GECKO_ID, installed, skipReason } from './firefox/suite';
import type { Tab } from './firefox/tab';

const UUID = '5b0f3c2e-8d4a-4c71-b6e9-2a7f1d3c9e04';
const OPTIONS = 'src/pages/options/index.html';

firefoxTestFile('options');

const channel = (title: string, guid: string) => rssRoute({ title, link: 'http://site.example/', items: [{ guid, title: `${title} post`, link: `http://site.example/${guid}`, published: minutesAgo(5) }] });

/** Every row of one IndexedDB table, read in the page (same origin as the background script). */
const readTable = (table: string) => `new Promise((resolve, reject) => {
  const open = indexedDB.open('mirror-reader');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const request = open.result.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).getAll();
    request.onsuccess = () => { open.result.close(); resolve(request.result); };
    request.onerror = () => reject(request.error);
  };
})`;

describe.skipIf(!installed)(`Firefox ESR: the options page${installed ? '' : ` (${skipReason})`}`, () => {
  let server: FeedServer;
  let firefox: ExtensionFirefox;
  let tab: Tab;

  beforeAll(async () => {
    server = await startFeedServer({ '/alpha.xml': channel('Alpha Weekly', 'a'), '/beta.xml': channel('Beta Daily', 'b'), '/blog/': htmlPage('Our blog', [{ href: '/alpha.xml', type: 'application/rss+xml', title: 'RSS' }]) });
    firefox = await launchWithExtension({ dist: DIST, geckoId: GECKO_ID, uuid: UUID });
    tab = await firefox.openTab({ width: 1000, height: 900 });
    await tab.navigate(firefox.url(OPTIONS));
    await tab.waitFor(`document.getElementById('feed-url')`, 'the options page');
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('subscribes by a page address: the feed it links to is found and previewed first', async () => {
    await tab.evaluate(`(async () => {
      const input = document.getElementById('feed-url');
      input.value = ${JSON.stringify(`${server.origin}/blog/`)};
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve));
      document.querySelector('form button[type=submit]').click();
    })()`);
    const found = await tab.waitFor<{ title: string; source: string }>(
      `document.querySelector('[role=alert]')?.innerText || (document.getElementById('preview-title') && { title: document.getElementById('preview-title').textContent, source: document.querySelector('.candidates .source').textContent })`,
      'the preview',
    );
    expect(found).toEqual({ title: 'Alpha Weekly', source: 'Linked from the page.' });
    await tab.evaluate(`document.querySelector('.candidates button.primary').click()`);
    expect(await tab.waitFor(`document.querySelector('[role=status]')?.textContent.startsWith('Subscribed') && document.querySelector('[role=status]').textContent`, 'the subscribe outcome')).toBe(
      'Subscribed to Alpha Weekly.',
    );
  });

  it('imports an OPML file: folders kept, the duplicate skipped, the broken outline named, the feeds fetched', async () => {
    const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><body>
  <outline text="Daily"><outline type="rss" text="Beta" xmlUrl="${server.origin}/beta.xml"/><outline type="rss" text="Broken"/></outline>
  <outline type="rss" text="Alpha again" xmlUrl="${server.origin}/alpha.xml"/>
</body></opml>`;
    // The file as the user picks it: a File in the input, then its change event.
    await tab.evaluate(`(() => {
      const input = document.getElementById('import-opml');
      const files = new DataTransfer();
      files.items.add(new File([${JSON.stringify(opml)}], 'mine.opml', { type: 'text/x-opml' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    const report = await tab.waitFor<string[]>(`document.querySelector('.report') && [...document.querySelectorAll('.report p, .report li')].map((node) => node.textContent)`, 'the import report');
    expect(report).toEqual(['Added 1 feed and 1 new folder.', 'Skipped 1 feed already subscribed: Alpha again.', '1 outline could not be imported.', '“Broken” (line 3): it has no feed address.']);
    expect(await tab.evaluate<{ name: string }[]>(readTable('folders'))).toEqual([{ id: 1, name: 'Daily', position: 0 }]);
    // Fetched by the background script: the feed keeps the name the file gave it, in its folder, with its entry
    // (its own title, stored beside that name, came with the poll).
    const beta = await tab.waitFor<string>(
      `(() => { const row = [...document.querySelectorAll('section.folder')].find((section) => section.querySelector('h3').textContent.startsWith('Daily'))?.querySelector('.feed-row'); return row?.querySelector('.name')?.textContent === 'Beta' && row.textContent.includes('1 unread') && 'Beta'; })()`,
      'the imported feed, polled, under the name the file gave it',
    );
    expect(beta).toBe('Beta');
    const feeds = await tab.evaluate<{ title: string; customTitle?: string }[]>(readTable('feeds'));
    expect(feeds.map((feed) => [feed.title, feed.customTitle]).sort()).toEqual([['Alpha Weekly', undefined], ['Beta Daily', 'Beta']]);
    const entries = await tab.evaluate<{ title: string }[]>(readTable('entries'));
    expect(entries.map((entry) => entry.title).sort()).toEqual(['Alpha Weekly post', 'Beta Daily post']);
  });
});
