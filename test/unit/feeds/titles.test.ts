// Titles are plain text in the model: HTML titles (Atom type="html"/"xhtml", RSS titles with markup or
// double-escaped references) are reduced to what a browser shows; text titles stay exactly as written.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/feeds/index';
import { plainTitle } from '../../../src/feeds/html-text';

const URL = 'https://feeds.example/x.xml';

function atomTitle(title: string): string {
  const xml = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Feed</title><entry><id>1</id>${title}</entry></feed>`;
  return parseFeed(new TextEncoder().encode(xml), { url: URL }).entries[0]!.title;
}

function rssTitles(title: string): { feed: string; entry: string } {
  const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><item><guid>1</guid><title>${title}</title></item></channel></rss>`;
  const feed = parseFeed(new TextEncoder().encode(xml), { url: URL });
  return { feed: feed.title, entry: feed.entries[0]!.title };
}

describe('Atom titles', () => {
  it.each([
    ['<title type="html">Example &lt;b&gt;Atom&lt;/b&gt;</title>', 'Example Atom'],
    ['<title type="html">Q&amp;amp;A &lt;br&gt;today</title>', 'Q&A today'],
    ['<title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>Bold</b> &amp; more</div></title>', 'Bold & more'],
    ['<title type="text">AT&amp;T &lt;3 &lt;b&gt;</title>', 'AT&T <3 <b>'],
    ['<title>History of the &lt;blink&gt; tag</title>', 'History of the <blink> tag'],
    ['<title type="html">&lt;script&gt;alert(1)&lt;/script&gt;Safe</title>', 'Safe'],
  ])('%s → %j', (xml, expected) => {
    expect(atomTitle(xml)).toBe(expected);
  });
});

describe('RSS titles', () => {
  it.each([
    ['Example &lt;b&gt;Atom&lt;/b&gt;', 'Example Atom'],
    ['<![CDATA[<em>Hi</em> there]]>', 'Hi there'],
    ['AT&amp;amp;T', 'AT&T'],
    ['a &lt; b and c &gt; d', 'a < b and c > d'],
    ['Tom &amp; Jerry', 'Tom & Jerry'],
    ['产品周报179期 | 腾讯', '产品周报179期 | 腾讯'],
  ])('%s → %j, for the feed and its items', (xml, expected) => {
    expect(rssTitles(xml)).toEqual({ feed: expected, entry: expected });
  });
});

describe('plainTitle', () => {
  it('leaves a title without markup exactly as it is', () => {
    expect(plainTitle('  5 < 6 & 7 > 2  ')).toBe('  5 < 6 & 7 > 2  ');
  });
});

describe('mirror record titles', () => {
  it('reduces the copied source title to its text', () => {
    const record = { code: 1, toInsertArticleList: [{ title: 'Example <b>Atom</b> &amp; more', link: 'https://blog.example/1', description: '<p>x</p>', linkMd5: 'abc' }], feed: { id: 1, name: 'Mirror', url: 'https://blog.example/rss' } };
    const feed = parseFeed(new TextEncoder().encode(JSON.stringify(record)), { url: URL });
    expect(feed.entries[0]?.title).toBe('Example Atom & more');
  });
});
