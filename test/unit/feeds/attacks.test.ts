// Entity attacks never expand: billion laughs, quadratic blow-up and external entities.
import { describe, expect, it } from 'vitest';
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
