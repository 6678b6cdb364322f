// Chromium in Simplified Chinese: the pages speak Chinese, and so do their dates and relative times, even
// where the browser's own UI language tag disagrees with the translation it picked (Playwright leaves
// navigator.language and i18n.getUILanguage() at en-US while --lang=zh-CN selects the zh_CN messages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minutesAgo, rssRoute } from './support/fixtures';
import { eventually, startHarness, subscribe, type Harness } from './support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({}, 'zh-CN');
  const site = h.server.origin;
  h.server.routes.set(
    '/bulletin.xml',
    rssRoute({
      title: '南桥社区简报',
      link: `${site}/`,
      items: [{ guid: 'market', title: '秋季市集本周六开张', link: `${site}/market`, published: minutesAgo(40), html: '<p>摊位名单已公布。</p>' }],
    }),
  );
  await subscribe(h, '/bulletin.xml');
});

afterAll(() => h?.close());

describe('Simplified Chinese UI', () => {
  it('popup: Chinese buttons and a Chinese relative time', async () => {
    const popup = await h.open('popup');
    expect(await popup.getByRole('button', { name: '刷新' }).count()).toBe(1);
    await eventually(() => popup.locator('li').first().innerText()).toMatch(/秋季市集本周六开张\s+南桥社区简报\s+40\s*分钟前/);
  });

  it('reader: the date in Chinese', async () => {
    const popup = await h.open('popup');
    const [reader] = await Promise.all([h.ext.context.waitForEvent('page'), popup.getByText('秋季市集本周六开张').click()]);
    await reader.locator('h1', { hasText: '秋季市集本周六开张' }).waitFor();
    expect(await reader.locator('time').first().innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/);
  });

  it('options: "updated" with a Chinese relative time', async () => {
    const options = await h.open('options');
    await eventually(() => options.locator('.feed-row').first().innerText()).toMatch(/更新于(现在|\d+\s*(秒钟|分钟)前)/);
  });
});
