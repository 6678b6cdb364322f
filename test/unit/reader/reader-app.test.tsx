// @vitest-environment jsdom
// jsdom, not happy-dom: the reader runs DOMPurify, which happy-dom lets through unsanitized.
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

const ORIGINAL = 'http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg';
const PROXIED = `https://cors.zfour.workers.dev/?${ORIGINAL}`;
const CDN = 'https://cdn.jsdelivr.net/gh/mirror/cdn@1/a.webp';
let root: HTMLElement;

beforeEach(async () => {
  // jsdom has no layout: the reader's scroll memory calls scrollTo all the same.
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  await resetDb();
  fakeBrowser.runtime.sendMessage.mockReset();
  fakeBrowser.runtime.sendMessage.mockResolvedValue({ ok: true, value: null });
  await db.feeds.add(feed(1, 'Product Weekly'));
  await seedEntries([
    entry(1, 1, 'Mirrored post', 3000, {
      url: 'https://blog.example/p/1',
      publishedAt: Date.UTC(2021, 10, 12),
      contentHtml: `<h1>Inner</h1><p>Text</p><script>alert(1)</script><img src="${PROXIED}" onerror="alert(1)" referrerpolicy="no-referrer"><a href="/next">next</a>`,
      imageMap: { [ORIGINAL]: CDN },
      coverUrl: PROXIED,
    }),
    entry(2, 1, 'Plain scrape', 2000, { contentText: 'First line\n\n  Second line' }),
    entry(3, 1, 'Cover only', 1000, { summaryHtml: '<p>Short</p>', coverUrl: 'https://img.example/cover.jpg' }),
  ]);
  root = newRoot();
});

afterEach(() => dropRoot(root));

async function show(id: number, title: string) {
  location.hash = `#entry=${id}`;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe(title));
}

describe('reader', () => {
  it('shows the title as the only <h1>, the feed, a <time> and the original link', async () => {
    location.hash = '#entry=1';
    render(<ReaderApp />, root);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Mirrored post'));
    await vi.waitFor(() => expect(root.textContent).toContain('Product Weekly'));
    expect(root.querySelectorAll('h1')).toHaveLength(1);
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe('2021-11-12T00:00:00.000Z');
    const original = [...root.querySelectorAll('a')].find((link) => link.textContent === 'Open original')!;
    expect(original.getAttribute('href')).toBe('https://blog.example/p/1');
    expect(original.getAttribute('rel')).toBe('noopener noreferrer');
    expect(original.getAttribute('target')).toBe('_blank');
    await vi.waitFor(() => expect(document.title).toBe('Mirrored post · Product Weekly'));
  });

  it('sanitizes the body, shows images from the CDN and does not repeat a cover the body shows', async () => {
    location.hash = '#entry=1';
    render(<ReaderApp />, root);
    await vi.waitFor(() => expect(root.querySelector('article img')).not.toBeNull());
    const article = root.querySelector('article')!;
    expect(article.querySelector('script')).toBeNull();
    expect(article.innerHTML).not.toMatch(/\son\w+=/i);
    const images = article.querySelectorAll('img');
    expect(images).toHaveLength(1);
    expect(images[0]!.getAttribute('src')).toBe(CDN);
    expect(article.querySelector('a')?.getAttribute('href')).toBe('https://blog.example/next');
  });

  it('marks the entry read on opening', async () => {
    location.hash = '#entry=1';
    render(<ReaderApp />, root);
    await vi.waitFor(() => expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'mark-read', payload: { entryIds: [1], read: true } }));
  });

  it('follows hashchange, renders plain text as paragraphs and a cover the body lacks', async () => {
    location.hash = '#entry=1';
    render(<ReaderApp />, root);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Mirrored post'));
    await show(2, 'Plain scrape');
    expect([...root.querySelectorAll('article p')].map((p) => p.textContent)).toEqual(['First line', 'Second line']);
    await show(3, 'Cover only');
    // The cover waits for the image policy (settings, offline copies), a moment after the title.
    await vi.waitFor(() => expect(root.querySelector('article img')?.getAttribute('src')).toBe('https://img.example/cover.jpg'));
  });

  it('walks the unread list with j and k, and opens help with ?', async () => {
    location.hash = '#entry=2';
    render(<ReaderApp />, root);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Plain scrape'));
    const press = (key: string) => act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    await press('j');
    await vi.waitFor(() => expect(location.hash).toBe('#entry=3&view=unread'));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Cover only'));
    await press('k');
    await vi.waitFor(() => expect(location.hash).toBe('#entry=2&view=unread'));
    await press('?');
    expect(root.querySelector('[role="dialog"]')?.textContent).toContain('Keyboard shortcuts');
    await press('Escape');
    expect(root.querySelector('[role="dialog"]')).toBeNull();
  });

  it('says so when the entry no longer exists', async () => {
    location.hash = '#entry=99';
    render(<ReaderApp />, root);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('This entry is no longer available.'));
  });
});
