// The bench's generated feed: RSS 2.0, 2,000 entries, ~5 MB, with links, images, srcset and
// enclosures. With `relative` (the default) every one of its ~60,000 URLs needs resolving: a worst
// case; real feeds mostly write absolute URLs, which the other variant measures.

/** Builds the ~5 MB RSS document (deterministic). */
export function generateRss(entries = 2000, relative = true): string {
  const root = relative ? '' : 'https://example.com/';
  const parts = [
    '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel><title>Bench &amp; feed</title><link>https://example.com/</link><description>Generated for the parse bench</description>\n',
  ];
  for (let i = 0; i < entries; i++) {
    const paragraph = `<p>Paragraph ${i} — 中文段落 with <a href="${root || '/'}a/${i}">a link</a>, <img src="${root}img/${i}.jpg" srcset="${root}img/${i}.jpg 1x, ${root}img/${i}@2x.jpg 2x" alt=""> and text &amp; more text, long enough to look like an article.</p>\n`;
    const body = paragraph.repeat(9);
    parts.push(
      `<item><title>Entry ${i} &amp; its title</title><link>https://example.com/p/${i}</link><guid isPermaLink="false">id-${i}</guid>`,
      `<pubDate>Thu, 01 Jan 2004 19:48:${String(i % 60).padStart(2, '0')} GMT</pubDate><dc:creator>Author ${i % 13}</dc:creator><category>c${i % 7}</category>`,
      `<description><![CDATA[${body.slice(0, 300)}]]></description><content:encoded><![CDATA[${body}]]></content:encoded>`,
      `<enclosure url="${root || '/'}m/${i}.mp3" length="12345" type="audio/mpeg"/></item>\n`,
    );
  }
  parts.push('</channel></rss>\n');
  return parts.join('');
}
