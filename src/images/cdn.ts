// The mirror's CDN copies: the entry's map from original image URL to its copy (null when the mirror made
// none), and jsDelivr's mirror hosts, which serve the same files when cdn.jsdelivr.net is blocked or down.
import { httpUrl } from '../shared/url';

/** Original image URL → CDN copy, or null when the mirror has none (the mirror record's articleImgCdnMap). */
export type ImageMap = Readonly<Record<string, string | null>>;

/** jsDelivr's hosts, in the order tried: the main one, then its Fastly and G-Core mirrors. */
const JSDELIVR_HOSTS = ['cdn.jsdelivr.net', 'fastly.jsdelivr.net', 'gcore.jsdelivr.net'];

/**
 * The copy `imageMap` holds for `url`, matching the keys and `url` in one normal form (imageUrlForm: the host
 * lowercased, default port dropped, spaces and non-ASCII percent-encoded) and http and https spellings alike:
 * a string, null when the map says there is no copy, undefined when the map does not know the URL. Only
 * http(s) copies count.
 */
export function mapLookup(imageMap: ImageMap, url: string): string | null | undefined {
  const keys = normalKeys(imageMap);
  const form = imageUrlForm(url) ?? url;
  const key = Object.hasOwn(imageMap, url) ? url : (keys.get(form) ?? keys.get(swapScheme(form)));
  if (key === undefined) return undefined;
  const copy = imageMap[key];
  return copy === null || copy === undefined ? null : (httpUrl(copy) ?? null);
}

/** The normal form image addresses are compared in: the serialized absolute http(s) URL, or undefined. */
export function imageUrlForm(url: string): string | undefined {
  return httpUrl(url);
}

/** Each map's keys by their normal form, built once per map object (a render looks up every picture in one). */
const normalized = new WeakMap<ImageMap, Map<string, string>>();

function normalKeys(imageMap: ImageMap): Map<string, string> {
  let keys = normalized.get(imageMap);
  if (!keys) {
    keys = new Map();
    for (const raw of Object.keys(imageMap)) {
      const form = imageUrlForm(raw) ?? raw;
      if (!keys.has(form)) keys.set(form, raw);
    }
    normalized.set(imageMap, keys);
  }
  return keys;
}

function swapScheme(url: string): string {
  return url.startsWith('https:') ? `http:${url.slice(6)}` : url.startsWith('http:') ? `https:${url.slice(5)}` : url;
}

/** `copy` followed by the same file on jsDelivr's other hosts, when `copy` is on jsDelivr; else just `copy`. */
export function withMirrors(copy: string): string[] {
  const url = new URL(copy);
  if (!JSDELIVR_HOSTS.includes(url.hostname)) return [copy];
  const path = copy.slice(url.origin.length);
  return [copy, ...JSDELIVR_HOSTS.filter((host) => host !== url.hostname).map((host) => `https://${host}${path}`)];
}
