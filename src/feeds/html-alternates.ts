// An HTML page is not a feed, but its <link rel="alternate"> tags may point to one.
import { resolveReference } from '../shared/url';

const LINK_TAG = /<link\b[^>]*>/gi;
const FEED_TYPES = /^application\/(?:rss|atom|rdf|feed)\+(?:xml|json)$|^application\/(?:json|xml)$|^text\/xml$/i;

/** Feed URLs announced by `<link rel="alternate" type="…feed type…" href>`, resolved against `baseUrl`. */
export function feedAlternates(html: string, baseUrl: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(LINK_TAG)) {
    const rel = attribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const type = attribute(tag, 'type') ?? '';
    const href = attribute(tag, 'href');
    if (!rel.includes('alternate') || !FEED_TYPES.test(type.trim()) || !href) continue;
    // An unresolvable href is not a usable alternate.
    const url = resolveReference(href.trim(), baseUrl);
    if (url !== undefined && !found.includes(url)) found.push(url);
  }
  return found;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value?.replace(/&amp;/g, '&');
}
