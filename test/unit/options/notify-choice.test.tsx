// @vitest-environment happy-dom
// Notifications are an optional permission, asked for in a feed's settings: ticking "Notify me of new entries"
// asks the browser inside the change event itself (no await before it: Firefox refuses later requests), a
// refusal unticks the box and says why, and a feed whose notifications are on without the permission says so
// and asks again on a click. The saved patch carries what the box shows when it differs from the stored value.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedSettings } from '../../../src/pages/options/feed-settings';
import { answerPrompts, fakeBrowser, resetPermissions, setApiPermission } from '../ui/fake-browser';
import { feed } from '../ui/seed';
import { button, click, closePage, freshPage, replies, sent, show, until } from './page-harness';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

beforeEach(async () => {
  await freshPage();
  resetPermissions();
  replies['update-feed'] = () => ({ ok: true, value: null });
});
afterEach(closePage);

const { request } = fakeBrowser.permissions;
const NOTIFICATIONS = { permissions: ['notifications'] };

async function panel(notify: 0 | 1): Promise<HTMLElement> {
  const root = await show(<FeedSettings id="p" feed={feed(4, 'Gazette', { notify })} counts={undefined} onStatus={() => undefined} />);
  // The permission's state is read once the panel is shown.
  await until(() => expect(fakeBrowser.permissions.contains).toHaveBeenCalledWith(NOTIFICATIONS));
  return root;
}

const box = (root: HTMLElement) => root.querySelector<HTMLInputElement>('#p-notify')!;
const said = (root: HTMLElement) => root.querySelector('.notify-choice p')?.textContent ?? '';

/** Tick the box as a click does: checked, then the change event. Returns whether the browser was asked by the
 * time the event had been handled, before any promise could settle. */
async function tick(root: HTMLElement): Promise<boolean> {
  let askedInHandler = false;
  await act(() => {
    box(root).checked = true;
    box(root).dispatchEvent(new Event('change', { bubbles: true }));
    askedInHandler = request.mock.calls.length > 0;
  });
  return askedInHandler;
}

async function savedNotify(): Promise<unknown> {
  await click('Save');
  return (sent().at(-1)?.payload.patch as { notify?: unknown }).notify;
}

describe('turning a feed’s notifications on', () => {
  it('asks the browser within the change event; allowed, the box stays ticked and is saved', async () => {
    const root = await panel(0);
    expect(await tick(root)).toBe(true);
    expect(request).toHaveBeenCalledWith(NOTIFICATIONS);
    await until(() => expect(said(root)).toBe(''));
    expect(box(root).checked).toBe(true);
    expect(await savedNotify()).toBe(true);
  });

  it('unticks the box and says why when the user refuses', async () => {
    answerPrompts(false);
    const root = await panel(0);
    await tick(root);
    await until(() => expect(said(root)).toBe('Notifications stay off: the browser was not allowed to show them. Tick the box to be asked again.'));
    expect(root.querySelector('.notify-choice [role="alert"]')).not.toBeNull();
    expect(box(root).checked).toBe(false);
    expect(box(root).getAttribute('aria-describedby')).toBe('p-notify-hint');
    // Off, as stored: Save does not send it.
    expect(await savedNotify()).toBeUndefined();
  });

  it('reports a request the browser rejects instead of asking', async () => {
    request.mockRejectedValueOnce(new Error('Blocked by your administrator'));
    const root = await panel(0);
    await tick(root);
    await until(() => expect(said(root)).toBe('The browser would not ask about notifications: Blocked by your administrator'));
    expect(box(root).checked).toBe(false);
  });

  it('does not ask again once notifications are allowed', async () => {
    setApiPermission('notifications', true);
    const root = await panel(0);
    await until(() => expect(fakeBrowser.permissions.contains).toHaveReturned());
    await act(async () => undefined);
    expect(await tick(root)).toBe(false);
    expect(request).not.toHaveBeenCalled();
    expect(await savedNotify()).toBe(true);
  });

  it('says so when they are on without the permission, and asks on a click of Allow notifications', async () => {
    const root = await panel(1);
    await until(() => expect(said(root)).toBe('The browser does not let Mirror Reader show notifications yet, so none are shown. Allow notifications'));
    expect(box(root).checked).toBe(true);
    await click('Allow notifications');
    expect(request).toHaveBeenCalledWith(NOTIFICATIONS);
    // The browser's permissions.onAdded tells the page, which then has nothing more to say.
    await until(() => expect(said(root)).toBe(''));
    expect(button('Allow notifications')).toBeUndefined();
  });

  it('follows the permission withdrawn in the browser while the page is open', async () => {
    setApiPermission('notifications', true);
    const root = await panel(1);
    await act(async () => undefined);
    expect(said(root)).toBe('');
    await act(() => setApiPermission('notifications', false));
    await until(() => expect(said(root)).toContain('The browser does not let Mirror Reader show notifications yet'));
  });
});
