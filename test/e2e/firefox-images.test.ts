// Mirror images in Firefox ESR over WebDriver BiDi: the reader shows a mirrored entry's picture from its CDN
// copy, a Referer rule set in the settings reaches a host that demands its own site's Referer (the background
// page installs it with declarativeNetRequest, scoped to the extension's moz-extension UUID), and a starred
// entry's pictures, kept by the background page, show from object URLs with every image host stopped.
// Needs `npm run build` first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../../scripts/feed-server';
import { launchWithExtension, type ExtensionFirefox } from './firefox/extension-firefox';
import { DIST, firefoxTestFile, GECKO_ID, installed, skipReason } from './firefox/suite';
import type { Tab } from './firefox/tab';
import { minutesAgo, mirrorRoute } from './support/fixtures';
import { PICTURE_WIDTH, startImageServer, type ImageServer } from './support/image-server';

const UUID = '5b0e2c1d-8a47-4f3e-b6d9-2c7a9e4f1d30';
const OPTIONS = 'src/pages/options/index.html';
const READER = 'src/pages/reader/index.html';

firefoxTestFile('image');

/** Send a command from an extension page, as the pages do. */
function command(tab: Tab, type: string, payload: unknown): Promise<{ ok: boolean }> {
  return tab.evaluate(`browser.runtime.sendMessage(${JSON.stringify({ type, payload })})`);
}

/**
 * The article's pictures by alt text, once each has loaded or been marked broken: src and natural width.
 * Polled (a picture that loads changes no DOM a MutationObserver would see), failing after 15 s with `what`.
 */
function pictures(tab: Tab, what: string): Promise<Record<string, { src: string; width: number }>> {
  return tab.evaluate(`new Promise((resolve, reject) => {
    const deadline = Date.now() + 15000;
    const timer = setInterval(() => {
      const images = [...document.querySelectorAll('article img')];
      const settled = images.length === 2 && images.every((img) => (img.complete && img.naturalWidth > 0) || img.classList.contains('img-broken'));
      if (settled) {
        clearInterval(timer);
        resolve(Object.fromEntries(images.map((img) => [img.alt, { src: img.getAttribute('src'), width: img.naturalWidth }])));
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(${JSON.stringify('Timed out waiting for ')} + ${JSON.stringify(what)} + ': ' + document.querySelector('article')?.innerHTML));
      }
    }, 50);
  })`);
}

describe.skipIf(!installed)(`Firefox images${installed ? '' : ` (${skipReason})`}`, () => {
  let server: FeedServer;
  let original: ImageServer; // 127.0.0.1: refuses a foreign Referer
  let cdn: ImageServer; // 127.0.0.1: the mirror's CDN
  let own: ImageServer; // localhost: only its own site's Referer
  let firefox: ExtensionFirefox;
  let tab: Tab;
  let reader: string;

  beforeAll(async () => {
    [original, cdn, own] = await Promise.all([startImageServer('refuse-foreign'), startImageServer('any'), startImageServer('require-own', 'localhost')]);
    server = await startFeedServer();
    const html = `<p>Two pictures.</p><p><img src="${original.origin}/a.png" alt="copy"></p><p><img src="${own.origin}/d.png" alt="own referer"></p>`;
    const images = { [`${original.origin}/a.png`]: `${cdn.origin}/a.png`, [`${own.origin}/d.png`]: null };
    server.routes.set('/mirror.json', mirrorRoute({ id: 9, name: 'Firefox mirror', url: `${server.origin}/f.xml` }, [{ title: 'Pictures', link: `${server.origin}/posts/p`, published: minutesAgo(3), linkMd5: 'f1f2f3', html, images }]));
    firefox = await launchWithExtension({ dist: DIST, geckoId: GECKO_ID, uuid: UUID });
    tab = await firefox.openTab({ width: 1000, height: 900 });
    await tab.navigate(firefox.url(OPTIONS));
    await tab.waitFor(`document.getElementById('feed-url')`, 'the options page');
    expect(await command(tab, 'subscribe', { url: `${server.origin}/mirror.json` })).toMatchObject({ ok: true });
    const id = await tab.evaluate<number>(`new Promise((resolve, reject) => {
      const open = indexedDB.open('mirror-reader');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const all = open.result.transaction('entries').objectStore('entries').getAll();
        all.onsuccess = () => resolve(all.result[0].id);
      };
    })`);
    reader = firefox.url(READER) + `#entry=${id}`;
  });

  afterAll(async () => {
    await firefox?.close();
    await Promise.all([server, original, cdn, own].map((running) => running?.close()));
  });

  it('shows the template syntax in Options → Images as written ("$$" is a literal "$" in Firefox too)', async () => {
    await tab.navigate(firefox.url(OPTIONS));
    const hint = await tab.waitFor<string>(`document.getElementById('image-rule-hint')?.textContent`, 'the image rule hint');
    expect(hint).toContain("${href_ue} is the picture's address, URL-encoded; ${host}, ${pathname}");
  });

  it('renders the mirrored entry with its picture from the CDN copy; the strict host refuses without a rule', async () => {
    await tab.navigate(reader);
    const state = await pictures(tab, 'the pictures to load or fail');
    expect(state).toEqual({ copy: { src: `${cdn.origin}/a.png`, width: PICTURE_WIDTH }, 'own referer': { src: `${own.origin}/d.png`, width: 0 } });
    expect(original.requests).toEqual([]);
    expect(own.requests).toEqual([{ path: '/d.png', referer: undefined, status: 403 }]);
  });

  it('sends the Referer a rule in the settings names, through declarativeNetRequest', async () => {
    expect(await command(tab, 'update-settings', { patch: { refererRules: [{ hosts: ['localhost'], referer: `${own.origin}/` }] } })).toMatchObject({ ok: true });
    own.requests.length = 0;
    await tab.navigate(firefox.url(OPTIONS));
    await tab.navigate(reader);
    const state = await pictures(tab, 'the strict host to show its picture');
    expect(state['own referer']).toEqual({ src: `${own.origin}/d.png`, width: PICTURE_WIDTH });
    expect(own.requests).toEqual([{ path: '/d.png', referer: `${own.origin}/`, status: 200 }]);
    // Only the rule's host: the CDN on 127.0.0.1 saw no Referer.
    expect(cdn.requests.filter((request) => request.referer !== undefined)).toEqual([]);
  });

  it('installs the rule for the extension\'s own requests (initiator: the moz-extension UUID), matched as resourceType "image"', async () => {
    // Firefox fills every absent field with null: dropped, to compare with what was installed.
    // The Referer rules' ids (1000–1999; the video players' rule has ids of its own).
    const installed = await tab.evaluate(`browser.declarativeNetRequest.getDynamicRules().then((rules) => JSON.parse(JSON.stringify(rules.filter((rule) => rule.id >= 1000 && rule.id <= 1999), (key, value) => (value === null ? undefined : value))))`);
    expect(installed).toEqual([
      {
        id: 1000,
        priority: 1,
        action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: `${own.origin}/` }] },
        condition: { requestDomains: ['localhost'], resourceTypes: ['image', 'media', 'xmlhttprequest'], initiatorDomains: [UUID] },
      },
    ]);
    // The same rule for media only no longer reaches the picture; for images only it does.
    const probe = async (resourceTypes: string[]) => {
      const rule = { ...(installed as { condition: object }[])[0]!, condition: { requestDomains: ['localhost'], resourceTypes, initiatorDomains: [UUID] } };
      await tab.evaluate(`browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [1000], addRules: [${JSON.stringify(rule)}] })`);
      own.requests.length = 0;
      await tab.navigate(firefox.url(OPTIONS));
      await tab.navigate(reader);
      return (await pictures(tab, `the picture with a rule for ${resourceTypes.join(', ')}`))['own referer']?.width;
    };
    expect(await probe(['media'])).toBe(0);
    expect(own.requests).toEqual([{ path: '/d.png', referer: undefined, status: 403 }]);
    expect(await probe(['image'])).toBe(PICTURE_WIDTH);
    expect(own.requests).toEqual([{ path: '/d.png', referer: `${own.origin}/`, status: 200 }]);
  });

  it("keeps a starred entry's pictures in the background page and shows them with every image host stopped", async () => {
    // The settings' rule again (the probes above replaced it): the background's fetch of d.png needs it too.
    await command(tab, 'update-settings', { patch: { refererRules: [{ hosts: ['localhost'], referer: `${own.origin}/` }] } });
    const entryId = Number(new URL(reader).hash.replace('#entry=', ''));
    expect(await command(tab, 'set-starred', { entryIds: [entryId], starred: true })).toMatchObject({ ok: true });
    const kept = await tab.evaluate<string[][]>(`new Promise((resolve, reject) => {
      const deadline = Date.now() + 15000;
      const read = () => {
        const open = indexedDB.open('mirror-reader');
        open.onsuccess = () => {
          const all = open.result.transaction('images').objectStore('images').getAll();
          all.onsuccess = () => {
            open.result.close();
            if (all.result.length === 2) resolve(all.result.map((row) => [row.url, row.source, row.blob.type]).sort());
            else if (Date.now() > deadline) reject(new Error('kept: ' + all.result.length));
            else setTimeout(read, 100);
          };
        };
      };
      read();
    })`);
    expect(kept).toEqual([
      [`${original.origin}/a.png`, `${cdn.origin}/a.png`, 'image/png'],
      [`${own.origin}/d.png`, `${own.origin}/d.png`, 'image/png'],
    ]);
    await Promise.all([original, cdn, own].map((running) => running.close()));
    await tab.navigate(firefox.url(OPTIONS));
    await tab.navigate(reader);
    const state = await pictures(tab, 'the kept pictures');
    expect(Object.values(state).map((picture) => [picture.src.startsWith(`blob:moz-extension://${UUID}/`), picture.width])).toEqual([
      [true, PICTURE_WIDTH],
      [true, PICTURE_WIDTH],
    ]);
  });
});
