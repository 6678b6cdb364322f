// What Firefox's background script learns of redirects and servers, through the same code as Chromium's worker:
// webRequest names a 308 (so the stored address moves at once) and a 302 (so it never does), a redirect loop
// ends in redirect-loop, and a Retry-After holds Refresh off. Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirect, retryAfter } from '../../scripts/fault-routes';
import { startFeedServer, type FeedServer } from '../../scripts/feed-server';
import type { FeedRow } from '../../src/db/model';
import { launchWithExtension, type ExtensionFirefox } from './firefox/extension-firefox';
import { DIST, firefoxTestFile, GECKO_ID, installed, skipReason } from './firefox/suite';
import type { Tab } from './firefox/tab';

const UUID = '5b1f0c3a-9d2e-4c47-8e6f-2a7b9c0d1e3f';

const rss = (title: string) => ({
  body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>http://example.com/</link><item><title>${title} one</title><guid>${title}-1</guid></item></channel></rss>`,
  contentType: 'application/rss+xml',
});

firefoxTestFile('worker');

describe.skipIf(!installed)(`Firefox's background script polling${installed ? '' : ` (${skipReason})`}`, () => {
  let server: FeedServer;
  let firefox: ExtensionFirefox;
  let tab: Tab;

  beforeAll(async () => {
    server = await startFeedServer({ '/perm.xml': rss('Permanent'), '/temp.xml': rss('Temporary'), '/loop.xml': rss('Looping'), '/busy.xml': rss('Busy') });
    firefox = await launchWithExtension({ dist: DIST, geckoId: GECKO_ID, uuid: UUID });
    tab = await firefox.openTab();
    await tab.navigate(firefox.url('src/pages/options/index.html'));
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  /** Send a command from the options page, as the pages do. */
  const send = (type: string, payload: object) => tab.evaluate<{ ok: boolean; value?: unknown; error?: unknown }>(`browser.runtime.sendMessage(${JSON.stringify({ type, payload })})`);

  /** The stored feeds, read with Dexie's own database from the page. */
  const feeds = () =>
    tab.evaluate<FeedRow[]>(`new Promise((done, fail) => {
      const open = indexedDB.open('mirror-reader');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => { const all = open.result.transaction('feeds').objectStore('feeds').getAll(); all.onsuccess = () => { open.result.close(); done(all.result); }; };
    })`);
  const feedNamed = async (title: string) => (await feeds()).find((feed) => feed.title === title)!;

  it('moves the stored address at once for a 308 and never for a 302, as in Chromium', async () => {
    for (const path of ['/perm.xml', '/temp.xml', '/loop.xml', '/busy.xml']) expect(await send('subscribe', { url: server.origin + path })).toMatchObject({ ok: true });
    server.routes.set('/perm.xml', redirect('/perm-new.xml', 308));
    server.routes.set('/perm-new.xml', rss('Permanent'));
    server.routes.set('/temp.xml', redirect('/temp-new.xml', 302));
    server.routes.set('/temp-new.xml', rss('Temporary'));
    server.routes.set('/loop.xml', redirect('/loop.xml', 307));
    server.routes.set('/busy.xml', retryAfter(503, '7200'));

    expect(await send('refresh', {})).toMatchObject({ ok: true, value: { feeds: 4, failed: 2 } });

    expect(await feedNamed('Permanent')).toMatchObject({ url: `${server.origin}/perm-new.xml`, servedUrl: `${server.origin}/perm-new.xml` });
    expect(await feedNamed('Temporary')).toMatchObject({ url: `${server.origin}/temp.xml`, servedUrl: `${server.origin}/temp.xml` });
    expect((await feedNamed('Looping')).lastError).toEqual({ code: 'redirect-loop', params: { host: new URL(server.origin).host } });
    expect((await feedNamed('Busy')).lastError).toMatchObject({ code: 'rate-limited', params: { status: 503 } });
  });

  it('leaves a server that sent Retry-After alone on the next Refresh', async () => {
    const asked = server.hits.get('/busy.xml');
    await send('refresh', {});
    expect(server.hits.get('/busy.xml')).toBe(asked);
  });
});
