// The language picked in the options page overrides the browser's: t() answers from that locale's
// messages.json (fetched from the extension, as a page does), fills placeholders as browser.i18n does,
// and dates follow the picked language.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, fill, languageOverride, t, tPlural, uiLocale, type Messages } from '../../../src/ui/i18n';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

const fetched: string[] = [];

beforeEach(() => {
  fetched.length = 0;
  // What the extension serves at chrome-extension://<id>/_locales/…: the checked-in files.
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    const path = new URL(url).pathname.slice(1);
    return new Response(readFileSync(`public/${path}`, 'utf8'), { status: 200 });
  });
});

afterEach(async () => {
  await applyLanguage(undefined);
  vi.unstubAllGlobals();
});

describe('language override', () => {
  it('answers in the browser language (English here) until a language is picked', () => {
    expect(languageOverride()).toBeUndefined();
    expect(t('subscribe')).toBe('Subscribe');
    expect(uiLocale()).toBe('en-US');
  });

  it('answers in Simplified Chinese once picked, with substitutions, and formats dates as zh-CN', async () => {
    await applyLanguage('zh_CN');
    expect(fetched).toEqual(['chrome-extension://fake-id/_locales/zh_CN/messages.json']);
    expect(languageOverride()).toBe('zh_CN');
    expect(t('subscribe')).toBe('订阅');
    expect(t('refreshDone', tPlural('countFeeds', 3), tPlural('countNewEntries', 7))).toBe('已检查 3 个订阅源，新增 7 篇文章。');
    // Chinese has one form: the _one message for 1 too.
    expect(tPlural('entryCount', 1)).toBe('共 1 篇');
    expect(uiLocale()).toBe('zh-CN');
  });

  it('loads a language once, and goes back to the browser language', async () => {
    await applyLanguage('zh_CN');
    await applyLanguage('zh_CN');
    expect(fetched).toHaveLength(1);
    await applyLanguage(undefined);
    expect(t('subscribe')).toBe('Subscribe');
  });

  it('keeps the previous language when a messages file cannot be loaded', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    await expect(applyLanguage('zh_CN')).rejects.toThrow('_locales/zh_CN/messages.json: HTTP 404');
    expect(t('subscribe')).toBe('Subscribe');
  });
});

describe('fill', () => {
  const messages: Messages = {
    price: { message: 'Costs $$$AMOUNT$ for $WHO$ ($UNKNOWN$)', placeholders: { amount: { content: '$1' }, who: { content: '$2 and friends' } } },
  };

  it('fills placeholders from $1…$9, turns $$ into $, leaves unknown placeholders, and misses quietly', () => {
    expect(fill(messages, 'price', ['5', 'Ann'])).toBe('Costs $5 for Ann and friends ($UNKNOWN$)');
    expect(fill(messages, 'missing', [])).toBe('');
    expect(fill(messages, 'toString', [])).toBe('');
  });
});
