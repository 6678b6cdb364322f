// Character classes of URL parts per the URL standard, and one-pass scans over a reference written
// in some text (text[start, end)), for the string-only fast path in url-fast-path.ts.

// Per ASCII code, bits telling in which parts of a URL the character stays as written (never
// percent-encoded, never special there).
/** A path character. */
export const PATH = 1;
/** A query character (special schemes percent-encode "'" there). */
export const QUERY = 2;
/** A fragment character. */
export const FRAGMENT = 4;
/** A character of a plain host name. */
export const HOST = 8;
/** Anything but "&", which starts a character reference in HTML. */
export const NOT_AMPERSAND = 16;
const KINDS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  const alnum = /[A-Za-z0-9]/.test(char);
  const inPath = alnum || "-._~!$&'()*+,;=:@/%".includes(char);
  // Special-scheme queries percent-encode "'"; "?" may repeat inside a query or fragment.
  const inQuery = alnum || '-._~!$&()*+,;=:@/%?'.includes(char);
  KINDS[code] = (inPath ? PATH : 0) | (inQuery ? QUERY : 0) | (inPath || char === '?' ? FRAGMENT : 0) | (alnum || char === '-' || char === '.' ? HOST : 0) | (char === '&' ? 0 : NOT_AMPERSAND);
}

/** Whether the character `code` has all the `kind` bits (non-ASCII never has). */
export function isKind(code: number, kind: number): boolean {
  return code < 128 && ((KINDS[code] ?? 0) & kind) === kind;
}

/** scanPath's finding: every character kept as written, and no "%2e". */
export const PLAIN = 1;
/** scanPath's finding: a "." or ".." segment. */
export const DOTS = 2;
/** scanPath's finding: a ":" before the first "/". */
export const SCHEME_LIKE = 4;

/** What one pass over the path ref[start, end) finds, as bits (0 when it is not plain). */
export function scanPath(ref: string, start: number, end: number): number {
  let flags = PLAIN;
  let segmentStart = start;
  let slash = false;
  for (let i = start; i <= end; i++) {
    const code = i < end ? ref.charCodeAt(i) : 47; // a "/" after the end closes the last segment
    if (code === 47) {
      if (isDotSegment(ref, segmentStart, i)) flags |= DOTS;
      segmentStart = i + 1;
      slash = true;
    } else if (!isKind(code, PATH) || (code === 37 && isEncodedDot(ref, i, end))) {
      return 0;
    } else if (code === 58 && !slash) {
      flags |= SCHEME_LIKE;
    }
  }
  return flags;
}

/** Index of the first "?" or "#" in text[start, end), or `end`. */
export function endOfPath(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 63 || code === 35) return i;
  }
  return end;
}

/** Whether the query and fragment in text[pathEnd, end) need no encoding (nor, in HTML, decoding). */
export function isPlainTail(text: string, pathEnd: number, end: number, inHtml = false): boolean {
  if (pathEnd === end) return true;
  // Searched within [pathEnd, end) only: `text` may be a whole HTML document.
  let hash = pathEnd;
  while (hash < end && text.charCodeAt(hash) !== 35) hash++;
  const html = inHtml ? NOT_AMPERSAND : 0;
  if (hash > pathEnd && !allOf(text, pathEnd + 1, hash, QUERY | html)) return false;
  return hash === end || allOf(text, hash + 1, end, FRAGMENT | html);
}

/** Whether text[start, end) is "." or "..". */
export function isDotSegment(text: string, start: number, end: number): boolean {
  const size = end - start;
  return (size === 1 || size === 2) && text.charCodeAt(start) === 46 && text.charCodeAt(end - 1) === 46;
}

/** "%2e" or "%2E" at text[i, end): the URL parser reads it as "." in dot segments. */
export function isEncodedDot(text: string, i: number, end: number): boolean {
  return i + 2 < end && text.charCodeAt(i + 1) === 50 && (text.charCodeAt(i + 2) | 32) === 101;
}

/** Whether every character of text[start, end) has all the `kind` bits. */
export function allOf(text: string, start: number, end: number, kind: number): boolean {
  for (let i = start; i < end; i++) if (!isKind(text.charCodeAt(i), kind)) return false;
  return true;
}
