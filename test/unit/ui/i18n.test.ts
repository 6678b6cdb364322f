// Dates are formatted in the language the text is in: the browser's regional variant when the languages
// agree, the translation's own tag when the messages fell back to another language.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uiLocale } from '../../../src/ui/i18n';
import { fakeBrowser } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const english = fakeBrowser.i18n.getUILanguage;

afterEach(() => {
  fakeBrowser.i18n.getUILanguage = english;
});

describe('uiLocale with English messages', () => {
  it.each([
    ['en-US', 'en-US'],
    ['en-GB', 'en-GB'],
    // Chrome has no zh_TW translation here, so the text is English: so are the dates.
    ['zh-TW', 'en'],
    ['zh-CN', 'en'],
  ])('browser language %s → %s', (browserLanguage, expected) => {
    fakeBrowser.i18n.getUILanguage = () => browserLanguage;
    expect(uiLocale()).toBe(expected);
  });
});
