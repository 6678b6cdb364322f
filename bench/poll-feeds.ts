// The feeds the poll bench serves: one feed server per loopback address (127.0.1.1, 127.0.1.2 …, each a host of
// its own for the scheduler's per-host limit, as a real library spreads over many sites), and RSS documents of
// realistic entries whose ids change with a generation number, so each round brings entirely new entries.
import { startFeedServer, type FeedServer } from '../scripts/feed-server';

/** Servers on `count` loopback hosts. */
export async function startHosts(count: number): Promise<FeedServer[]> {
  return Promise.all(Array.from({ length: count }, (_, index) => startFeedServer({}, 0, undefined, `127.0.1.${index + 1}`)));
}

/** Stop every server. */
export async function stopHosts(hosts: readonly FeedServer[]): Promise<void> {
  await Promise.all(hosts.map((host) => host.close()));
}

/** The address of feed `index`, spread round-robin over `hosts`. */
export function feedUrl(hosts: readonly FeedServer[], index: number): string {
  return `${hosts[index % hosts.length]!.origin}/feeds/${index}.xml`;
}

/**
 * Serve feed `index` with `entries` entries of generation `generation` (new ids each generation), dated minutes
 * before `base` (recent, so retention keeps them), with an ETag so the next poll can be answered 304.
 */
export function publish(hosts: readonly FeedServer[], index: number, entries: number, generation: number, base: number): void {
  const host = hosts[index % hosts.length]!;
  host.routes.set(`/feeds/${index}.xml`, { body: rss(index, entries, generation, base), contentType: 'application/rss+xml; charset=utf-8', etag: `"feed-${index}-gen-${generation}"` });
}

// About 1 KB per entry: a title, a link, a date, an author and a few paragraphs of HTML with an image.
function rss(index: number, entries: number, generation: number, base: number): string {
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
