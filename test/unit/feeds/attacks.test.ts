// Attacks: entities never expand (billion laughs, quadratic blow-up, external entities) and content
// URL rewriting stays linear on markup built to make it backtrack.
import { describe, expect, it } from 'vitest';
import { resolveContentUrls } from '../../../src/feeds/content-urls';
import { parseFeed } from '../../../src/feeds/index';

const META = { url: 'https://attacker.test/feed' };

describe('entity attacks', () => {
  it('does not expand nested entities (billion laughs)', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">${levels}]><rss><channel><title>&lol9;</title></channel></rss>`;
    const feed = parseFeed(xml, META);
    expect(feed.title).toBe('&lol9;');
  });

  it('bounds the expansion of a plain entity used many times', () => {
    const xml = `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(200)}">]><rss><channel><title>${'&big;'.repeat(50_000)}</title></channel></rss>`;
    const feed = parseFeed(xml, META);
    expect(feed.title.length).toBeLessThanOrEqual(xml.length * 2 + 1_000_000);
  });

  it('never reads external entities', () => {
    const xml = `<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "https://attacker.test/x">]><rss><channel><title>a&xxe;b&remote;</title></channel></rss>`;
    expect(parseFeed(xml, META).title).toBe('a&xxe;b&remote;');
  });

  it('expands a plain internal entity once, as XML readers do', () => {
    const xml = `<!DOCTYPE rss [<!ENTITY site "tag:example.com,">]><rss><channel><item><guid>&site;2006:1</guid></item></channel></rss>`;
    expect(parseFeed(xml, META).entries[0]?.id).toBe('tag:example.com,2006:1');
  });

  it('keeps a DOCTYPE look-alike inside CDATA as content', () => {
    const xml = '<rss><channel><item><description><![CDATA[ <!DOCTYPE ]]></description></item></channel></rss>';
    expect(parseFeed(xml, META).entries[0]?.summaryHtml).toBe('<!DOCTYPE');
  });
});

describe('content URL rewriting on hostile markup', () => {
  // Built so that a backtracking pre-check would rescan to the end from every "srcset=": ~10¹¹ steps,
  // a hang the test timeout catches; a linear pass takes milliseconds.
  it.each([
    ['unterminated quoted srcset values', '<img ' + 'srcset="https://a.test/x 1x '.repeat(100_000)],
    ['srcset values without commas or ">"', ' srcset=https://a.test/x.png 1x'.repeat(100_000)],
    // Backtracking the spaces after "=" into the scheme check would be quadratic in the run of spaces.
    ['an absolute URL after a million spaces', `<img src=${' '.repeat(1_000_000)}https://a.test/x.png>`],
    ['a quoted absolute URL after a million spaces', `<img src = "${' '.repeat(1_000_000)}https://a.test/x.png">`],
  ])('rewrites content URLs in linear time on %s', (_, html) => {
    const xml = `<rss><channel><item><link>https://site.test/p</link><description><![CDATA[${html}]]></description></item></channel></rss>`;
    expect(parseFeed(xml, META).entries[0]?.summaryHtml).toBe(html.trim());
  });

  // Every opener looks for its end from where it stands: a scanner that searched to the end of the input
  // for each one (~10¹² characters) would hang. Nothing closes, so every image is comment or raw text.
  it.each([
    ['unterminated comments', '<!--<img src="a.png">'.repeat(300_000)],
    ['unterminated script elements', '<script><img src="a.png">'.repeat(300_000)],
    ['end tags that only start like the right one', '<textarea>' + '</textareas><img src="a.png">'.repeat(300_000)],
  ])('skips comments and raw text in linear time on %s', (_, html) => {
    expect(resolveContentUrls(html, 'https://site.test/p')).toBe(html);
  });

  // 300,000 query URLs: rescanning the rest of the document for each (~10¹² characters) would hang.
  it('rewrites many relative URLs with queries in linear time, each read within its own value', () => {
    const html = '<a href="?a=1">x</a>'.repeat(300_000);
    expect(resolveContentUrls(html, 'https://site.test/p')).toBe('<a href="https://site.test/p?a=1">x</a>'.repeat(300_000));
  });
});
