// Where sites that do not link their feed usually keep it. The worker tries these one at a time, only
// when a page advertises no feed and no site rule applies, and stops at the first feed (see discover.ts).

/** Paths tried at the site's root, most common first (WordPress, static site generators, Blogger, Hugo). */
export const COMMON_FEED_PATHS = ['/feed', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml', '/rss', '/feed.json', '/feeds/posts/default'];

/** The addresses to try for `pageUrl`, on its own origin, without the page itself. */
export function commonFeedUrls(pageUrl: string): string[] {
  let origin: string;
  try {
    origin = new URL(pageUrl).origin;
  } catch {
    return [];
  }
  const page = new URL(pageUrl).href;
  return COMMON_FEED_PATHS.map((path) => new URL(path, origin).href).filter((url) => url !== page);
}
