// Relative URLs: xml:base, the feed URL and the entry link, for links, enclosures and content.
import { describe, expect, it } from 'vitest';
import { resolveContentUrls } from '../../../src/feeds/content-urls';
import { parseFeed } from '../../../src/feeds/index';
import { resolveUrl } from '../../../src/feeds/urls';

const BASE = 'https://example.com/blog/post/';

describe('resolveUrl', () => {
  it.each([
    ['/a/b', 'https://example.com/a/b'],
    ['img/1.jpg', 'https://example.com/blog/post/img/1.jpg'],
    ['../up?x=1#f', 'https://example.com/blog/up?x=1#f'],
    ['//cdn.example.net/x.png', 'https://cdn.example.net/x.png'],
    ['%7Ebob', 'https://example.com/blog/post/%7Ebob'],
    ['https://cors.zfour.workers.dev/?http://image.woshipm.com/a.jpg', 'https://cors.zfour.workers.dev/?http://image.woshipm.com/a.jpg'],
  ])('resolves %j like the URL standard', (href, expected) => {
    expect(resolveUrl(href, BASE)).toBe(expected);
  });

  it('gives undefined for blank and keeps the unresolvable as written', () => {
    expect(resolveUrl('  ', BASE)).toBeUndefined();
    expect(resolveUrl('relative', undefined)).toBe('relative');
  });
});

describe('resolveContentUrls', () => {
  it('rewrites src, href, srcset and poster in tags, in any quoting', () => {
    const html = `<img src=a.png srcset='a.png 1x, /b.png 2x'><a href="../c?x=1&amp;y=2">c</a><video poster="p.jpg"></video>`;
    expect(resolveContentUrls(html, BASE)).toBe(
      `<img src="https://example.com/blog/post/a.png" srcset='https://example.com/blog/post/a.png 1x, https://example.com/b.png 2x'><a href="https://example.com/blog/c?x=1&amp;y=2">c</a><video poster="https://example.com/blog/post/p.jpg"></video>`,
    );
  });

  it('leaves absolute, anchor, data-* and prose look-alikes alone', () => {
    const html = '<img data-src="lazy.jpg" data-srcset="l.jpg 2x" src="https://x.test/a.jpg"><a href="#top">t</a> text src="not-a-tag" <a href="mailto:a@b.c">m</a>';
    expect(resolveContentUrls(html, BASE)).toBe(html);
  });
});

describe('feed-level resolution', () => {
  it('uses xml:base first, then the entry link, then the feed URL', () => {
    const xml = `<rss><channel><link>/</link>
      <item><link>https://site.test/a/post.html</link><description>&lt;img src="i.png"&gt;</description><enclosure url="m.mp3"/></item>
      <item xml:base="https://based.test/dir/"><description>&lt;img src="i.png"&gt;</description></item>
      <item><description>&lt;img src="i.png"&gt;</description></item>
    </channel></rss>`;
    const feed = parseFeed(xml, { url: 'https://feeds.test/rss/feed.xml' });
    expect(feed.siteUrl).toBe('https://feeds.test/');
    expect(feed.entries.map((entry) => entry.summaryHtml)).toEqual(['<img src="https://site.test/a/i.png">', '<img src="https://based.test/dir/i.png">', '<img src="https://feeds.test/rss/i.png">']);
    expect(feed.entries[0]?.enclosures[0]?.url).toBe('https://feeds.test/rss/m.mp3');
  });
});

describe('item links', () => {
  it('falls back from an empty <link> to its href, then to a permalink guid', () => {
    const xml = `<rss><channel>
      <item><link href="/by-href"/></item>
      <item><guid>https://site.test/permalink</guid></item>
      <item><guid isPermaLink="false">https://site.test/not-a-link</guid></item>
    </channel></rss>`;
    const feed = parseFeed(xml, { url: 'https://site.test/feed' });
    expect(feed.entries.map((entry) => entry.url)).toEqual(['https://site.test/by-href', 'https://site.test/permalink', undefined]);
    expect(feed.entries[2]?.id).toBe('https://site.test/not-a-link');
  });
});

describe('links that are not web addresses', () => {
  it.each(['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)'])('drops the site and entry link %j', (href) => {
    const xml = `<rss version="2.0"><channel><title>T</title><link>${href}</link><item><title>I</title><guid>g1</guid><link>${href}</link></item></channel></rss>`;
    const feed = parseFeed(xml, { url: 'https://feeds.test/rss.xml' });
    expect(feed.siteUrl).toBeUndefined();
    expect(feed.entries[0]!.url).toBeUndefined();
  });

  it('keeps http(s) site and entry links, relative ones resolved', () => {
    const xml = '<rss version="2.0"><channel><title>T</title><link>/</link><item><title>I</title><link>http://site.test/a</link></item></channel></rss>';
    const feed = parseFeed(xml, { url: 'https://feeds.test/rss.xml' });
    expect(feed.siteUrl).toBe('https://feeds.test/');
    expect(feed.entries[0]!.url).toBe('http://site.test/a');
  });
});
