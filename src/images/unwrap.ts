// Image proxies wrap the real address; unwrapping gives the original the CDN map is keyed by and the rules
// apply to. Known shapes: prefix proxies (`https://cors.zfour.workers.dev/?http://…`, also percent-encoded),
// wsrv.nl / images.weserv.nl (`?url=https://…`, `?url=ssl:host/…`, `?url=host/…`), Jetpack's Photon
// (`https://i0.wp.com/host/path?ssl=1`), path proxies (`https://proxy/https://host/…`) and a `url=`
// parameter holding an absolute address. Pure.
import { hostMatches, httpUrl } from '../shared/url';

/** Nested proxies deeper than this are not worth following. */
const MAX_DEPTH = 4;

/** Photon's hosts: i0.wp.com … i3.wp.com. */
const PHOTON = /^i[0-3]\.wp\.com$/;

/** `url` followed by every address it wraps, outermost first; `url` must be an absolute http(s) URL. */
export function unwrapChain(url: string): string[] {
  const chain = [url];
  let current = url;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const inner = unwrapOnce(current);
    if (!inner || chain.includes(inner)) break;
    chain.push(inner);
    current = inner;
  }
  return chain;
}

/** The address one proxy layer wraps, or undefined when `url` is not a recognized wrapper. */
export function unwrapOnce(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const question = url.indexOf('?');
  if (question >= 0) {
    // `?http://…`: the whole query is the wrapped address, taken raw so its own query survives.
    const whole = decodeIfEncoded(url.slice(question + 1));
    if (/^https?:\/\//i.test(whole)) return httpUrl(whole);
  }
  const host = parsed.hostname;
  if (hostMatches(host, 'wsrv.nl') || hostMatches(host, 'weserv.nl')) return weservOriginal(parsed.searchParams.get('url'));
  if (PHOTON.test(host)) return photonOriginal(parsed);
  const param = parsed.searchParams.get('url');
  if (param && /^https?:\/\//i.test(param)) return httpUrl(param);
  // `https://proxy/https://host/…` (cors-anywhere style): the path carries the address.
  const path = decodeIfEncoded(url.slice(parsed.origin.length + 1));
  const embedded = /^(https?):\/+(.+)$/i.exec(path);
  return embedded ? httpUrl(`${embedded[1]}://${embedded[2]}`) : undefined;
}

/** weserv's `url` value: absolute, `ssl:host/path` (https), `//host/path` or a bare `host/path` (http). */
function weservOriginal(value: string | null): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^https?:\/\//i.test(text)) return httpUrl(text);
  if (/^ssl:/i.test(text)) return httpUrl(`https://${text.slice(4).replace(/^\/\//, '')}`);
  return httpUrl(`http://${text.replace(/^\/\//, '')}`);
}

/** Photon puts the original's host and path in its own path; `ssl=1` means the original is https. */
function photonOriginal(parsed: URL): string | undefined {
  const rest = parsed.pathname.slice(1);
  if (!/^[^/]+\.[^/]+\//.test(rest)) return undefined;
  const scheme = parsed.searchParams.get('ssl') === '1' ? 'https' : 'http';
  return httpUrl(`${scheme}://${rest}`);
}

function decodeIfEncoded(value: string): string {
  if (!/^https?%3A/i.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
