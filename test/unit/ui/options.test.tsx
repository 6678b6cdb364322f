// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/schema';
import { OptionsApp } from '../../../src/pages/options/options-app';
import { fakeBrowser } from './fake-browser';
import { feed, resetDb } from './seed';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

let root: HTMLElement;

beforeEach(async () => {
  await resetDb();
  fakeBrowser.runtime.sendMessage.mockReset();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

const button = (name: string) => [...root.querySelectorAll('button')].find((candidate) => (candidate.getAttribute('aria-label') ?? candidate.textContent) === name);
const input = () => root.querySelector<HTMLInputElement>('#feed-url')!;

async function type(value: string) {
  await act(() => {
    input().value = value;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('options page', () => {
  it('labels the field "Feed URL" with a real <label>', () => {
    render(<OptionsApp />, root);
    const label = root.querySelector('label');
    expect(label?.textContent).toBe('Feed URL');
    expect(label?.getAttribute('for')).toBe(input().id);
  });

  it('subscribes with the trimmed URL, busy while the worker works', async () => {
    let finish: (value: unknown) => void = () => undefined;
    fakeBrowser.runtime.sendMessage.mockReturnValue(new Promise((resolve) => (finish = resolve)));
    render(<OptionsApp />, root);
    await type('  https://blog.example/feed.xml ');
    await act(async () => button('Subscribe')!.click());
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'subscribe', payload: { url: 'https://blog.example/feed.xml' } });
    expect(button('Subscribe')!.disabled).toBe(true);
    await act(async () => finish({ ok: true, value: { feedId: 1, title: 'Blog' } }));
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Subscribed to Blog.'));
    expect(button('Subscribe')!.disabled).toBe(false);
    expect(input().value).toBe('');
  });

  it('shows a localized alert and offers the feeds an HTML page links to', async () => {
    fakeBrowser.runtime.sendMessage.mockResolvedValueOnce({
      ok: false,
      error: { code: 'not-a-feed', alternates: ['https://blog.example/atom.xml'] },
    });
    render(<OptionsApp />, root);
    await type('https://blog.example/');
    await act(async () => button('Subscribe')!.click());
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('That address is a web page, not a feed.'));
    fakeBrowser.runtime.sendMessage.mockResolvedValueOnce({ ok: true, value: { feedId: 2, title: 'Atom' } });
    await act(async () => button('Subscribe to https://blog.example/atom.xml')!.click());
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'subscribe', payload: { url: 'https://blog.example/atom.xml' } });
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')).toBeNull());
  });

  it('says what to do when the field is empty, without asking the worker', async () => {
    render(<OptionsApp />, root);
    await act(async () => button('Subscribe')!.click());
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Enter the address of a feed, for example https://example.com/feed.xml.');
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalled();
  });

  it('lists feeds with their last error and removes one only after an in-page confirmation', async () => {
    await db.feeds.bulkAdd([feed(1, 'Alpha'), feed(2, 'Beta', { lastError: { code: 'not-found', params: { host: 'beta.example', status: 404 } } })]);
    fakeBrowser.runtime.sendMessage.mockResolvedValue({ ok: true, value: null });
    render(<OptionsApp />, root);
    const list = () => root.querySelector('ul[aria-label="Feeds"]')!;
    await vi.waitFor(() => expect(list().querySelectorAll('li')).toHaveLength(2));
    expect(list().textContent).toContain('Last update failed: beta.example has no feed at this address (HTTP 404).');
    await act(async () => button('Remove Beta')!.click());
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Cancel');
    await act(async () => button('Yes, remove')!.click());
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'unsubscribe', payload: { feedId: 2 } });
  });
});
