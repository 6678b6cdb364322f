// @vitest-environment happy-dom
// Access to websites withdrawn: the options page's banner and its button, Find feeds asking first (and only
// then), and the popup's notice. Permissions come from fake-browser.ts, which starts from the real manifest.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../../src/pages/options/options-app';
import { PopupApp } from '../../../src/pages/popup/popup-app';
import { HOST_ORIGINS } from '../../../src/ui/host-access';
import { answerPrompts, fakeBrowser, resetPermissions, setHostAccess } from './fake-browser';
import { resetDb } from './seed';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const { request, onAdded, onRemoved } = fakeBrowser.permissions;
let root: HTMLElement;

beforeEach(async () => {
  await resetDb();
  resetPermissions();
  fakeBrowser.runtime.sendMessage.mockReset();
  fakeBrowser.runtime.openOptionsPage.mockClear();
  root = document.createElement('div');
  document.body.append(root);
});

// act: Preact runs effect cleanups (removing permission listeners) after the unmount, not during it.
afterEach(async () => {
  await act(() => render(null, root));
  root.remove();
});

const button = (name: string) => [...root.querySelectorAll('button')].find((candidate) => candidate.textContent === name);
const banner = () => root.querySelector<HTMLElement>('section[aria-labelledby="access-heading"]');
const alertText = () => root.querySelector('form [role="alert"]')?.textContent;

/** Render the options page with access withdrawn and wait for the banner. */
async function optionsWithoutAccess(): Promise<void> {
  setHostAccess(false);
  render(<OptionsApp />, root);
  await vi.waitFor(() => expect(banner()).not.toBeNull());
}

/** The worker's answer to "discover": one feed, already previewed. */
const FOUND = {
  ok: true,
  value: { candidates: [{ url: 'https://blog.example/feed.xml', source: 'address', preview: { url: 'https://blog.example/feed.xml', title: 'Blog', format: 'rss', entryCount: 0, entries: [] } }] },
};

async function typeUrl(value: string) {
  const input = root.querySelector<HTMLInputElement>('#feed-url')!;
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('host origins', () => {
  it('are the manifest\'s host_permissions', () => {
    expect(HOST_ORIGINS).toEqual(['http://*/*', 'https://*/*']);
  });
});

describe('options page without access to websites', () => {
  it('shows no banner while access is granted, and looks for feeds without a permission prompt', async () => {
    fakeBrowser.runtime.sendMessage.mockResolvedValue(FOUND);
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalled());
    await typeUrl('https://blog.example/feed.xml');
    await act(async () => button('Find feeds')!.click());

    expect(banner()).toBeNull();
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'discover', payload: { url: 'https://blog.example/feed.xml' } });
    // A script's click is no user gesture: Firefox would throw on a request here.
    expect(request).not.toHaveBeenCalled();
  });

  it('shows the banner first on the page when access is withdrawn while it is open, and hides it once granted', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalled());
    expect(banner()).toBeNull();

    await act(() => setHostAccess(false));
    await vi.waitFor(() => expect(banner()).not.toBeNull());
    expect(root.querySelector('main > h1 + section')).toBe(banner());
    expect(banner()!.querySelector('h2')?.textContent).toBe("Mirror Reader can't read feeds: access to websites is turned off");

    await act(async () => button('Allow access to websites')!.click());
    expect(request).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
    await vi.waitFor(() => expect(banner()).toBeNull());
  });

  it('keeps the banner when the user says no, and shows the browser\'s reason when it refuses to ask', async () => {
    answerPrompts(false);
    await optionsWithoutAccess();
    await act(async () => button('Allow access to websites')!.click());
    expect(request).toHaveBeenCalledTimes(1);
    expect(banner()).not.toBeNull();
    expect(banner()!.querySelector('[role="alert"]')).toBeNull();

    request.mockRejectedValueOnce(new Error('Blocked by policy'));
    await act(async () => button('Allow access to websites')!.click());
    await vi.waitFor(() => expect(banner()!.querySelector('[role="alert"]')?.textContent).toBe('The browser did not ask for access: Blocked by policy'));
  });

  it('asks for access within the Find feeds click itself, then looks once it is granted', async () => {
    fakeBrowser.runtime.sendMessage.mockResolvedValue(FOUND);
    await optionsWithoutAccess();
    await typeUrl('https://blog.example/feed.xml');

    button('Find feeds')!.click();
    // Synchronously, before any await: the only way Firefox accepts the request.
    expect(request).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
    expect(fakeBrowser.runtime.sendMessage).not.toHaveBeenCalled();

    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Found 1 feed.'));
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'discover', payload: { url: 'https://blog.example/feed.xml' } });
    await vi.waitFor(() => expect(banner()).toBeNull());
  });

  it('lets the worker decide when the user declines, and shows its answer', async () => {
    // Declining "all sites" can leave this one site allowed (Chrome's "On specific sites"): the worker knows.
    answerPrompts(false);
    fakeBrowser.runtime.sendMessage.mockResolvedValue({ ok: false, error: { code: 'no-access', params: { host: 'blog.example' } } });
    await optionsWithoutAccess();
    await typeUrl('https://blog.example/feed.xml');
    await act(async () => button('Find feeds')!.click());

    await vi.waitFor(() => expect(alertText()).toBe('Mirror Reader is not allowed to read blog.example, so the feed was not fetched. Allow access to websites at the top of the options page.'));
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'discover', payload: { url: 'https://blog.example/feed.xml' } });
    expect(button('Find feeds')!.disabled).toBe(false);
    expect(banner()).not.toBeNull();
  });

  it('looks for feeds when the user declines but this site is allowed', async () => {
    answerPrompts(false);
    fakeBrowser.runtime.sendMessage.mockResolvedValue(FOUND);
    await optionsWithoutAccess();
    await typeUrl('https://blog.example/feed.xml');
    await act(async () => button('Find feeds')!.click());

    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Found 1 feed.'));
  });

  it('lets the worker decide when the browser rejects the request', async () => {
    request.mockRejectedValueOnce(new Error('A request is already pending'));
    await optionsWithoutAccess();
    await typeUrl('https://blog.example/feed.xml');
    await act(async () => button('Find feeds')!.click());

    await vi.waitFor(() => expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'discover', payload: { url: 'https://blog.example/feed.xml' } }));
  });

  it('asks nothing for an empty field', async () => {
    await optionsWithoutAccess();
    await act(async () => button('Find feeds')!.click());
    expect(alertText()).toBe('Enter the address of a feed or of a web page, for example https://example.com/.');
    expect(request).not.toHaveBeenCalled();
  });

  it('puts the worker\'s no-access error into words with its host', async () => {
    fakeBrowser.runtime.sendMessage.mockResolvedValue({ ok: false, error: { code: 'no-access', params: { host: 'blog.example' } } });
    render(<OptionsApp />, root);
    await typeUrl('https://blog.example/feed.xml');
    await act(async () => button('Find feeds')!.click());

    await vi.waitFor(() => expect(alertText()).toBe('Mirror Reader is not allowed to read blog.example, so the feed was not fetched. Allow access to websites at the top of the options page.'));
  });

  it('stops listening for permission changes when the page goes away', async () => {
    render(<OptionsApp />, root);
    await vi.waitFor(() => expect(onAdded.listeners.size).toBe(1));
    expect(onRemoved.listeners.size).toBe(1);
    await act(() => render(null, root));
    expect(onAdded.listeners.size + onRemoved.listeners.size).toBe(0);
  });
});

describe('popup without access to websites', () => {
  const notice = () => root.querySelector('.access-notice');

  it('shows a one-line notice whose button opens the options page, gone once access is back', async () => {
    setHostAccess(false);
    render(<PopupApp />, root);
    await vi.waitFor(() => expect(notice()?.querySelector('span')?.textContent).toBe("Feeds can't update: access to websites is off."));
    expect(notice()?.getAttribute('role')).toBe('alert');

    await act(async () => button('Allow…')!.click());
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalledTimes(1);
    // The popup never prompts itself: in Firefox the prompt would close it.
    expect(request).not.toHaveBeenCalled();

    await act(() => setHostAccess(true));
    await vi.waitFor(() => expect(notice()).toBeNull());
  });

  it('shows no notice while access is granted', async () => {
    render(<PopupApp />, root);
    await vi.waitFor(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalled());
    await act(async () => undefined);
    expect(notice()).toBeNull();
  });
});
