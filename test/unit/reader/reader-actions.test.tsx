// @vitest-environment jsdom
// The reader's actions against a real Dexie (fake-indexeddb) and a stand-in worker that answers commands and
// writes what the real one would: star, read/unread, keys, the pager within a list, reading settings, the full
// article (fetched by the worker, extracted here by Readability, stored through save-article), attachments.
import { readFileSync } from 'node:fs';
import { options, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/schema';
import { ReaderApp } from '../../../src/pages/reader/reader-app';
import { fakeBrowser } from '../ui/fake-browser';
import { entry, feed, resetDb, seedEntries } from '../ui/seed';
import { dropRoot, newRoot } from './reader-root';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));
// Preact runs effects after a frame, through requestAnimationFrame plus a 100 ms timeout whose callback calls
// cancelAnimationFrame — which jsdom no longer has if the file's environment is torn down first. One task is enough here.
options.requestAnimationFrame = (flush) => void setTimeout(flush, 0);

const CJK_PAGE = readFileSync('test/fixtures/articles/cjk-short.html', 'utf8');
type Message = { type: string; payload: Record<string, unknown> };
/** What the stand-in worker answers to fetch-article. */
let page: unknown;
let root: HTMLElement;

/** The stand-in worker: replies as the real one and makes the same writes, so live queries follow. */
async function worker({ type, payload }: Message): Promise<unknown> {
  const ids = payload['entryIds'] as number[] | undefined;
  if (type === 'set-starred') await db.entries.bulkUpdate(ids!.map((key) => ({ key, changes: { starred: payload['starred'] ? 1 : 0 } })));
  if (type === 'mark-read') await db.entries.bulkUpdate(ids!.map((key) => ({ key, changes: { read: payload['read'] ? 1 : 0 } })));
  if (type === 'update-settings') await db.settings.bulkPut(Object.entries(payload['patch'] as object).map(([key, value]) => ({ key, value })));
  if (type === 'fetch-article') return page;
  if (type === 'save-article') await db.bodies.update(payload['entryId'] as number, { article: { html: payload['html'] as string, url: payload['url'] as string, fetchedAt: 1 } });
  return { ok: true, value: null };
}

const sent = (type: string) => fakeBrowser.runtime.sendMessage.mock.calls.map(([message]) => message as Message).filter((message) => message.type === type).map((message) => message.payload);
const press = (key: string) => act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
const button = (name: string) => [...root.querySelectorAll('button')].find((element) => (element.getAttribute('aria-label') ?? element.textContent?.trim()) === name);
const click = (element: Element | undefined) => act(() => void (element as HTMLElement).click());

beforeEach(async () => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  await resetDb();
  localStorage.clear();
  page = { ok: true, value: { html: CJK_PAGE, url: 'https://news.example.cn/2021/11/interop.html' } };
  fakeBrowser.runtime.sendMessage.mockReset();
  fakeBrowser.runtime.sendMessage.mockImplementation(worker);
  await db.feeds.add(feed(1, '人人都是产品经理', { language: 'zh-cn' }));
  await seedEntries([
    entry(1, 1, '互联互通迈入深水区', 1000, {
      url: 'https://news.example.cn/2021/11/interop.html',
      starred: 1,
      contentHtml: '<p>摘要：互联互通成为了业界关注的焦点。</p>',
      categories: ['新媒体', '最新文章'],
      enclosures: [
        { url: 'https://cdn.example/ep12.mp3', type: 'audio/mpeg', length: 30 * 1024 * 1024 },
        { url: 'https://cdn.example/slides.pdf', type: 'application/pdf', length: 1.5 * 1024 * 1024 },
        { url: 'javascript:alert(1)', type: 'audio/mpeg' },
      ],
    }),
    entry(2, 1, 'Second', 2000, { starred: 1, url: 'https://news.example.cn/2', contentHtml: '<p>Two</p>' }),
    entry(3, 1, 'Third, not starred', 3000, { contentHtml: '<p>Three</p>' }),
    entry(4, 1, 'Fourth', 4000, { starred: 1, contentHtml: '<p>Four</p>' }),
  ]);
  root = newRoot();
});

afterEach(() => dropRoot(root));

async function open(hash: string, title: string) {
  location.hash = hash;
  render(<ReaderApp />, root);
  await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(title));
  await vi.waitFor(() => expect(root.querySelector('article .entry-content')).not.toBeNull());
}

describe('reader actions', () => {
  it('stars and unstars with the button and with s; the button says whether it is pressed', async () => {
    await open('#entry=2&view=starred', 'Second');
    expect(button('☆ Star') ?? button('★ Star')).toBeDefined();
    await vi.waitFor(() => expect(root.querySelector('.star')?.getAttribute('aria-pressed')).toBe('true'));
    await click(root.querySelector('.star')!);
    expect(sent('set-starred')).toEqual([{ entryIds: [2], starred: false }]);
    await vi.waitFor(() => expect(root.querySelector('.star')?.getAttribute('aria-pressed')).toBe('false'));
    await press('s');
    await vi.waitFor(() => expect(sent('set-starred')).toEqual([{ entryIds: [2], starred: false }, { entryIds: [2], starred: true }]));
  });

  it('marks read on opening, unread with m, and does not mark it read again on the next live update', async () => {
    await open('#entry=3&view=unread', 'Third, not starred');
    await vi.waitFor(() => expect(button('Mark as unread')).toBeDefined());
    await press('m');
    await vi.waitFor(() => expect(button('Mark as read')).toBeDefined());
    expect(sent('mark-read')).toEqual([{ entryIds: [3], read: true }, { entryIds: [3], read: false }]);
  });

  it('v opens the original in a new tab, without opener or referrer', async () => {
    const opened = vi.spyOn(window, 'open').mockImplementation(() => null);
    await open('#entry=2&view=starred', 'Second');
    await press('v');
    expect(opened).toHaveBeenCalledWith('https://news.example.cn/2', '_blank', 'noopener,noreferrer');
  });

  it('walks the list it came from: the pager links both neighbours in that list, j/k follow it, the end says so', async () => {
    await open('#entry=2&view=starred', 'Second');
    await vi.waitFor(() => expect(root.querySelector<HTMLAnchorElement>('.pager-previous')?.getAttribute('href')).toBe('#entry=4&view=starred'));
    expect(root.querySelector('.pager-previous .pager-title')?.textContent).toBe('Fourth');
    expect(root.querySelector('.pager-next')?.getAttribute('href')).toBe('#entry=1&view=starred');
    await press('k');
    await vi.waitFor(() => expect(location.hash).toBe('#entry=4&view=starred'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Fourth'));
    await vi.waitFor(() => expect(root.querySelector('.pager-previous')?.getAttribute('href')).toBeNull());
    await press('k');
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('No more entries in this list in that direction.'));
  });

  it('reading settings: the panel stores each change through update-settings, and the page follows the stored ones', async () => {
    await open('#entry=2&view=starred', 'Second');
    await click(button('Reading settings'));
    expect(button('Reading settings')?.getAttribute('aria-expanded')).toBe('true');
    await click(button('Larger text'));
    await vi.waitFor(() => expect(sent('update-settings')).toEqual([{ patch: { readerFontSize: 19 } }]));
    // The theme is every page's setting (src/ui/appearance.ts puts it on <html>); the panel offers sepia too.
    const sepia = [...root.querySelectorAll<HTMLInputElement>('input[name="theme"]')].find((input) => input.value === 'sepia')!;
    await act(() => void sepia.click());
    await vi.waitFor(() => expect(sent('update-settings').at(-1)).toEqual({ patch: { theme: 'sepia' } }));
    const wide = [...root.querySelectorAll<HTMLInputElement>('input[name="readerWidth"]')].find((input) => input.value === 'wide')!;
    await act(() => void wide.click());
    await vi.waitFor(() => expect(document.documentElement.dataset['readerWidth']).toBe('wide'));
    expect(document.documentElement.style.getPropertyValue('--reader-font-size')).toBe('19px');
    expect(JSON.parse(localStorage.getItem('mirror-reader.reading-style')!)).toEqual({ readerFontSize: 19, readerWidth: 'wide', readerFont: 'sans' });
    await press('-');
    await vi.waitFor(() => expect(sent('update-settings').at(-1)).toEqual({ patch: { readerFontSize: 18 } }));
    await press('Escape');
    expect(root.querySelector('.reading-settings')).toBeNull();
  });

  it('loads the full article: fetched by the worker, extracted here without the page’s comments, stored, shown, switchable', async () => {
    await open('#entry=1&view=starred', '互联互通迈入深水区');
    await click(button('Load full article'));
    await vi.waitFor(() => expect(sent('save-article')).toHaveLength(1));
    expect(sent('fetch-article')).toEqual([{ entryId: 1 }]);
    const saved = sent('save-article')[0]!;
    expect(saved['url']).toBe('https://news.example.cn/2021/11/interop.html');
    expect(saved['html']).toContain('透过这些场景');
    expect(saved['html']).not.toContain('网友评论');
    const content = () => root.querySelector('article .entry-content')?.textContent ?? '';
    await vi.waitFor(() => expect(content()).toContain('透过这些场景'));
    expect(root.querySelector('article img')?.getAttribute('src')).toBe('https://news.example.cn/2021/11/images/chart.png');
    expect(root.querySelector('.article-source')?.textContent).toContain('Full article from news.example.cn');
    await click(button('Show feed text'));
    await vi.waitFor(() => expect(content()).toBe('摘要：互联互通成为了业界关注的焦点。'));
    await press('o');
    await vi.waitFor(() => expect(content()).toContain('透过这些场景'));
  });

  it.each([
    [{ ok: false, error: { code: 'http', params: { host: 'news.example.cn', status: 404 } } }, 'news.example.cn answered with HTTP 404.'],
    [{ ok: true, value: { html: '<html><body><img src="a.png"></body></html>', url: 'https://news.example.cn/x' } }, 'No article could be found on the original page.'],
  ])('says in words why a full article could not be loaded (%#)', async (reply, words) => {
    page = reply;
    await open('#entry=1&view=starred', '互联互通迈入深水区');
    await click(button('Load full article'));
    await vi.waitFor(() => expect(root.querySelector('header [role="alert"]')?.textContent).toContain(words));
    expect(sent('save-article')).toEqual([]);
    expect(button('Load full article')).toBeDefined();
  });

  it('shows categories, an audio player and a file link with its size, in the entry’s language', async () => {
    await open('#entry=1&view=starred', '互联互通迈入深水区');
    expect([...root.querySelectorAll('.categories li')].map((item) => item.textContent)).toEqual(['新媒体', '最新文章']);
    const audio = root.querySelector('.enclosures audio');
    expect(audio?.getAttribute('src')).toBe('https://cdn.example/ep12.mp3');
    expect(audio?.hasAttribute('controls')).toBe(true);
    expect([...root.querySelectorAll('.enclosures a')].map((link) => link.textContent)).toEqual(['ep12.mp3 (30 MB)', 'slides.pdf (1.5 MB)']);
    expect(root.querySelector('article')?.getAttribute('lang')).toBe('zh-CN');
  });
});
