// The context menu's clicks open the options page's subscribe form at the link's or the page's address.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MENU_IDS, onMenuClick } from '../../../src/background/context-menu';
import { fakeBrowser } from '../ui/fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

beforeEach(() => fakeBrowser.tabs.create.mockClear());

describe('context menu', () => {
  it('opens the subscribe form at a link address, encoded', async () => {
    await onMenuClick({ menuItemId: MENU_IDS.link, linkUrl: 'https://blog.example/feed?a=1&b=2', pageUrl: 'https://blog.example/', editable: false, modifiers: [] });
    expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: 'chrome-extension://fake-id/src/pages/options/index.html#subscribe=https%3A%2F%2Fblog.example%2Ffeed%3Fa%3D1%26b%3D2' });
  });

  it('opens it at the page address for the page item, and ignores items that are not ours', async () => {
    await onMenuClick({ menuItemId: MENU_IDS.page, pageUrl: 'https://news.example/today', editable: false, modifiers: [] });
    await onMenuClick({ menuItemId: 'someone-else', pageUrl: 'https://news.example/today', editable: false, modifiers: [] });
    expect(fakeBrowser.tabs.create.mock.calls).toEqual([[{ url: 'chrome-extension://fake-id/src/pages/options/index.html#subscribe=https%3A%2F%2Fnews.example%2Ftoday' }]]);
  });
});
