// The URL semantics the parser, the worker and the pages share: resolving a reference, which URLs count as
// web addresses, and hosts. Pure string and WHATWG URL work; the parser's hot path (src/feeds/url-fast-path.ts)
// only short-cuts `resolveReference` for common shapes and must agree with it.

/** A scheme followed by "//": an absolute URL with an authority, taken as written. */
const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\//i;

/** True when `text` starts with a scheme and "//" (already absolute; no base changes it). */
export function hasSchemeAndAuthority(text: string): boolean {
  return SCHEME_AND_AUTHORITY.test(text);
}

/** `href` resolved against `base` as browsers do (`new URL(href, base).href`), or undefined when it cannot be. */
export function resolveReference(href: string, base?: string): string | undefined {
  try {
    return new URL(href, base || undefined).href;
  } catch {
    return undefined;
  }
}

/** An absolute http(s) URL, serialized, or undefined. Relative and protocol-relative values resolve against `base`. */
export function httpUrl(value: string, base?: string): string | undefined {
  const href = resolveReference(value.trim(), base);
  return href !== undefined && isHttpUrl(href) ? href : undefined;
}

/** True for a string that starts with "http:" or "https:" (any case). */
export function isHttpUrl(text: string): boolean {
  return /^https?:/i.test(text);
}

/** The lowercase host name (no port) of an absolute URL, or undefined. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** True when `host` is `domain` or one of its subdomains ("img.example.com" is under "example.com"). */
export function hostMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = domain.toLowerCase();
  return h === d || (h.endsWith(d) && h.charCodeAt(h.length - d.length - 1) === 46 /* . */);
}

/**
 * A host name as the user may type it ("Example.com", "https://img.example.com/x", "*.example.com") reduced
 * to the bare lowercase host; undefined when nothing host-like is left, or for an IPv6 address.
 */
export function normalizeHost(input: string): string | undefined {
  const text = input.trim().replace(/^\*\./, '');
  if (text === '') return undefined;
  const withScheme = hasSchemeAndAuthority(text) ? text : `http://${text}`;
  const host = hostOf(withScheme);
  // Names and IPv4 addresses; a single label ("localhost") too. Not IPv6: declarativeNetRequest's
  // requestDomains takes host names, and a rule it refuses would fail the whole settings change.
  return host && /^[a-z0-9.-]+$/.test(host) ? host : undefined;
}
