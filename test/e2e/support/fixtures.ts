// Documents the feed server publishes in the end-to-end tests: RSS built from a few fields, the mirroring
// job's JSON record, HTML pages, checked-in fixture bytes, and small PNG pictures drawn in code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Route } from '../../../scripts/feed-server';

/** One RSS <item>. `html` goes into content:encoded as CDATA, exactly as written. */
export interface Item {
  guid: string;
  title: string;
  link: string;
  published: Date;
  author?: string;
  html?: string;
}

/** An RSS 2.0 channel. */
export interface Channel {
  title: string;
  link: string;
  items: Item[];
}

/** `minutes` before now, for entries the popup shows as "20 minutes ago", "yesterday"… */
export function minutesAgo(minutes: number): Date {
  return new Date(Date.now() - minutes * 60_000);
}

/** Items of the site at `site`, each linking to <site>/posts/<guid>: `post(guid, title, minutesOld)`. */
export function postsOn(site: string): (guid: string, title: string, minutesOld: number) => Item {
  return (guid, title, minutesOld) => ({ guid, title, link: `${site}/posts/${guid}`, published: minutesAgo(minutesOld) });
}

/** An RSS 2.0 document for `channel`. */
export function rss(channel: Channel): string {
  const items = channel.items.map(
    (item) => `
    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="false">${escapeXml(item.guid)}</guid>
      <pubDate>${item.published.toUTCString()}</pubDate>${item.author ? `\n      <dc:creator>${escapeXml(item.author)}</dc:creator>` : ''}${
        item.html ? `\n      <content:encoded><![CDATA[${item.html}]]></content:encoded>` : ''
      }
    </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <description>${escapeXml(channel.title)}</description>${items.join('')}
  </channel>
</rss>
`;
}

/** A route serving `channel` as RSS. */
export function rssRoute(channel: Channel, extra: Partial<Route> = {}): Route {
  return { body: rss(channel), contentType: 'application/rss+xml; charset=utf-8', ...extra };
}

/** One article of a mirror record; `images` is its articleImgCdnMap (original → CDN copy or null). */
export interface MirrorArticle {
  title: string;
  link: string;
  html: string;
  published: Date;
  linkMd5: string;
  images?: Record<string, string | null>;
}

/** The mirroring job's JSON record (shape of test/fixtures/feeds/mirror-record.json and ../shared/seeds/000_*). */
export function mirrorRoute(feed: { id: number; name: string; url: string }, articles: MirrorArticle[]): Route {
  const body = JSON.stringify({
    code: 1,
    isDone: false,
    toInsertArticleList: articles.map((article) => ({
      title: article.title,
      link: article.link,
      description: article.html,
      descriptionType: 'text/html',
      publishedDate: article.published.toUTCString(),
      feedId: feed.id,
      linkMd5: article.linkMd5,
      ...(article.images ? { articleImgCdnMap: article.images } : {}),
    })),
    record: { feedId: feed.id, contentType: 'text/xml; charset=utf-8' },
    feed: { id: feed.id, name: feed.name, url: feed.url, website: null, description: '', link: null },
  });
  return { body, contentType: 'application/json' };
}

/** A web page; `alternates` become <link rel="alternate"> tags in its head. */
export function htmlPage(title: string, alternates: { href: string; type: string; title: string }[] = []): Route {
  const links = alternates.map((link) => `<link rel="alternate" type="${link.type}" title="${link.title}" href="${link.href}">`).join('\n    ');
  const body = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${title}</title>
    ${links}
  </head>
  <body><h1>${title}</h1><p>Welcome to our website.</p></body>
</html>
`;
  return { body, contentType: 'text/html; charset=utf-8' };
}

/** The bytes of a checked-in fixture under test/fixtures/feeds. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(resolve('test/fixtures/feeds', name));
}

/** What an image host that blocks hotlinking answers. */
export const HOTLINK_REFUSED: Route = { body: 'hotlinking forbidden', contentType: 'text/plain', status: 403 };

/** A route serving a PNG. */
export function pngRoute(body: Uint8Array, extra: Partial<Route> = {}): Route {
  return { body, contentType: 'image/png', ...extra };
}

type Rgb = [number, number, number];

/** A truecolour PNG `width`×`height` whose pixels `paint` chooses. */
export function png(width: number, height: number, paint: (x: number, y: number) => Rgb): Uint8Array {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type: 0, none.
    for (let x = 0; x < width; x++) raw.set(paint(x, y), y * stride + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small landscape (sky, sun, two rows of hills) in the colours of `palette`: a picture worth a screenshot. */
export function landscape(width: number, height: number, palette: { sky: Rgb; horizon: Rgb; sun: Rgb; hills: Rgb; near: Rgb }): Uint8Array {
  const sun = { x: width * 0.72, y: height * 0.34, r: height * 0.12 };
  return png(width, height, (x, y) => {
    const far = height * (0.62 + 0.06 * Math.sin(x / (width / 5)));
    const near = height * (0.78 + 0.05 * Math.sin(x / (width / 3) + 2));
    if (y > near) return palette.near;
    if (y > far) return palette.hills;
    if (Math.hypot(x - sun.x, y - sun.y) < sun.r) return palette.sun;
    return mix(palette.sky, palette.horizon, y / far);
  });
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as Rgb;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
