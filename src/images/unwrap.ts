// Image proxies wrap the real address: `https://cors.zfour.workers.dev/?http://…`, `https://proxy/?url=…`,
// `https://host/https://…`. Unwrapping gives the original the CDN map is keyed by. Pure, no DOM.

/** Query parameters that image proxies put the wrapped address in. */
const WRAPPER_PARAMS = ['url', 'u', 'src', 'image', 'img', 'imgurl', 'target'];

/** Nested proxies deeper than this are not worth following. */
const MAX_DEPTH = 4;

/** An absolute http(s) URL as a string, or undefined. Relative URLs resolve against `base` when given. */
export function httpUrl(value: string, base?: string): string | undefined {
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The address one proxy layer wraps, or undefined when `url` is not a recognized wrapper. */
export function unwrapOnce(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // `?http://…`: the whole query is the wrapped address (taken raw: its own query must survive).
  const query = url.slice(url.indexOf('?') + 1);
  if (url.includes('?')) {
    const whole = decodeIfEncoded(query);
    if (/^https?:\/\//i.test(whole)) return httpUrl(whole);
  }
  for (const name of WRAPPER_PARAMS) {
    const value = parsed.searchParams.get(name);
    if (value && /^https?:\/\//i.test(value)) return httpUrl(value);
  }
  // `https://proxy/https://host/…` (cors-anywhere style): the path carries the address.
  const path = decodeIfEncoded(url.slice(parsed.origin.length + 1));
  const embedded = /^(https?):\/+(.+)$/i.exec(path);
  if (embedded) return httpUrl(`${embedded[1]}://${embedded[2]}`);
  return undefined;
}

/** `url` followed by every address it wraps, outermost first. */
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

function decodeIfEncoded(value: string): string {
  if (!/^https?%3A/i.test(value)) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
