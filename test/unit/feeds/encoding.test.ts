// Encodings: BOM, XML declaration, Content-Type charset, and fallbacks when a label is wrong.
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/feeds/index';
import { FEED_URL, fixtureBytes, parseFixture } from './fixtures';

const DECLARED: [string, string, string][] = [
  ['gbk', '中文订阅源', '互联互通迈入深水区'],
  ['gb18030', '中文订阅源', '𠀀字与€符号'],
  ['big5', '繁體中文', '臺灣新聞'],
  ['shift_jis', '日本語フィード', 'ニュース'],
  ['euc-kr', '한국어 피드', '뉴스'],
  ['windows-1251', 'Русская лента', 'Новости'],
  ['koi8-r', 'Русская лента', 'Новости'],
  ['iso-8859-2', 'Zażółć gęślą jaźń', 'Łódź'],
  ['windows-1252', 'Café “quoted”', 'naïve – dash'],
];

describe('declared encodings', () => {
  it.each(DECLARED)('decodes %s from the XML declaration', (encoding, title, item) => {
    const feed = parseFixture(`encoding-${encoding}.xml`);
    expect(feed.title).toBe(title);
    expect(feed.entries[0]?.title).toBe(item);
  });
});

describe('fallbacks', () => {
  it('uses the Content-Type charset when the document declares none', () => {
    expect(parseFixture('encoding-gbk-undeclared.xml', { contentType: 'application/rss+xml; charset=GBK' }).title).toBe('错标的编码');
  });

  it('reads GBK bytes that a server mislabels as UTF-8', () => {
    expect(parseFixture('encoding-gbk-undeclared.xml', { contentType: 'text/xml; charset=utf-8' }).title).toBe('错标的编码');
  });

  it('falls back from a wrong declaration to what the bytes are', () => {
    const utf8 = new TextEncoder().encode('<?xml version="1.0" encoding="us-ascii"?><rss><channel><title>naïve 中文</title></channel></rss>');
    expect(parseFeed(utf8, { url: FEED_URL }).title).toBe('naïve 中文');
  });

  it('reads Latin-1 text that is not UTF-8 as windows-1252, never losing bytes', () => {
    const latin = Uint8Array.from([...'<rss><channel><title>caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x93, 0x78, 0x94], [...'</title></channel></rss>'].map((c) => c.charCodeAt(0))));
    expect(parseFeed(latin, { url: FEED_URL }).title).toBe('café “x”');
  });

  it.each([
    ['\u0080', '€'],
    ['\u0093', '“'],
    ['\u009f', 'Ÿ'],
  ])('restores windows-1252 punctuation double-encoded into UTF-8 (%j), keeping other C2 characters', (c1, punctuation) => {
    // A C1 control in UTF-8 is C2 80–C2 9F; a no-break space is C2 A0. With and without a BOM.
    const body = new TextEncoder().encode(`<rss><channel><title>a\u00a0${c1}x</title></channel></rss>`);
    expect(parseFeed(body, { url: FEED_URL }).title).toBe(`a\u00a0${punctuation}x`);
    expect(parseFeed(new Uint8Array([0xef, 0xbb, 0xbf, ...body]), { url: FEED_URL }).title).toBe(`a\u00a0${punctuation}x`);
  });

  it('honours a byte order mark over any label', () => {
    const body = new TextEncoder().encode('<?xml version="1.0" encoding="gbk"?><rss><channel><title>中文</title></channel></rss>');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    expect(parseFeed(withBom, { url: FEED_URL }).title).toBe('中文');
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const text = '<rss><channel><title>中文 UTF-16</title></channel></rss>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(parseFeed(bytes, { url: FEED_URL }).title).toBe('中文 UTF-16');
  });

  it('accepts an ArrayBuffer and a string', () => {
    const bytes = fixtureBytes('encoding-big5.xml');
    expect(parseFeed(bytes.slice().buffer, { url: FEED_URL }).title).toBe('繁體中文');
    expect(parseFeed('\ufeff<rss><channel><title>字符串</title></channel></rss>', { url: FEED_URL }).title).toBe('字符串');
  });
});

/** `xml` with its non-ASCII characters encoded by `encode` (one byte each). */
function singleByte(xml: string, encode: (char: string) => number): Uint8Array {
  return Uint8Array.from([...xml].map((char) => (char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : encode(char))));
}

/** Russian letters А–я in windows-1251 (0xC0–0xFF). */
function cp1251(char: string): number {
  const code = char.charCodeAt(0);
  if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
  throw new Error(`not in the test table: ${char}`);
}

describe('Content-Type charset against the XML declaration (RFC 7303)', () => {
  const russian = (declared: string) => `<?xml version="1.0" encoding="${declared}"?><rss><channel><title>Новости дня</title></channel></rss>`;

  it('shows Cyrillic for text/xml; charset=windows-1251 with an iso-8859-1 declaration', () => {
    const bytes = singleByte(russian('iso-8859-1'), cp1251);
    expect(parseFeed(bytes, { url: FEED_URL, contentType: 'text/xml; charset=windows-1251' }).title).toBe('Новости дня');
  });

  it('lets the HTTP charset win over a declaration that also decodes the bytes', () => {
    // KOI8-R bytes of "Новости" read as windows-1251 would be other Cyrillic letters: the header decides.
    const koi8 = new Uint8Array([0xee, 0xcf, 0xd7, 0xcf, 0xd3, 0xd4, 0xc9]);
    const xml = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>'), ...koi8, ...new TextEncoder().encode('</title></channel></rss>')]);
    expect(parseFeed(xml, { url: FEED_URL, contentType: 'application/rss+xml; charset=koi8-r' }).title).toBe('Новости');
    expect(parseFeed(xml, { url: FEED_URL }).title).toBe('оПЧПУФЙ');
  });

  it('falls back to the declaration when the HTTP charset cannot decode the bytes', () => {
    // GBK bytes are not valid UTF-8: the header is proven wrong, the declaration is right.
    expect(parseFixture('encoding-gbk.xml', { contentType: 'text/xml; charset=utf-8' }).title).toBe('中文订阅源');
    expect(parseFixture('encoding-shift_jis.xml', { contentType: 'application/xml; charset=us-ascii' }).title).toBe('日本語フィード');
  });

  it('keeps valid non-ASCII UTF-8 declared as UTF-8 under a server default of iso-8859-1', () => {
    const utf8 = new TextEncoder().encode('<?xml version="1.0" encoding="utf-8"?><rss><channel><title>Café 中文 — “ok”</title></channel></rss>');
    expect(parseFeed(utf8, { url: FEED_URL, contentType: 'text/xml; charset=ISO-8859-1' }).title).toBe('Café 中文 — “ok”');
  });

  it('reads UTF-8-looking bytes as Latin-1 when the header and the declaration both say Latin-1', () => {
    const bytes = (head: string) => new Uint8Array([...new TextEncoder().encode(`${head}<rss><channel><title>`), 0xc3, 0xa9, ...new TextEncoder().encode('</title></channel></rss>')]);
    expect(parseFeed(bytes('<?xml version="1.0" encoding="iso-8859-1"?>'), { url: FEED_URL, contentType: 'text/xml; charset=iso-8859-1' }).title).toBe('Ã©');
    // Only the document's own UTF-8 declaration overrides the header's Latin-1.
    expect(parseFeed(bytes(''), { url: FEED_URL, contentType: 'text/xml; charset=iso-8859-1' }).title).toBe('Ã©');
    expect(parseFeed(bytes('<?xml version="1.0" encoding="UTF-8"?>'), { url: FEED_URL, contentType: 'text/xml; charset=iso-8859-1' }).title).toBe('é');
  });

  it('reads UTF-8-looking bytes as windows-1252 when only the declaration names it', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="windows-1252"?><rss><channel><title>'), 0xc3, 0xa9, ...new TextEncoder().encode('</title></channel></rss>')]);
    expect(parseFeed(bytes, { url: FEED_URL }).title).toBe('Ã©');
  });

  it('reads real Latin-1 as Latin-1 when the header says so, whatever the declaration', () => {
    const latin = singleByte('<?xml version="1.0" encoding="utf-8"?><rss><channel><title>Crème brûlée</title></channel></rss>', (char) => char.charCodeAt(0));
    expect(parseFeed(latin, { url: FEED_URL, contentType: 'text/xml; charset=iso-8859-1' }).title).toBe('Crème brûlée');
  });

  it('ignores an unknown HTTP charset and uses the declaration', () => {
    expect(parseFixture('encoding-big5.xml', { contentType: 'text/xml; charset=x-no-such-charset' }).title).toBe('繁體中文');
  });
});
