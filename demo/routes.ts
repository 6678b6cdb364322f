// What the demo server answers: three mirrored feeds in the shapes the extension exists for, the pictures
// they show (CDN, blocked origin, open origin, proxy), and an index page linking the feeds.
import type { Route } from '../scripts/feed-server';
import { fieldNotesRecord } from './field-notes';
import { imageRoutes, imageUrls, proxyRoute } from './images';
import { paperBoatAtom } from './paper-boat';
import { townBulletinRss } from './town-bulletin';

/** One demo feed: where it is served, as what, what it shows off, and its body for a server at `origin`. */
export interface DemoFeed {
  path: string;
  contentType: string;
  title: string;
  shows: string;
  body(origin: string, now: number): string | Uint8Array;
}

/** The demo feeds, in the order they are subscribed. */
export const DEMO_FEEDS: readonly DemoFeed[] = [
  {
    path: '/feeds/field-notes.json',
    contentType: 'application/json; charset=utf-8',
    title: '山野手记 · Field Notes',
    shows: 'a mirror job\'s JSON record; CDN image map with one null entry',
    body: (origin, now) => fieldNotesRecord(imageUrls(origin), now),
  },
  {
    path: '/feeds/paper-boat.atom',
    contentType: 'application/atom+xml; charset=utf-8',
    title: '纸船设计笔记 · 镜像',
    shows: 'a static-site mirror\'s Atom; proxied and lazy-loaded images',
    body: (origin, now) => paperBoatAtom(imageUrls(origin), now),
  },
  {
    path: '/feeds/town-bulletin.rss',
    // No charset in the header, as on many old sites: the XML declaration has to be read.
    contentType: 'application/rss+xml',
    title: '南桥社区简报',
    shows: 'plain RSS 2.0 in GBK',
    body: townBulletinRss,
  },
];

/** Every fixed route of a demo server at `origin`, feeds dated relative to `now`. */
export function demoRoutes(origin: string, now: number = Date.now()): Record<string, Route> {
  const routes: Record<string, Route> = { '/': { body: indexPage(origin), contentType: 'text/html; charset=utf-8' }, ...imageRoutes() };
  for (const feed of DEMO_FEEDS) routes[feed.path] = { body: feed.body(origin, now), contentType: feed.contentType };
  return routes;
}

/** Routes answered from the request itself (the image proxy); undefined means 404. */
export function demoFallback(origin: string): (url: URL) => Route | undefined {
  return (url) => proxyRoute(url, origin);
}

/** A page listing the feeds; its <link rel="alternate"> tags let the options page find them from the root URL. */
function indexPage(origin: string): string {
  const alternates = DEMO_FEEDS.map((feed) => `<link rel="alternate" type="${feed.contentType.split(';')[0]}" title="${feed.title}" href="${origin}${feed.path}">`);
  const items = DEMO_FEEDS.map((feed) => `<li><a href="${feed.path}">${feed.title}</a> — ${feed.shows}</li>`);
  return `<!doctype html><meta charset="utf-8"><title>Mirror Reader demo feeds</title>${alternates.join('')}
<h1>Mirror Reader demo feeds</h1><ul>${items.join('')}</ul>`;
}
