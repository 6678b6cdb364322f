// @vitest-environment happy-dom
// The options page's subscribe flow as components, with the worker played by a fake sendMessage:
// Find feeds → candidates → preview → Subscribe.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedCandidate, FeedPreview } from '../../../src/discovery/model';
import { OptionsApp } from '../../../src/pages/options/options-app';
import { fakeBrowser } from '../ui/fake-browser';
import { resetDb } from '../ui/seed';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

let root: HTMLElement;
type Sent = { type: string; payload: Record<string, unknown> };
let replies: Record<string, (payload: Record<string, unknown>) => unknown>;

beforeEach(async () => {
  await resetDb();
  replies = {};
  fakeBrowser.runtime.sendMessage.mockReset();
  fakeBrowser.runtime.sendMessage.mockImplementation(async ({ type, payload }: Sent) => replies[type]?.(payload) ?? { ok: false, error: { code: 'internal', message: `no reply for ${type}` } });
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

const button = (name: string) => [...root.querySelectorAll('button')].find((candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name);
const input = () => root.querySelector<HTMLInputElement>('#feed-url')!;
const status = () => root.querySelector('[role="status"]')?.textContent;
const sent = () => fakeBrowser.runtime.sendMessage.mock.calls.map(([message]) => message as Sent);

async function type(value: string) {
  await act(() => {
    input().value = value;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const preview = (url: string, title: string): FeedPreview => ({
  url,
  title,
  format: 'rss',
  entryCount: 12,
  entries: [
    { title: 'Ferry timetable changes', url: `${url}#1`, publishedAt: Date.now() - 2 * 3600_000 },
    { title: '', url: `${url}#2` },
  ],
});

describe('subscribing on the options page', () => {
  it('labels the field with a real <label>', () => {
    render(<OptionsApp />, root);
    const label = root.querySelector('label[for="feed-url"]');
    expect(label?.textContent).toBe('Feed or page URL');
  });

  it('finds a feed at the trimmed address, previews it, and subscribes to the address it was served from', async () => {
    let finish: (value: unknown) => void = () => undefined;
    const candidates: FeedCandidate[] = [{ url: 'https://blog.example/feed.xml', source: 'address', preview: preview('https://blog.example/feed.xml', 'Harbour Blog') }];
    replies.discover = () => new Promise((resolve) => (finish = resolve));
    replies.subscribe = () => ({ ok: true, value: { feedId: 1, title: 'Harbour Blog' } });
    render(<OptionsApp />, root);
    await type('  https://blog.example/feed.xml ');
    await act(async () => button('Find feeds')!.click());
    expect(sent()).toEqual([{ type: 'discover', payload: { url: 'https://blog.example/feed.xml' } }]);
    expect(button('Find feeds')!.disabled).toBe(true);
    expect(button('Subscribe')).toBeUndefined();

    await act(async () => finish({ ok: true, value: { candidates } }));
    await vi.waitFor(() => expect(root.querySelector('#preview-title')?.textContent).toBe('Harbour Blog'));
    expect(status()).toBe('Found 1 feed.');
    expect(root.querySelector('.candidates .source')?.textContent).toBe('This address is a feed.');
    expect([...root.querySelectorAll('.preview li .title')].map((node) => node.textContent)).toEqual(['Ferry timetable changes', '(untitled)']);
    expect(root.querySelector('.preview li time')?.textContent).toBe('2 hours ago');

    await act(async () => button('Subscribe')!.click());
    await vi.waitFor(() => expect(status()).toBe('Subscribed to Harbour Blog.'));
    expect(sent()[1]).toEqual({ type: 'subscribe', payload: { url: 'https://blog.example/feed.xml' } });
    expect(input().value).toBe('');
    expect(root.querySelector('.candidates')).toBeNull();
  });

  it('lets the user choose among several feeds, previewing one the worker had not fetched', async () => {
    replies.discover = () => ({
      ok: true,
      value: {
        candidates: [
          { url: 'https://blog.example/rss', source: 'page', preview: preview('https://blog.example/rss', 'Blog (RSS)') },
          { url: 'https://hub.example/bilibili/user/video/1', source: 'rsshub', label: 'rule_videos', site: 'site_bilibili' },
        ],
      },
    });
    replies['preview-feed'] = ({ url }) => ({ ok: true, value: preview(String(url), 'UP videos') });
    render(<OptionsApp />, root);
    await type('https://blog.example/');
    await act(async () => button('Find feeds')!.click());
    await vi.waitFor(() => expect(root.querySelectorAll('.candidate')).toHaveLength(2));
    const radios = () => [...root.querySelectorAll<HTMLInputElement>('.candidate input[type=radio]')];
    expect(radios().map((radio) => radio.checked)).toEqual([true, false]);
    expect([...root.querySelectorAll('.candidate .name')].map((node) => node.textContent)).toEqual(['Blog (RSS)', 'bilibili · Videos']);
    expect(root.querySelectorAll('.candidate .source')[1]?.textContent).toBe('Through your RSSHub instance: bilibili · Videos.');

    await act(async () => radios()[1]!.click());
    await vi.waitFor(() => expect(root.querySelector('#preview-title')?.textContent).toBe('UP videos'));
    expect(sent().at(-1)).toEqual({ type: 'preview-feed', payload: { url: 'https://hub.example/bilibili/user/video/1' } });
  });

  it('shows why nothing was found, and says what to do when the field is empty, without asking the worker', async () => {
    render(<OptionsApp />, root);
    await act(async () => button('Find feeds')!.click());
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Enter the address of a feed or of a web page, for example https://example.com/.');
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalled();

    replies.discover = () => ({ ok: false, error: { code: 'no-feed-found', params: { url: 'https://plain.example/' } } });
    await type('https://plain.example/');
    await act(async () => button('Find feeds')!.click());
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('No feed was found at https://plain.example/.'));
    expect(input().getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps Subscribe away while a preview fails, showing the error', async () => {
    replies.discover = () => ({ ok: true, value: { candidates: [{ url: 'https://hub.example/x', source: 'rsshub', label: 'rule_posts', site: 'site_x' }] } });
    replies['preview-feed'] = () => ({ ok: false, error: { code: 'server-error', params: { host: 'hub.example', status: 503 } } });
    render(<OptionsApp />, root);
    await type('https://x.com/nasa');
    await act(async () => button('Find feeds')!.click());
    await vi.waitFor(() => expect(root.querySelector('.candidates [role="alert"]')?.textContent).toBe('hub.example had a server error (HTTP 503). It may work again later.'));
    expect(button('Subscribe')).toBeUndefined();
  });
});

describe('opened at #subscribe=<address> (the popup and the context menu link here)', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('reads the address', async () => {
    const { subscribeAddress } = await import('../../../src/pages/options/subscribe-hash');
    expect(subscribeAddress(`#subscribe=${encodeURIComponent('https://blog.example/feed?a=1&b=2')}`)).toBe('https://blog.example/feed?a=1&b=2');
    expect(subscribeAddress('#subscribe')).toBeUndefined();
    expect(subscribeAddress('#subscribe=%20')).toBeUndefined();
    expect(subscribeAddress('#feeds')).toBeUndefined();
  });

  it('fills the field and finds the feeds at once, then takes the address off the address bar', async () => {
    replies.discover = () => ({ ok: true, value: { candidates: [] } });
    history.replaceState(null, '', `${location.pathname}#subscribe=${encodeURIComponent('https://blog.example/post/1')}`);
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect(sent()).toContainEqual({ type: 'discover', payload: { url: 'https://blog.example/post/1' } }));
    expect(input().value).toBe('https://blog.example/post/1');
    expect(location.hash).toBe('#subscribe');
  });

  it('follows a later link into the open page', async () => {
    replies.discover = () => ({ ok: true, value: { candidates: [] } });
    render(<OptionsApp />, root);
    history.replaceState(null, '', `${location.pathname}#subscribe=${encodeURIComponent('https://other.example/')}`);
    await act(() => void window.dispatchEvent(new HashChangeEvent('hashchange')));
    await vi.waitFor(() => expect(sent()).toContainEqual({ type: 'discover', payload: { url: 'https://other.example/' } }));
  });
});
