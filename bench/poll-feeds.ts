// The feeds the poll bench serves: one feed server per loopback address (127.0.1.1, 127.0.1.2 …, each a host of
// its own for the scheduler's per-host limit, as a real library spreads over many sites), and RSS documents of
// realistic entries whose ids change with a generation number, so each round brings entirely new entries.
import { startFeedServer, type FeedServer } from '../scripts/feed-server';
import { rss } from './poll-documents';

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
