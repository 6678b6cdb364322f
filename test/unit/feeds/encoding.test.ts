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
