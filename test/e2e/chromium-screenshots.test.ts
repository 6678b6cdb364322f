// The README's pictures, taken from the real extension: the popup with a few feeds' unread entries and the
// reader showing a mirrored article whose picture comes from its CDN copy. `npm test` checks the scenes;
// only `npm run screenshots` (SCREENSHOTS_DIR=docs/screenshots) writes the pictures, so tests write no tracked file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTLINK_REFUSED, landscape, minutesAgo, mirrorRoute, pngRoute, postsOn, rssRoute } from './support/fixtures';
import { eventually, PAGES, popupRows, startHarness, storedEntries, subscribe, type Harness } from './support/harness';

const OUT = process.env.SCREENSHOTS_DIR;
const SUNSET_PUBLISHED = new Date(Date.UTC(2025, 5, 14, 19, 42));

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const site = h.server.origin;
  const post = postsOn(site);
  h.server.routes.set(
    '/gazette.xml',
    rssRoute({
      title: 'Harbour Town Gazette',
      link: `${site}/`,
      items: [post('ferry', 'Ferry timetable changes from Monday', 12), post('market', 'Night market returns to the harbour', 170), post('tides', 'Spring tides expected this weekend', 1500)],
    }),
  );
  h.server.routes.set(
    '/weekly.xml',
    rssRoute({
      title: 'Open Source Weekly',
      link: `${site}/`,
      items: [post('terminal', 'Ten small tools that make the terminal nicer', 45), post('offline', 'Why offline-first apps feel faster', 320), post('fonts', 'A field guide to variable fonts', 2 * 1440 + 60), post('shell', 'Shell scripts that survive a code review', 3 * 1440 + 60)],
    }),
  );

  // The mirror: its pictures' original host refuses hotlinks; the record maps each to a CDN copy.
  const picture = (name: string) => ({ original: `${site}/origin/${name}.png`, cdn: `${site}/cdn/${name}.png` });
  const sunset = picture('sunset');
  const city = picture('city');
  h.server.routes.set('/origin/sunset.png', HOTLINK_REFUSED);
  h.server.routes.set('/origin/city.png', HOTLINK_REFUSED);
  h.server.routes.set('/cdn/sunset.png', pngRoute(landscape(1184, 592, { sky: [38, 70, 140], horizon: [246, 173, 112], sun: [255, 222, 140], hills: [64, 82, 110], near: [36, 46, 66] })));
  h.server.routes.set('/cdn/city.png', pngRoute(landscape(720, 360, { sky: [16, 24, 48], horizon: [90, 60, 120], sun: [240, 240, 220], hills: [40, 40, 70], near: [20, 20, 36] })));
  h.server.routes.set(
    '/photo-journal.json',
    mirrorRoute({ id: 101, name: 'Photo Journal', url: `${site}/photo-journal.xml` }, [
      {
        title: 'Sunset over the old harbour',
        link: `${site}/photos/sunset`,
        // A fixed date: the reader shows it in full, and the picture should not change from run to run.
        published: SUNSET_PUBLISHED,
        linkMd5: '9d4f1c2b7a3e',
        html: [
          '<p>The last boats came in just as the light turned orange. We waited on the breakwater for the sun to touch the hills, and for a few minutes the whole bay glowed.</p>',
          `<figure><img src="${sunset.original}" alt="The sun setting behind the hills across the bay"><figcaption>From the breakwater at dusk.</figcaption></figure>`,
          '<p>Every picture in this journal is mirrored: when the original site blocks hotlinking, Mirror Reader shows the CDN copy instead.</p>',
          '<h2>Getting there</h2>',
          '<p>Take the harbour path from the ferry terminal and follow it past the fish market. The breakwater is open until ten.</p>',
        ].join(''),
        images: { [sunset.original]: sunset.cdn },
      },
      {
        title: '夜幕下的港口城市：无人机航拍',
        link: `${site}/photos/city`,
        published: minutesAgo(95),
        linkMd5: '3c8e0a6f1d2b',
        html: `<p>华灯初上，港口的轮廓在夜色中渐渐清晰。</p><p><img src="${city.original}" alt="港口夜景"></p>`,
        images: { [city.original]: city.cdn },
      },
    ]),
  );
  for (const path of ['/gazette.xml', '/photo-journal.json', '/weekly.xml']) await subscribe(h, path);
  if (OUT) mkdirSync(OUT, { recursive: true });
});

afterAll(() => h?.close());

/** With SCREENSHOTS_DIR set, save `page` there as `name`: `width`×`height` CSS pixels drawn at twice that, as on a high-density screen, so the README's pictures stay sharp. */
async function screenshot(page: Page, width: number, height: number, name: string): Promise<void> {
  if (!OUT) return;
  const cdp = await h.ext.context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 2, mobile: false });
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
  await cdp.detach();
  writeFileSync(join(OUT, name), Buffer.from(data, 'base64'));
}

describe('README screenshots', () => {
  it('popup.png: unread entries of three feeds, newest first', async () => {
    const popup = await h.open('popup');
    const rows = await popupRows(popup);
    expect(rows.slice(0, 4)).toEqual([
      { title: 'Ferry timetable changes from Monday', feed: 'Harbour Town Gazette', time: '12 minutes ago' },
      { title: 'Ten small tools that make the terminal nicer', feed: 'Open Source Weekly', time: '45 minutes ago' },
      { title: '夜幕下的港口城市：无人机航拍', feed: 'Photo Journal', time: '2 hours ago' },
      { title: 'Night market returns to the harbour', feed: 'Harbour Town Gazette', time: '3 hours ago' },
    ]);
    // The dated article is last, below the fold, so the picture stays the same from day to day.
    expect(rows.map((row) => row.title).indexOf('Sunset over the old harbour')).toBe(8);
    await screenshot(popup, 360, 540, 'popup.png');
    await popup.close();
  });

  it('reader.png: a mirrored article with its picture loaded from the CDN copy', async () => {
    const reader = await h.ext.context.newPage();
    const entry = (await storedEntries(h.control)).find((row) => row.title === 'Sunset over the old harbour')!;
    await reader.goto(h.ext.url(PAGES.reader) + `#entry=${entry.id}`);
    await reader.getByRole('heading', { level: 1, name: 'Sunset over the old harbour' }).waitFor();
    const image = reader.locator('article img');
    await eventually(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1184);
    expect(await image.getAttribute('src')).toBe(`${h.server.origin}/cdn/sunset.png`);
    await screenshot(reader, 960, 860, 'reader.png');
  });
});

