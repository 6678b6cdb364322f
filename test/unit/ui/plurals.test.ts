// Count messages: chrome.i18n has no plurals, so each has a _one and an _other form that tPlural picks by the
// text's language. Expected texts are written out; the last test keeps new English messages from putting a
// count before a plural noun outside an _other form ("1 entries").
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { tPlural } from '../../../src/ui/i18n';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

type Messages = Record<string, { message: string }>;
const load = (locale: string) => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;

describe('tPlural in English', () => {
  it.each<[Parameters<typeof tPlural>, string]>([
    [['entryCount', 1], '1 entry'],
    [['entryCount', 0], '0 entries'],
    [['entryCount', 2], '2 entries'],
    [['resultCount', 1], '1 result'],
    [['markedAllRead', 1], 'Marked 1 entry as read.'],
    [['markedAllRead', 12], 'Marked 12 entries as read.'],
    [['everyHours', 1], 'every 1 hour'],
    [['refreshFailed', 1], '1 feed could not be updated. The options page says why.'],
    [['refreshProgress', 1, 0], 'Checked 0 of 1 feed'],
    [['refreshProgress', 5, 3], 'Checked 3 of 5 feeds'],
    [['feedCounts', 1, 1, 0], '1 unread · 0 starred · 1 entry'],
    [['removedKept', 1, 'Beta'], 'Removed Beta; its 1 starred entry is kept.'],
    [['countFeeds', 1], '1 feed'],
    [['countNewEntries', 3], '3 new entries'],
  ])('%j → %s', (args, text) => {
    expect(tPlural(...args)).toBe(text);
  });
});

describe('count messages in the locales', () => {
  const en = load('en');
  const zh = load('zh_CN');

  it('come in pairs: every _one has its _other in both languages', () => {
    for (const messages of [en, zh]) {
      const ones = Object.keys(messages).filter((key) => key.endsWith('_one'));
      expect(ones.length).toBeGreaterThan(20);
      for (const key of ones) expect(messages[key.replace(/_one$/, '_other')], key).toBeDefined();
    }
  });

  it('put no count before a plural noun in English except in an _other form', () => {
    const plural = /\$[A-Z]+\$ (?:new |more |starred |read or starred )?(?:entries|feeds|folders|pictures|minutes|hours|days|outlines|problems|results)\b/;
    const offenders = Object.entries(en).filter(([key, { message }]) => !key.endsWith('_other') && plural.test(message) && !key.startsWith('error_')).map(([key]) => key);
    expect(offenders).toEqual([]);
  });
});
