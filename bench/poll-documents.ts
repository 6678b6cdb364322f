// The RSS documents of the poll bench, in a file of their own so the floors run in the worker can build them too.

/** Feed `index` with `entries` entries of `generation`, about 1 KB each: a title, a link, a date, an author and a few
 * paragraphs of HTML with an image. */
export function rss(index: number, entries: number, generation: number, base: number): string {
  const items: string[] = [];
  for (let j = 0; j < entries; j++) {
    const id = `feed-${index}-gen-${generation}-entry-${j}`;
    items.push(`<item><guid isPermaLink="false">${id}</guid><title>Report ${j} of feed ${index}, edition ${generation}</title>
<link>https://site-${index}.example/posts/${generation}/${j}</link><pubDate>${new Date(base - j * 60_000).toUTCString()}</pubDate>
<author>desk@site-${index}.example (News Desk)</author>
<description><![CDATA[<p>The council met on Tuesday to discuss item ${j}: the harbour, the library and the new tram line.</p>
<p><img src="https://cdn.example/${index}/${j}.jpg" alt="The harbour at dawn"> Residents asked for longer opening hours and more benches along the river walk.</p>
<p>Further reading and the full minutes are on the <a href="https://site-${index}.example/minutes/${j}">council site</a>.</p>]]></description></item>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed ${index}</title><link>https://site-${index}.example/</link><description>Feed ${index}</description>${items.join('\n')}</channel></rss>`;
}
