// Settings in real Chromium: the language picked on the options page overrides the browser's at once on every
// open page (browser.i18n cannot switch, so the page loads _locales/zh_CN itself), a page opened later starts
// in it (from the render cache), and the theme follows the same way; the browser's language comes back when picked again,
// the system theme follows the system's colour scheme and a picked one overrides it. The storage facts offer to ask
// the browser to keep the data.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingRow } from '../../src/db/model';
import { eventually, readStore, startHarness, type Harness } from './support/harness';

let h: Harness;
let options: Page;

beforeAll(async () => {
  h = await startHarness();
  options = await h.open('options');
});

afterAll(() => h?.close());

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

describe('language and theme', () => {
  it('switches every open page to Simplified Chinese and the dark theme when saved', async () => {
    const popup = await h.open('popup');
    await options.getByLabel('Language').selectOption('zh_CN');
    await options.getByRole('radio', { name: 'Dark' }).check();
    await options.getByRole('button', { name: 'Save settings' }).click();

    await eventually(() => options.getByRole('heading', { level: 2 }).first().innerText()).toBe('添加订阅源');
    // The title is set by an effect after the redraw.
    await eventually(() => options.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['zh-CN', '镜像阅读器选项']);
    expect(await theme(options)).toBe('dark');
    expect(await options.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 24, 28)');
    // The popup, open meanwhile, follows without a reload.
    await eventually(() => popup.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await popup.locator('body').innerText()).toContain('刷新');
    expect(await theme(popup)).toBe('dark');
    const stored = new Map((await readStore<SettingRow>(h.control, 'settings')).map((row) => [row.key, row.value]));
    expect([stored.get('language'), stored.get('theme')]).toEqual(['zh_CN', 'dark']);
    await popup.close();
  });

  it('opens a page in the picked language and theme', async () => {
    const reader = await h.ext.context.newPage();
    await reader.goto(h.ext.url('src/pages/reader/index.html') + '#entry=999');
    await eventually(() => reader.locator('body').innerText()).toContain('这篇文章已不存在。');
    expect(await theme(reader)).toBe('dark');
    await reader.close();
  });

  it('goes back to the browser language and the system theme', async () => {
    await options.getByLabel('语言').selectOption('browser');
    await options.getByRole('radio', { name: '跟随系统' }).check();
    await options.getByRole('button', { name: '保存设置' }).click();
    await eventually(() => options.getByRole('heading', { level: 2 }).first().innerText()).toBe('Add a feed');
    expect(await theme(options)).toBe('system');
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en-US');
    // The system theme follows the system's colour scheme, and a picked theme overrides it.
    const background = () => options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(22, 24, 28)');
    await options.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await options.emulateMedia({ colorScheme: 'dark' });
    await options.getByRole('radio', { name: 'Light' }).check();
    await options.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => theme(options)).toBe('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
  });
});

describe('keeping the data', () => {
  it("asks Chromium to keep the data, and says what it answered (headless Chromium, with no use of the extension to go by, says no)", async () => {
    const facts = options.locator('dl.facts');
    await eventually(() => facts.innerText()).toContain('No: the browser may clear it under storage pressure');
    await options.getByRole('button', { name: 'Ask the browser to keep it' }).click();
    await eventually(() => facts.getByRole('status').innerText()).toBe('The browser said no. It decides by itself, for example by how often the extension is used; your data is still there.');
    expect(await options.evaluate(() => navigator.storage.persisted())).toBe(false);
  });
});
