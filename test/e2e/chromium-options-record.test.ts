// Import a mirroring job's record file (../shared/seeds/000) from the options page in real Chromium, then read
// its article: the pictures with a CDN copy load from the copy, the one the job could not copy from its
// original. The seed's hosts are moved onto the local server (its originals refuse hotlinks, as real ones
// do), so the test touches no other machine.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOTLINK_REFUSED, landscape, pngRoute } from './support/fixtures';
import { eventually, PAGES, startHarness, storedEntries, storedFeeds, type Harness } from './support/harness';

const SEED = '../shared/seeds/000_82cd27bd64ef1596.txt';

let h: Harness;
let options: Page;
let recordFile = '';

const picture = (width: number) => pngRoute(landscape(width, 30, { sky: [60, 120, 200], horizon: [250, 200, 150], sun: [255, 230, 120], hills: [70, 130, 80], near: [40, 90, 50] }));

beforeAll(async () => {
  h = await startHarness();
  const site = h.server.origin;
  // The seed's hosts, each on its own path of the local server.
  const record = readFileSync(SEED, 'utf8')
    .replaceAll('https://cdn.jsdelivr.net/', `${site}/cdn/`)
    .replaceAll('http://www.cnnic.cn/', `${site}/cnnic/`)
    .replaceAll('http://simg.sinajs.cn/', `${site}/sinajs/`);
  recordFile = join(mkdtempSync(join(tmpdir(), 'mirror-reader-record-')), '000_record.json');
  writeFileSync(recordFile, record);
  h.server.routes.set('/cdn/gh/myreaderx13/cdn5@2020_5/2020/10/13/06-24-35-764_87ce4abc9a66d1fc.webp', picture(40));
  h.server.routes.set('/cdn/gh/myreaderx16/cdn14@2020_4/2020/10/13/06-24-29-357_66e9c83d813b7958.webp', picture(20));
  h.server.routes.set('/cnnic/hlwfzyj/fxszl/fxswz/201801/W020180131539855529657.png', HOTLINK_REFUSED);
  h.server.routes.set('/sinajs/blog7style/images/special/1265.gif', HOTLINK_REFUSED);
  // The job had no copy of this one: only its original can show it.
  h.server.routes.set('/cnnic/hlwfzyj/fxszl/fxswz/201801/W020180131539855531729.jpg', picture(30));
  options = await h.open('options');
});

afterAll(() => h?.close());

describe.skipIf(!existsSync(SEED))('a mirroring job’s record file (seed 000)', () => {
  it('is imported from the options page into the feed it names', async () => {
    await options.getByLabel('Import a mirror record (JSON)').setInputFiles(recordFile);
    await eventually(() => options.getByRole('status').innerText()).toBe('1 new entry, in cnnic互联网发展研究.');
    expect((await storedFeeds(h.control)).map((feed) => [feed.url, feed.title, feed.format])).toEqual([['http://blog.sina.com.cn/rss/cnnic2008.xml', 'cnnic互联网发展研究', 'mirror-record']]);
    await options.locator('.feed-row .name', { hasText: 'cnnic互联网发展研究' }).waitFor();
  });

  it('shows the article in the reader with its pictures from their CDN copies, and the uncopied one from its original', async () => {
    const [entry] = await storedEntries(h.control);
    expect(entry?.title).toBe('即时通信差异化更加明显，连接能力进一步提升');
    const reader = await h.ext.context.newPage();
    await reader.goto(`${h.ext.url(PAGES.reader)}#entry=${entry!.id}`);
    await eventually(() => reader.locator('h1').innerText()).toBe('即时通信差异化更加明显，连接能力进一步提升');
    const images = reader.locator('article img');
    await eventually(() => images.count()).toBe(3);
    for (let index = 0; index < 3; index++) await images.nth(index).scrollIntoViewIfNeeded();
    await eventually(() => images.evaluateAll((all) => all.map((img) => [new URL((img as HTMLImageElement).currentSrc || (img as HTMLImageElement).src).pathname, (img as HTMLImageElement).naturalWidth]))).toEqual([
      ['/cdn/gh/myreaderx13/cdn5@2020_5/2020/10/13/06-24-35-764_87ce4abc9a66d1fc.webp', 40],
      ['/cnnic/hlwfzyj/fxszl/fxswz/201801/W020180131539855531729.jpg', 30],
      ['/cdn/gh/myreaderx16/cdn14@2020_4/2020/10/13/06-24-29-357_66e9c83d813b7958.webp', 20],
    ]);
    // The originals of the copied pictures were never asked for.
    expect(h.server.hits.get('/cnnic/hlwfzyj/fxszl/fxswz/201801/W020180131539855529657.png')).toBeUndefined();
    expect(h.server.hits.get('/sinajs/blog7style/images/special/1265.gif')).toBeUndefined();
    await reader.close();
  });
});
