// @vitest-environment happy-dom
// Theme and language for every page: the cached choice applies before the first draw, then the page follows
// the settings table live — a new theme needs no redraw, a new language loads its messages and redraws.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/schema';
import { followAppearance } from '../../../src/ui/appearance';
import { applyLanguage, t } from '../../../src/ui/i18n';
import { resetDb } from '../ui/seed';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

beforeEach(async () => {
  await resetDb();
  localStorage.clear();
  vi.stubGlobal('fetch', async (url: string) => new Response(readFileSync(`public/${new URL(url).pathname.slice(1)}`, 'utf8')));
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await applyLanguage(undefined);
});

describe('followAppearance', () => {
  it('draws in the cached language and theme, then follows the settings', async () => {
    localStorage.setItem('mirror-reader.appearance', JSON.stringify({ theme: 'dark', language: 'zh_CN' }));
    const drawn: string[] = [];
    await followAppearance(() => drawn.push(t('subscribe')));
    expect(drawn).toEqual(['订阅']);
    expect(document.documentElement.dataset.theme).toBe('dark');

    // The table has no rows: the defaults (system theme, browser language) win, and the cache learns them.
    await vi.waitFor(() => expect(drawn).toEqual(['订阅', 'Subscribe']));
    expect(document.documentElement.dataset.theme).toBe('system');
    expect(JSON.parse(localStorage.getItem('mirror-reader.appearance')!)).toEqual({ theme: 'system', language: 'browser' });

    await db.settings.bulkPut([{ key: 'theme', value: 'light' }]);
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect(drawn).toHaveLength(2);
    await db.settings.bulkPut([{ key: 'language', value: 'zh_CN' }]);
    await vi.waitFor(() => expect(drawn).toEqual(['订阅', 'Subscribe', '订阅']));
  });

  it('starts from the defaults when the cache is missing or damaged', async () => {
    localStorage.setItem('mirror-reader.appearance', '{not json');
    const drawn: string[] = [];
    await followAppearance(() => drawn.push(t('subscribe')));
    expect(drawn).toEqual(['Subscribe']);
    expect(document.documentElement.dataset.theme).toBe('system');
  });
});
