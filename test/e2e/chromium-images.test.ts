// Mirror images in real Chromium, against image hosts on this machine: one refuses a foreign Referer, one
// demands its own site's (only a Referer rule gets past it), a CDN lost some files and another CDN is down.
// Every picture with a working candidate must display (naturalWidth > 0), the Referer rules set in the settings
// must reach the network through declarativeNetRequest, and a starred entry's pictures must display with every
// image host stopped.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refererDnrRules, type RefererRule } from '../../src/images';
import { minutesAgo, mirrorRoute } from './support/fixtures';
import type { ImageRow } from '../../src/db/model';
import { command, currentWorker, eventually, readStore, startHarness, storedEntries, subscribe, type Harness } from './support/harness';
import { deadPort, PICTURE_SIZE, PICTURE_WIDTH, startImageServer, type ImageServer } from './support/image-server';

let h: Harness;
let strict: ImageServer; // 127.0.0.1: 403 to a foreign Referer
let own: ImageServer; // localhost: 403 unless the Referer is its own site
let cdn: ImageServer; // 127.0.0.1: the mirror's CDN, which lost b.png
let down: string; // a CDN host nothing answers on

/** The article's pictures by their alt text. */
const ALTS = ['copy', 'lost copy', 'copy down', 'own referer', 'proxy down', 'nothing works'] as const;

beforeAll(async () => {
  h = await startHarness();
  [strict, own, cdn] = await Promise.all([startImageServer('refuse-foreign'), startImageServer('require-own', 'localhost'), startImageServer('any')]);
  down = `http://127.0.0.1:${await deadPort()}`;
  cdn.missing.add('/b.png');
  const site = h.server.origin;
  const html = [
    `<p>Pictures from six hosts.</p>`,
    `<p><img src="${strict.origin}/a.png" alt="copy"></p>`,
    `<p><img src="${strict.origin}/b.png" alt="lost copy"></p>`,
    `<p><img src="${strict.origin}/c.png" alt="copy down"></p>`,
    `<p><img src="${own.origin}/d.png" alt="own referer"></p>`,
    `<p><img src="${down}/?${strict.origin}/e.png" alt="proxy down"></p>`,
    `<p><img src="${down}/f.png" alt="nothing works"></p>`,
  ].join('\n');
  const images = { [`${strict.origin}/a.png`]: `${cdn.origin}/a.png`, [`${strict.origin}/b.png`]: `${cdn.origin}/b.png`, [`${strict.origin}/c.png`]: `${down}/c.png`, [`${own.origin}/d.png`]: null };
  h.server.routes.set('/mirror.json', mirrorRoute({ id: 3, name: 'Picture mirror', url: `${site}/pictures.xml` }, [{ title: 'Six hosts', link: `${site}/posts/six`, published: minutesAgo(5), linkMd5: 'a1b2c3', html, images }]));
  await subscribe(h, '/mirror.json');
});

afterAll(async () => {
  await h?.close();
  await Promise.all([strict, own, cdn].map((server) => server?.close()));
});

/** Each picture's state by alt text: its current src and its natural width (0 until it displays). */
async function pictures(reader: Page): Promise<Record<string, { src: string | null; width: number; broken: boolean }>> {
  return reader.locator('article img').evaluateAll((images: HTMLImageElement[]) =>
    Object.fromEntries(images.map((img) => [img.alt, { src: img.getAttribute('src'), width: img.complete ? img.naturalWidth : 0, broken: img.classList.contains('img-broken') }])),
  );
}

/** Install `rules` straight into DNR, each changed by `edit`: for probing what the browser matches. */
async function rawRefererRules(rules: RefererRule[], edit: (rule: ReturnType<typeof refererDnrRules>[number]) => object): Promise<void> {
  const addRules = refererDnrRules(rules, { initiatorDomains: [h.ext.extensionId] }).map(edit);
  const worker = await currentWorker(h);
  await worker.evaluate(async (add) => {
    const dnr = (globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<{ id: number }[]>; updateDynamicRules(o: object): Promise<void> } } }).chrome.declarativeNetRequest;
    // The Referer rules' own ids (1000–1999): the video players' rule (2000…) stays.
    const removeRuleIds = (await dnr.getDynamicRules()).map((rule) => rule.id).filter((id) => id >= 1000 && id <= 1999);
    await dnr.updateDynamicRules({ removeRuleIds, addRules: add });
  }, addRules);
}

let reader: Page;
const displayed = (state: { width: number }) => state.width;

describe('mirror images in Chromium', () => {
  it('shows every picture that has a working candidate, without sending a Referer', async () => {
    const [entry] = await storedEntries(h.control);
    reader = await h.open('reader', `#entry=${entry!.id}`);
    // Settled when each picture displays or is given up: under load the others can still be on a candidate
    // when the two that have none are already marked broken.
    const settled = (states: Awaited<ReturnType<typeof pictures>>) => Object.values(states).map((state) => (state.broken ? 'broken' : state.width > 0 ? 'shown' : 'loading'));
    await eventually(async () => settled(await pictures(reader))).toEqual(['shown', 'shown', 'shown', 'broken', 'shown', 'broken']);
    const state = await pictures(reader);
    expect(Object.keys(state)).toEqual([...ALTS]);
    expect(state['copy']).toEqual({ src: `${cdn.origin}/a.png`, width: PICTURE_WIDTH, broken: false });
    expect(state['lost copy']).toEqual({ src: `${strict.origin}/b.png`, width: PICTURE_WIDTH, broken: false });
    expect(state['copy down']).toEqual({ src: `${strict.origin}/c.png`, width: PICTURE_WIDTH, broken: false });
    expect(state['proxy down']).toEqual({ src: `${strict.origin}/e.png`, width: PICTURE_WIDTH, broken: false });
    // Without a Referer rule the strict host refuses, and no other candidate exists.
    expect(state['own referer']?.broken).toBe(true);
    expect(state['nothing works']?.broken).toBe(true);
    // The hotlink-protected host never saw a Referer, so it never refused.
    expect(strict.requests.map((request) => [request.path, request.referer, request.status])).toEqual(
      expect.arrayContaining([
        ['/b.png', undefined, 200],
        ['/c.png', undefined, 200],
        ['/e.png', undefined, 200],
      ]),
    );
    expect(strict.requests.filter((request) => request.referer !== undefined || request.status !== 200)).toEqual([]);
    expect(own.requests).toEqual([{ path: '/d.png', referer: undefined, status: 403 }]);
  });

  it('sends the Referer a rule in the settings names, to that host only, through an <img referrerpolicy="no-referrer">', async () => {
    expect(await command(h.control, 'update-settings', { patch: { refererRules: [{ hosts: ['localhost'], referer: `${own.origin}/` }] } })).toEqual({ ok: true, value: null });
    own.requests.length = 0;
    strict.requests.length = 0;
    await reader.reload();
    await eventually(async () => displayed((await pictures(reader))['own referer'] ?? { width: 0 })).toBe(PICTURE_WIDTH);
    expect(await reader.locator('img[alt="own referer"]').getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(own.requests).toEqual([{ path: '/d.png', referer: `${own.origin}/`, status: 200 }]);
    // The worker installed it for the extension's own requests only (initiator: the extension id), among the
    // Referer rules' ids (1000–1999; the video players' rule has ids of its own).
    const installed = await (await currentWorker(h)).evaluate(async () => (await (globalThis as unknown as { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<{ id: number }[]> } } }).chrome.declarativeNetRequest.getDynamicRules()).filter((rule) => rule.id >= 1000 && rule.id <= 1999));
    expect(installed).toEqual([
      {
        id: 1000,
        priority: 1,
        action: { type: 'modifyHeaders', requestHeaders: [{ header: 'referer', operation: 'set', value: `${own.origin}/` }] },
        condition: { requestDomains: ['localhost'], resourceTypes: ['image', 'media', 'xmlhttprequest'], initiatorDomains: [h.ext.extensionId] },
      },
    ]);
    // requestDomains: 127.0.0.1 is another host, its requests keep no Referer.
    expect(strict.requests.filter((request) => request.referer !== undefined)).toEqual([]);
  });

  it('remembers the host that was down for the session: after a reload its copy is tried last', async () => {
    // The reload above started from the session's record: the dead CDN's copy was not the first choice.
    const state = await pictures(reader);
    expect(state['copy down']).toEqual({ src: `${strict.origin}/c.png`, width: PICTURE_WIDTH, broken: false });
    expect(await reader.locator('img[alt="copy down"]').getAttribute('data-fallbacks')).toBe(`${down}/c.png`);
    expect(await reader.evaluate(() => JSON.parse(sessionStorage.getItem('mirror-reader.image-hosts') ?? '{}'))).toEqual({ failed: expect.arrayContaining([new URL(down).host]), loaded: expect.arrayContaining([new URL(cdn.origin).host]) });
  });

  it('matches <img> loads of an extension tab as resourceType "image", initiated by the extension id', async () => {
    const rules: RefererRule[] = [{ hosts: ['localhost'], referer: `${own.origin}/` }];
    // The same rule for media requests only: the picture is refused again.
    await rawRefererRules(rules, (rule) => ({ ...rule, condition: { ...rule.condition, resourceTypes: ['media'] } }));
    own.requests.length = 0;
    await reader.reload();
    await eventually(async () => (await pictures(reader))['own referer']?.broken).toBe(true);
    expect(own.requests).toEqual([{ path: '/d.png', referer: undefined, status: 403 }]);
    // Image only, from the extension: it loads.
    await rawRefererRules(rules, (rule) => ({ ...rule, condition: { ...rule.condition, resourceTypes: ['image'] } }));
    own.requests.length = 0;
    await reader.reload();
    await eventually(async () => displayed((await pictures(reader))['own referer'] ?? { width: 0 })).toBe(PICTURE_WIDTH);
    expect(own.requests).toEqual([{ path: '/d.png', referer: `${own.origin}/`, status: 200 }]);
  });

  it("keeps a starred entry's pictures offline and shows them with every image host stopped", async () => {
    // The settings' rule again (the probe above replaced it): the worker's fetch of d.png needs it too.
    await command(h.control, 'update-settings', { patch: { refererRules: [{ hosts: ['localhost'], referer: `${own.origin}/` }] } });
    const [entry] = await storedEntries(h.control);
    expect(await command(h.control, 'set-starred', { entryIds: [entry!.id], starred: true })).toEqual({ ok: true, value: { count: 1 } });
    // Sorted by key: the 127.0.0.1 pictures, then localhost's.
    const kept = async () => (await readStore<ImageRow>(h.control, 'images')).map((row) => [row.url, row.source, row.size, row.entryIds]).sort();
    await eventually(async () => (await kept()).length).toBe(5);
    expect(await kept()).toEqual(
      [
        [`${strict.origin}/a.png`, `${cdn.origin}/a.png`],
        [`${strict.origin}/b.png`, `${strict.origin}/b.png`],
        [`${strict.origin}/c.png`, `${strict.origin}/c.png`],
        [`${strict.origin}/e.png`, `${strict.origin}/e.png`],
        [`${own.origin}/d.png`, `${own.origin}/d.png`],
      ].map(([url, source]) => [url, source, PICTURE_SIZE, [entry!.id]]),
    );
    // The worker's fetch of the strict host's picture carried the rule's Referer (DNR, resourceType xmlhttprequest).
    expect(own.requests.at(-1)).toEqual({ path: '/d.png', referer: `${own.origin}/`, status: 200 });

    await Promise.all([strict, own, cdn].map((server) => server.close()));
    await reader.reload();
    await eventually(async () => Object.values(await pictures(reader)).filter((state) => state.width === PICTURE_WIDTH).length).toBe(5);
    const state = await pictures(reader);
    for (const alt of ['copy', 'lost copy', 'copy down', 'own referer', 'proxy down']) expect(state[alt]?.src, alt).toMatch(/^blob:chrome-extension:\/\//);
    expect(state['nothing works']?.width).toBe(0);
  });

  it('frees the pictures when the entry is unstarred', async () => {
    const [entry] = await storedEntries(h.control);
    await command(h.control, 'set-starred', { entryIds: [entry!.id], starred: false });
    await eventually(async () => (await readStore<ImageRow>(h.control, 'images')).length).toBe(0);
  });

  it('Options → Images: the template syntax reads as written, and the tester lists the candidates in order', async () => {
    const options = await h.open('options');
    await options.getByRole('heading', { name: 'Images' }).waitFor();
    // Chrome's i18n leaves "${href_ue}" alone ($ is special only before a placeholder name or a digit).
    expect(await options.locator('#image-rule-hint').innerText()).toContain('${href_ue} is the picture\'s address, URL-encoded; ${host}, ${pathname}');
    await options.getByLabel('Rule for every picture').fill('https://wsrv.nl/?url=${href_ue}');
    await options.getByRole('button', { name: 'Save image rules' }).click();
    await eventually(() => options.getByRole('status').innerText()).toBe('Image settings saved.');
    await options.getByLabel('Image address').fill('https://cors.zfour.workers.dev/?http://image.woshipm.com/a.jpg');
    expect(await options.getByRole('list', { name: 'Addresses tried, in order' }).locator('li').allInnerTexts()).toEqual([
      'Rule https://wsrv.nl/?url=http%3A%2F%2Fimage.woshipm.com%2Fa.jpg',
      'Proxy, as written https://cors.zfour.workers.dev/?http://image.woshipm.com/a.jpg',
      'Original http://image.woshipm.com/a.jpg',
    ]);
    await options.screenshot({ path: 'artifacts/options-images.png', fullPage: true });
    await options.close();
  });
});
