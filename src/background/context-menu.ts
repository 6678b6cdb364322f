// The context menu: subscribe to a link, or find the feeds of the page. Both open the options page's
// subscribe form at that address (#subscribe=<url>), which finds the feed, previews it and asks before
// subscribing — a right-click never subscribes blindly, and works for a page address as for a feed's.
import browser, { type Menus } from 'webextension-polyfill';

/** The menu items' ids. */
export const MENU_IDS = { link: 'subscribe-link', page: 'subscribe-page' } as const;

const WEB = ['http://*/*', 'https://*/*'];

/** The options page's subscribe form, opened at `url`. */
export function subscribePageUrl(url: string): string {
  return browser.runtime.getURL(`src/pages/options/index.html#subscribe=${encodeURIComponent(url)}`);
}

/** (Re)create the items; menus outlive the worker, so this runs at install and browser start. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_IDS.link, title: browser.i18n.getMessage('menuSubscribeLink'), contexts: ['link'], targetUrlPatterns: WEB });
  browser.contextMenus.create({ id: MENU_IDS.page, title: browser.i18n.getMessage('menuSubscribePage'), contexts: ['page'], documentUrlPatterns: WEB });
}

/** A click on one of our items: the options page at the link's or the page's address. */
export async function onMenuClick(info: Menus.OnClickData): Promise<void> {
  const url = info.menuItemId === MENU_IDS.link ? info.linkUrl : info.menuItemId === MENU_IDS.page ? info.pageUrl : undefined;
  if (url === undefined) return;
  await browser.tabs.create({ url: subscribePageUrl(url) });
}
