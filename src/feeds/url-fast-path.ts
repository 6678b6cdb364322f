// URL resolution by string operations for the common shapes of reference ("/p", "p", "../p", "?q",
// "#f", "//host/p") against an http(s) base split once. `new URL` costs about half a microsecond a call
// and content can hold tens of thousands of URLs. Every accepted input gives exactly `new URL(ref,
// base).href` (test/unit/feeds/url-fast-path.test.ts checks it); anything unusual — non-ASCII, spaces,
// backslashes, "%2e", IPv6, user info, punycode — is declined (undefined), for `new URL` to handle.
import { allOf, DOTS, endOfPath, FRAGMENT, HOST, isDotSegment, isEncodedDot, isKind, isPlainTail, NOT_AMPERSAND, PATH, PLAIN, scanPath, SCHEME_LIKE } from './url-chars';

/** An http(s) base URL, serialized and cut into the parts references replace. */
export interface SplitBase {
  /** "http:" or "https:". */
  scheme: string;
  /** Everything before the path: scheme, "//", user info, host and port. */
  origin: string;
  /** The path's segments without its last one (the base's "directory"). */
  directory: string[];
  /** origin + the path up to and including its last "/". */
  directoryHref: string;
  /** origin + path + query as serialized, no fragment. */
  withoutFragment: string;
  /** origin + path. */
  withoutQuery: string;
}

/** `base` split for fastResolve, or undefined when it is not an http(s) URL. */
export function splitBase(base: string): SplitBase | undefined {
  let href = absoluteFast(base);
  if (href === undefined) {
    try {
      href = new URL(base).href;
    } catch {
      return undefined;
    }
  }
  const scheme = href.startsWith('https:') ? 'https:' : href.startsWith('http:') ? 'http:' : undefined;
  if (!scheme) return undefined;
  // A serialized http(s) URL has its first "/" after "//" at the path, its first "?" at the query and
  // its first "#" at the fragment: those characters are percent-encoded anywhere earlier.
  const pathStart = href.indexOf('/', scheme.length + 2);
  const hash = href.indexOf('#');
  const withoutFragment = hash < 0 ? href : href.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  // An empty query ("…/b?"): Node's URL drops it when resolving "" or "#f" where the standard keeps it.
  if (question === withoutFragment.length - 1) return undefined;
  const withoutQuery = question < 0 ? withoutFragment : withoutFragment.slice(0, question);
  const path = withoutQuery.slice(pathStart);
  const origin = withoutQuery.slice(0, pathStart);
  const directory = path.split('/').slice(1, -1);
  return { scheme, origin, directory, directoryHref: origin + path.slice(0, path.lastIndexOf('/') + 1), withoutFragment, withoutQuery };
}

/**
 * `base` split cheaply when it is `previous`'s directory plus one plain last segment, as the links of
 * consecutive entries often are ("…/posts/1", "…/posts/2"); undefined otherwise.
 */
export function splitSibling(base: string, previous: SplitBase): SplitBase | undefined {
  const directory = previous.directoryHref;
  if (!base.startsWith(directory) || base.indexOf('/', directory.length) >= 0) return undefined;
  // The rest must serialize as written: path characters only (no "?", "#"), not "." or "..", no ":".
  if (scanPath(base, directory.length, base.length) !== PLAIN) return undefined;
  return { ...previous, withoutFragment: base, withoutQuery: base };
}

/**
 * For the commonest shapes — a path without "." or ".." segments, rooted or not, or a query — the
 * text that, put before ref = text[start, end), gives `new URL(ref, base).href`; undefined otherwise.
 * Lets a caller insert it in place without copying the reference. `inHtml`: the reference is written
 * in HTML, where "&" starts a character reference, so one with "&" is declined too.
 */
export function prefixFor(text: string, start: number, end: number, base: SplitBase, inHtml = false): string | undefined {
  if (start === end) return undefined;
  const first = text.charCodeAt(start);
  const rooted = first === 47; /* / */
  if (first === 35 /* # */ || (rooted && start + 1 < end && text.charCodeAt(start + 1) === 47)) return undefined;
  const kind = inHtml ? PATH | NOT_AMPERSAND : PATH;
  let segmentStart = rooted ? start + 1 : start;
  // A ":" before the first "/" may end a scheme ("mailto:", "c:"): declined, whatever follows.
  let colonAllowed = rooted;
  let i = segmentStart;
  // One pass over the path, as this runs for every URL in content.
  for (; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 47) {
      if (isDotSegment(text, segmentStart, i)) return undefined;
      segmentStart = i + 1;
      colonAllowed = true;
    } else if (!isKind(code, kind)) {
      if (code === 63 || code === 35) break; // "?" or "#": the path ends
      return undefined;
    } else if ((code === 58 && !colonAllowed) || (code === 37 && isEncodedDot(text, i, end))) {
      return undefined;
    }
  }
  if (isDotSegment(text, segmentStart, i) || !isPlainTail(text, i, end, inHtml)) return undefined;
  return first === 63 /* ? */ ? base.withoutQuery : rooted ? base.origin : base.directoryHref;
}

/** `new URL(ref, base).href` for the reference shapes handled here; undefined for anything else. */
export function fastResolve(ref: string, base: SplitBase): string | undefined {
  const length = ref.length;
  const prefix = prefixFor(ref, 0, length, base);
  if (prefix !== undefined) return prefix + ref;
  if (length === 0) return base.withoutFragment;
  if (ref.charCodeAt(0) === 35 /* # */) return allOf(ref, 1, length, FRAGMENT) ? base.withoutFragment + ref : undefined;
  const pathEnd = endOfPath(ref, 0, length);
  if (!isPlainTail(ref, pathEnd, length)) return undefined;
  if (ref.startsWith('//')) return withAuthority(ref, base.scheme, pathEnd);
  // What prefixFor declined with a plain tail: paths with "." or ".." segments, or not plain at all.
  const rooted = ref.charCodeAt(0) === 47;
  const flags = scanPath(ref, rooted ? 1 : 0, pathEnd);
  if ((flags & PLAIN) === 0 || (!rooted && flags & SCHEME_LIKE)) return undefined;
  return base.origin + resolvePath(ref, rooted ? 1 : 0, pathEnd, rooted ? [] : base.directory.slice()) + ref.slice(pathEnd);
}

// An absolute "http(s)://host/path" serialized by the same rules, without the URL parser.
function absoluteFast(url: string): string | undefined {
  const scheme = /^https?:/i.exec(url)?.[0]?.toLowerCase();
  if (!scheme || url.charCodeAt(scheme.length) !== 47 || url.charCodeAt(scheme.length + 1) !== 47) return undefined;
  const ref = url.slice(scheme.length);
  const pathEnd = endOfPath(ref, 0, ref.length);
  return isPlainTail(ref, pathEnd, ref.length) ? withAuthority(ref, scheme, pathEnd) : undefined;
}

// "//host[:port][/path]": plain lower-cased ASCII host names only (no IPv4 or IPv6 forms, no user info).
function withAuthority(ref: string, scheme: string, pathEnd: number): string | undefined {
  let hostEnd = ref.indexOf('/', 2);
  if (hostEnd < 0 || hostEnd > pathEnd) hostEnd = pathEnd;
  const colon = ref.indexOf(':', 2);
  const nameEnd = colon >= 0 && colon < hostEnd ? colon : hostEnd;
  const host = ref.slice(2, nameEnd).toLowerCase();
  if (!isPlainHostName(host)) return undefined;
  let port = '';
  if (nameEnd < hostEnd) {
    const digits = ref.slice(nameEnd + 1, hostEnd);
    if (!/^[0-9]{0,5}$/.test(digits)) return undefined;
    const number = Number(digits);
    if (number > 65535) return undefined;
    const isDefault = (scheme === 'http:' && number === 80) || (scheme === 'https:' && number === 443);
    if (digits !== '' && !isDefault) port = ':' + String(number);
  }
  const tail = ref.slice(pathEnd);
  if (hostEnd === pathEnd) return scheme + '//' + host + port + '/' + tail;
  const flags = scanPath(ref, hostEnd + 1, pathEnd);
  if ((flags & PLAIN) === 0) return undefined;
  const path = flags & DOTS ? resolvePath(ref, hostEnd + 1, pathEnd, []) : ref.slice(hostEnd, pathEnd);
  return scheme + '//' + host + port + path + tail;
}

// Letters, digits and "-" in non-empty labels; not punycode ("xn--" needs IDNA checks) and not a
// host the URL parser reads as an IPv4 address (its last label a number, decimal or "0x" hex).
function isPlainHostName(host: string): boolean {
  if (host === '' || !allOf(host, 0, host.length, HOST)) return false;
  const labels = host.split('.');
  const last = labels[labels.length - 1] ?? '';
  return labels.every((label) => label !== '' && !label.startsWith('xn--')) && !/^(?:[0-9]+|0x[0-9a-f]*)$/.test(last);
}

// The plain path ref[start, end) applied to `segments` as the URL standard does: "." and ".." segments
// removed, a trailing one leaving a trailing "/". Returns the serialized path.
function resolvePath(ref: string, start: number, end: number, segments: string[]): string {
  const parts = ref.slice(start, end).split('/');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const last = i === parts.length - 1;
    if (part === '..') {
      segments.pop();
      if (last) segments.push('');
    } else if (part === '.') {
      if (last) segments.push('');
    } else {
      segments.push(part);
    }
  }
  return '/' + segments.join('/');
}
