// Feeds the page in a tab advertises (<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">),
// and the toolbar icon that says so. The worker reads the page with scripting.executeScript when the tab has
// loaded — a function run once in an isolated world, not a content script living in every page, and no
// channel from web pages into the worker (whose router answers only the extension's own pages). The link
// tags are judged by the parser's own feedAlternates, so the popup offers exactly what subscribing accepts.
// The icon changes per tab (a dot on it) rather than the badge, which keeps showing the unread count.
import browser from 'webextension-polyfill';
import type { ReaderDB } from '../db/schema';
import { feedAlternates } from '../feeds/html-alternates';

/** A feed a page advertises; `feedId` when it is subscribed already. */
export interface PageFeed {
  url: string;
  title: string;
  feedId?: number;
}

/** What the injected function returns: the page's alternate link tags as written, and its base address. */
interface PageLinks {
  base: string;
  links: { html: string; title: string }[];
}

/** Runs in the page (serialized by executeScript: it may use nothing from outside itself). */
function readAlternateLinks(): PageLinks {
  const links = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="alternate" i][href]'), (link) => ({ html: link.outerHTML, title: link.title }));
  return { base: document.baseURI, links };
}

const ICONS = {
  plain: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
  feed: { 16: 'icons/icon-feed-16.png', 32: 'icons/icon-feed-32.png' },
};

/** The feeds the page in `tabId` advertises, each once, marked when subscribed; [] for pages the extension may not read. */
export async function pageFeeds(db: ReaderDB, tabId: number): Promise<PageFeed[]> {
  let found: PageLinks | undefined;
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: readAlternateLinks });
    found = injection?.result as PageLinks | undefined;
  } catch {
    // Browser pages, the web store, a page still loading, or access to the site withdrawn: nothing to offer.
    return [];
  }
  const feeds: PageFeed[] = [];
  for (const link of found?.links ?? []) {
    const [url] = feedAlternates(link.html, found!.base);
    if (url !== undefined && !feeds.some((feed) => feed.url === url)) feeds.push({ url, title: link.title.trim() });
  }
  if (feeds.length === 0) return feeds;
  const known = await db.feeds.where('urls').anyOf(feeds.map((feed) => feed.url)).toArray();
  for (const feed of feeds) {
    const subscribed = known.find((row) => row.urls.includes(feed.url));
    if (subscribed) feed.feedId = subscribed.id;
  }
  return feeds;
}

/** Show on the tab's toolbar icon whether its page offers a feed not subscribed yet; returns the page's feeds. */
export async function markTab(db: ReaderDB, tabId: number): Promise<PageFeed[]> {
  const feeds = await pageFeeds(db, tabId);
  const offers = feeds.some((feed) => feed.feedId === undefined);
  try {
    await browser.action.setIcon({ tabId, path: offers ? ICONS.feed : ICONS.plain });
    await browser.action.setTitle({ tabId, title: browser.i18n.getMessage(offers ? 'actionFeedAvailable' : 'extName') });
  } catch {
    // The tab closed meanwhile.
  }
  return feeds;
}
