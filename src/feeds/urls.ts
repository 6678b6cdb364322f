// URL resolution shared by every format. Content can hold tens of thousands of relative URLs, so the
// common shapes ("/path", "dir/file.jpg") take a fast path that gives exactly what `new URL` gives.

/** `href` resolved against `base`; the trimmed href itself when it cannot be resolved; undefined if empty. */
export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && !/\s/.test(trimmed)) return trimmed; // already absolute: keep as written
  if (base) {
    const fast = fastResolve(trimmed, base);
    if (fast !== undefined) return fast;
  }
  try {
    return new URL(trimmed, base || undefined).href;
  } catch {
    return trimmed;
  }
}

/** A resolver for relative hrefs against one base, for the many URLs of one piece of content. */
export function relativeResolver(base: string): (href: string) => string {
  const parts = baseParts(base);
  return (href) => {
    if (parts && isPlainRelative(href)) return href.charCodeAt(0) === 47 /* "/" */ ? parts.origin + href : parts.directory + href;
    return resolveUrl(href, base) ?? href;
  };
}

// Characters the URL parser leaves alone in a path; no "?", "#", "\" or dot segments.
const PLAIN_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%]+$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

let cachedBase = '';
let cachedParts: { origin: string; directory: string } | undefined;

function isPlainRelative(href: string): boolean {
  return PLAIN_PATH.test(href) && !href.startsWith('//') && !DOT_SEGMENT.test(href) && !/^[^/]*:/.test(href);
}

function fastResolve(href: string, base: string): string | undefined {
  if (!isPlainRelative(href)) return undefined;
  const parts = baseParts(base);
  if (!parts) return undefined;
  return href.startsWith('/') ? parts.origin + href : parts.directory + href;
}

function baseParts(base: string): { origin: string; directory: string } | undefined {
  if (base !== cachedBase) {
    cachedBase = base;
    cachedParts = undefined;
    try {
      const url = new URL(base);
      if (url.protocol === 'http:' || url.protocol === 'https:') {
        cachedParts = { origin: url.origin, directory: url.origin + url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1) };
      }
    } catch {
      // Not a usable base: callers fall back to the URL parser.
    }
  }
  return cachedParts;
}
