// Golden tests: one small fixture per format, the fields a reader shows checked exactly.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/feeds/index';
import { FEED_URL, parseFixture } from './fixtures';

describe('RSS 2.0', () => {
  const feed = parseFixture('rss2.xml');

  it('reads the channel, tolerating mixed case, undeclared entities and trailing garbage', () => {
    expect(feed).toMatchObject({
      format: 'rss',
      title: 'Example & Co\u00a0News',
      siteUrl: 'https://feeds.example.net/',
      description: 'Daily — news',
      iconUrl: 'https://feeds.example.net/logo.png',
      language: 'en-us',
      updatedAt: Date.UTC(2021, 8, 6, 16, 45),
    });
    expect(feed.entries).toHaveLength(2);
  });

  it('maps an item with absolute links, enclosure and resolved content URLs', () => {
    expect(feed.entries[0]).toEqual({
      id: 'post-1',
      title: 'First & only',
      url: 'https://feeds.example.net/posts/1',
      author: 'Jane Doe',
      publishedAt: Date.UTC(2021, 8, 5, 12),
      contentHtml: '<p>Full <a href="https://feeds.example.net/about">text</a> <img src="https://feeds.example.net/posts/a.jpg" srcset="https://feeds.example.net/posts/a.jpg 1x, https://feeds.example.net/b.jpg 2x"></p>',
      summaryHtml: '<p>Summary with <img src="https://feeds.example.net/posts/img/a.png"></p>',
      categories: ['news', 'tech'],
      enclosures: [{ url: 'https://feeds.example.net/media/ep1.mp3', type: 'audio/mpeg', length: 1234 }],
    });
  });

  it('gives an entry with neither guid nor link a stable hash id and no date for a bad one', () => {
    const entry = feed.entries[1];
    expect(entry?.id).toMatch(/^hash:[0-9a-f]{16}$/);
    expect(entry?.id).toBe(parseFixture('rss2.xml').entries[1]?.id);
    expect(entry).not.toHaveProperty('publishedAt');
  });
});

describe('Atom 1.0', () => {
  const feed = parseFixture('atom10.xml');

  it('resolves links against nested xml:base', () => {
    expect(feed.siteUrl).toBe('https://blog.example.org/');
    expect(feed.iconUrl).toBe('https://blog.example.org/favicon.ico');
    expect(feed.entries[0]?.url).toBe('https://blog.example.org/posts/2003/12/13/atom03');
    expect(feed.entries[0]?.enclosures).toEqual([{ url: 'https://blog.example.org/media/a.mp3', type: 'audio/mpeg', length: 1337 }]);
  });

  it('keeps inline XHTML without its wrapping div and resolves its URLs; an XHTML title is its text', () => {
    expect(feed.entries[0]?.contentHtml).toBe('<p><img src="https://blog.example.org/posts/pic.png"/> and <a href="https://blog.example.org/about">about</a></p>');
    expect(feed.entries[0]?.title).toBe('An XHTML title');
    expect(feed.description).toBe('A <b>bold</b> blog');
  });

  it('reads people, dates with offsets and category labels', () => {
    expect(feed.author).toBe('John Doe');
    expect(feed.entries[0]).toMatchObject({ publishedAt: Date.UTC(2003, 11, 13, 12, 29, 29), updatedAt: Date.UTC(2003, 11, 13, 18, 30, 2), categories: ['Atom'] });
  });
});

describe('Atom 0.3', () => {
  it('reads tagline, issued/modified and base64 content', () => {
    const feed = parseFixture('atom03.xml');
    expect(feed).toMatchObject({ format: 'atom', description: 'An <i>old</i> feed', updatedAt: Date.UTC(2004, 0, 1, 19, 48, 21) });
    expect(feed.entries[0]).toMatchObject({ id: 'tag:old.example.com,2004:1', publishedAt: Date.UTC(2004, 0, 1, 17), updatedAt: Date.UTC(2004, 0, 2), contentHtml: '<p>Hello</p>' });
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads items beside the channel, rdf:about as id and Dublin Core fields', () => {
    const feed = parseFixture('rdf.xml');
    expect(feed).toMatchObject({ format: 'rdf', title: 'RDF site', siteUrl: 'http://rdf.example.com/', updatedAt: Date.UTC(2004, 0, 31, 15) });
    expect(feed.entries).toEqual([
      { id: 'http://rdf.example.com/items/1', title: 'RDF item', url: 'http://rdf.example.com/items/1', author: 'Yamada', publishedAt: Date.UTC(2004, 0, 31, 10), updatedAt: Date.UTC(2004, 0, 31, 10), categories: ['rdf'], enclosures: [] },
    ]);
  });
});

describe('JSON Feed 1.1', () => {
  const feed = parseFixture('jsonfeed.json');

  it('reads the feed and an HTML item against feed_url', () => {
    expect(feed).toMatchObject({ format: 'json', title: 'JSON blog', siteUrl: 'https://json.example.org/', iconUrl: 'https://json.example.org/icon.png', author: 'Brent' });
    expect(feed.entries[0]).toMatchObject({
      id: '2',
      url: 'https://json.example.org/2',
      contentHtml: '<p><img src="https://json.example.org/pic.jpg"></p>',
      coverUrl: 'https://json.example.org/cover.jpg',
      categories: ['a', 'b'],
      enclosures: [{ url: 'https://json.example.org/a.m4a', type: 'audio/x-m4a', length: 89970236 }],
    });
  });

  it('turns a numeric id into a string and keeps content_text as text', () => {
    expect(feed.entries[1]).toMatchObject({ id: '1', contentText: 'Line one\nLine two', updatedAt: Date.UTC(2010, 1, 7, 15) });
    expect(feed.entries[1]).not.toHaveProperty('contentHtml');
  });
});

describe('keys of entries without an id', () => {
  const item = (title: string) => `<item><title>${title}</title><link>https://agg.example/same</link><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate></item>`;
  const ids = (...titles: string[]) => parseFeed(`<rss version="2.0"><channel><title>Agg</title>${titles.map(item).join('')}</channel></rss>`, { url: FEED_URL }).entries.map((entry) => entry.id);

  it('keys an entry by its link and a hash, the same whether or not another entry shares the link', () => {
    const [alone] = ids('A');
    const [shared, other] = ids('A', 'B');
    expect(alone).toMatch(/^https:\/\/agg\.example\/same#hash:[0-9a-f]{16}$/);
    expect(shared).toBe(alone);
    expect(other).not.toBe(alone);
  });
});
