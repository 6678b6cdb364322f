// Video players in the reader, in Firefox ESR over WebDriver BiDi: the background page's declarativeNetRequest
// rule (scoped to the extension's moz-extension UUID) sends YouTube's player its own origin as Referer, and the
// other players get none. Firefox has no host-resolver switch: its manual-proxy prefs send every HTTPS
// connection through a local CONNECT proxy to the HTTPS player server, which records the Referer each frame
// request brought; the session accepts that server's own certificate. Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feed-server';
import { launchWithExtension, type ExtensionFirefox } from './firefox/extension-firefox';
import { DIST, firefoxTestFile, GECKO_ID, installed, skipReason } from './firefox/suite';
import type { Tab } from './firefox/tab';
import { minutesAgo, rssRoute } from './support/fixtures';
import { startPlayerServer, type PlayerServer } from './support/player-server';

const UUID = '7d3c5e1a-2b4f-4c6d-9e8a-1f0b2c3d4e5f';
const OPTIONS = 'src/pages/options/index.html';
const READER = 'src/pages/reader/index.html';

firefoxTestFile('embed');

describe.skipIf(!installed)(`Firefox video players${installed ? '' : ` (${skipReason})`}`, () => {
  let server: FeedServer;
  let player: PlayerServer;
  let firefox: ExtensionFirefox;
  let tab: Tab;

  beforeAll(async () => {
    [server, player] = await Promise.all([startFeedServer(), startPlayerServer()]);
    const html = '<p>Watch these.</p><iframe src="https://www.youtube.com/embed/abcDEF12345"></iframe><iframe src="https://player.vimeo.com/video/76979871"></iframe>';
    server.routes.set('/videos.xml', rssRoute({ title: 'Video Notes', link: `${server.origin}/`, items: [{ guid: 'v', title: 'Two players', link: `${server.origin}/posts/v`, published: minutesAgo(5), html }] }));
    firefox = await launchWithExtension({
      dist: DIST,
      geckoId: GECKO_ID,
      uuid: UUID,
      // Manual proxy for HTTPS only: the feed server (plain HTTP on 127.0.0.1) is reached directly.
      prefs: { 'network.proxy.type': 1, 'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': player.proxyPort },
      capabilities: { acceptInsecureCerts: true },
    });
    tab = await firefox.openTab({ width: 1000, height: 900 });
    await tab.navigate(firefox.url(OPTIONS));
    await tab.waitFor(`document.getElementById('feed-url')`, 'the options page');
    expect(await tab.evaluate(`browser.runtime.sendMessage(${JSON.stringify({ type: 'subscribe', payload: { url: `${server.origin}/videos.xml` } })})`)).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await firefox?.close();
    await Promise.all([server, player].map((running) => running?.close()));
  });

  /** Wait (15 s at most) until the players received the frame request for `path`, and return it. */
  async function received(path: string): Promise<unknown> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const request = player.requests.find((candidate) => candidate.path.startsWith(path));
      if (request) return request;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no request for ${path}; the players saw: ${JSON.stringify(player.requests)}`);
  }

  it('sends YouTube its own origin as Referer, and Vimeo none', async () => {
    const id = await tab.evaluate<number>(`new Promise((resolve, reject) => {
      const open = indexedDB.open('mirror-reader');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const all = open.result.transaction('entries').objectStore('entries').getAll();
        all.onsuccess = () => resolve(all.result[0].id);
      };
    })`);
    await tab.navigate(firefox.url(READER) + `#entry=${id}`);
    await tab.waitFor(`document.querySelectorAll('article iframe').length === 2 || undefined`, 'the two players');
    // The frames load lazily: bring each into view.
    await tab.evaluate(`(async () => { for (const frame of document.querySelectorAll('article iframe')) { frame.scrollIntoView(); await new Promise((resolve) => setTimeout(resolve, 200)); } return true; })()`);

    expect(await received('/embed/abcDEF12345')).toEqual({ host: 'www.youtube-nocookie.com', path: '/embed/abcDEF12345', referer: 'https://www.youtube-nocookie.com/', dest: 'iframe' });
    expect(await received('/video/76979871')).toEqual({ host: 'player.vimeo.com', path: '/video/76979871?dnt=1', dest: 'iframe' });
  });
});
