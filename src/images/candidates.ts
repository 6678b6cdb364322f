// The ordered list of URLs to try for one picture: CDN copies first, then the unwrapped originals, then the
// addresses as written (proxied). Pure: the reader applies it to the DOM and moves down the list on error.
import { sourceUrls } from './lazy';
import { httpUrl, unwrapChain } from './unwrap';

/** Original image URL → CDN copy, or null when the mirror has none (EntryRow.imageMap). */
export type ImageMap = Readonly<Record<string, string | null>>;

/** Inline pictures large enough to be real content (small ones are filtered out as placeholders). */
const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,/i;

/** Candidate URLs for an <img> with these attributes, best first, without repeats; only http(s) and inline images. */
export function imageCandidates(attributes: Readonly<Record<string, string>>, imageMap: ImageMap = {}, baseUrl?: string): string[] {
  const cdn: string[] = [];
  const originals: string[] = [];
  const written: string[] = [];
  for (const raw of sourceUrls(attributes)) {
    if (INLINE_IMAGE.test(raw)) {
      written.push(raw);
      continue;
    }
    const absolute = httpUrl(raw, baseUrl);
    if (!absolute) continue;
    const chain = unwrapChain(absolute);
    for (const url of [...chain].reverse()) {
      const copy = lookup(imageMap, url) ?? (url === absolute ? lookup(imageMap, raw) : undefined);
      if (copy) cdn.push(copy);
    }
    if (chain.length > 1) originals.push(chain[chain.length - 1]!);
    written.push(absolute);
  }
  return [...new Set([...cdn, ...originals, ...written])];
}

/** Candidates for a bare URL, such as an entry's cover image. */
export function urlCandidates(url: string, imageMap: ImageMap = {}, baseUrl?: string): string[] {
  return imageCandidates({ src: url }, imageMap, baseUrl);
}

/** The innermost address `url` stands for: the key that tells whether two URLs show the same picture. */
export function originalOf(url: string, baseUrl?: string): string {
  const absolute = httpUrl(url, baseUrl);
  if (!absolute) return url;
  const chain = unwrapChain(absolute);
  return chain[chain.length - 1]!.replace(/^https:/i, 'http:');
}

/** The CDN copy of `url`, matching http and https spellings alike; only http(s) copies count. */
function lookup(imageMap: ImageMap, url: string): string | undefined {
  const swapped = url.startsWith('https:') ? `http:${url.slice(6)}` : url.startsWith('http:') ? `https:${url.slice(5)}` : url;
  const copy = Object.hasOwn(imageMap, url) ? imageMap[url] : Object.hasOwn(imageMap, swapped) ? imageMap[swapped] : undefined;
  return copy ? httpUrl(copy) : undefined;
}
