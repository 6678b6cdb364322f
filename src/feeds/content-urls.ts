// Makes every src / href / srcset / poster inside HTML content absolute, without a DOM: a small
// start-tag scanner that reads attributes the way HTML tokenizers do, so only real attributes are
// touched (never look-alike prose, never text inside another attribute's value). Absolute URLs (proxy
// prefixes included) and data-* lazy attributes are left exactly as written.
import { isLetter, isSpace, UrlEditor } from './url-editor';

// Cheap pre-check, one regex pass: some URL attribute whose value does not start with a scheme, "//"
// or "#", or a quoted srcset with a later candidate that does not (a bare srcset holds one candidate).
// Each lazy scan stops at the value's closing quote, and `(?=(\s*))\1` takes the spaces after "=" atomically
// (JavaScript has no atomic groups) so they are never backtracked into: the pass stays linear on any input.
const HAS_RELATIVE =
  /[\s/"'](?:src|href|srcset|poster)\s*=(?=(\s*))\1(?!["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/|#))|[\s/"']srcset\s*=\s*(?:"[^"]*?,\s*(?![a-z][a-z0-9+.-]*:|\/\/)[^\s,"]|'[^']*?,\s*(?![a-z][a-z0-9+.-]*:|\/\/)[^\s,'])/i;

/** `html` with relative URLs in src/href/srcset/poster resolved against `base`. */
export function resolveContentUrls(html: string, base: string | undefined): string {
  if (!base || !HAS_RELATIVE.test(html)) return html;
  const editor = new UrlEditor(html, base);
  const length = html.length;
  let at = html.indexOf('<');
  while (at >= 0) {
    if (!isLetter(html.charCodeAt(at + 1))) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    let i = at + 2;
    while (i < length && !endsName(html.charCodeAt(i))) i++;
    // One attribute per turn: name, optional "=" and value; the tag ends at ">" outside any value.
    for (;;) {
      while (i < length && isSpaceOrSlash(html.charCodeAt(i))) i++;
      if (i >= length || html.charCodeAt(i) === 62 /* > */) break;
      const nameStart = i;
      i++; // a name's first character may be "=" (HTML reads it as part of the name)
      while (i < length && !endsName(html.charCodeAt(i)) && html.charCodeAt(i) !== 61) i++;
      const kind = attributeKind(html, nameStart, i);
      while (i < length && isSpace(html.charCodeAt(i))) i++;
      if (html.charCodeAt(i) !== 61 /* = */) continue;
      i++;
      while (i < length && isSpace(html.charCodeAt(i))) i++;
      const quote = html.charCodeAt(i);
      const quoted = quote === 34 || quote === 39;
      const valueStart = quoted ? i + 1 : i;
      let valueEnd: number;
      if (quoted) {
        valueEnd = html.indexOf(quote === 34 ? '"' : "'", valueStart);
        if (valueEnd < 0) return editor.finish(); // unterminated: the rest is one value, left alone
        i = valueEnd + 1;
      } else {
        while (i < length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 62) i++;
        valueEnd = i;
      }
      if (kind === 'url') editor.url(valueStart, valueEnd, quoted ? html[i - 1] : undefined);
      else if (kind === 'srcset') editor.srcset(valueStart, valueEnd, quoted ? html[i - 1] : undefined);
    }
    at = html.indexOf('<', i);
  }
  return editor.finish();
}

// src, href, srcset or poster, in any letter case; undefined for any other name.
function attributeKind(html: string, start: number, end: number): 'url' | 'srcset' | undefined {
  const length = end - start;
  if (length === 3) return matches(html, start, 'src') ? 'url' : undefined;
  if (length === 4) return matches(html, start, 'href') ? 'url' : undefined;
  if (length !== 6) return undefined;
  if (matches(html, start, 'srcset')) return 'srcset';
  return matches(html, start, 'poster') ? 'url' : undefined;
}

// `word` (lower-case letters) at html[start…], ignoring case: "| 32" lower-cases ASCII letters only.
function matches(html: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((html.charCodeAt(start + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

function isSpaceOrSlash(code: number): boolean {
  return code === 47 || isSpace(code);
}

// What ends a tag or attribute name: whitespace, "/" or ">".
function endsName(code: number): boolean {
  return code === 62 || isSpaceOrSlash(code);
}
