// Makes every src / href / srcset / poster inside HTML content absolute, without a DOM: a small
// start-tag scanner that reads attributes the way HTML tokenizers do, so only real attributes are
// touched (never look-alike prose, never text inside another attribute's value). Absolute URLs (proxy
// prefixes included) and data-* lazy attributes are left exactly as written. Comments, end tags and the
// text of raw-text/RCDATA elements (script, style, textarea, title…) are stepped over as the tokenizer
// does, so a quote or a tag in them never hides or invents an attribute. Not followed: the script-escaped
// "<!--<script>" nesting and SVG/MathML, where <style> and <title> are ordinary elements.
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
  // What the HTML tokenizer reads at each "<": comments, bogus comments and end tags are stepped
  // over, and the text of raw-text/RCDATA elements is never markup, so nothing in them is touched.
  // Every step moves forward (indexOf or one scan), so the whole pass stays linear.
  let at = html.indexOf('<');
  while (at >= 0) {
    const next = html.charCodeAt(at + 1);
    let resume: number; // where to look for the next "<"; -1 when nothing after can be markup
    if (isLetter(next)) resume = startTag(html, at, editor);
    else if (next === 47 /* / */) resume = isLetter(html.charCodeAt(at + 2)) ? scanTag(html, at + 3, editor, false) : pastGreaterThan(html, at + 2);
    else if (next === 33 /* ! */) resume = html.startsWith('--', at + 2) ? pastComment(html, at + 4) : pastGreaterThan(html, at + 2);
    else if (next === 63 /* ? */) resume = pastGreaterThan(html, at + 2);
    else resume = at + 1; // "<" as text
    if (resume < 0) break;
    at = html.indexOf('<', resume);
  }
  return editor.finish();
}

// Raw-text and RCDATA elements: their text runs to "</name" (plaintext's to the end), tags in it are text.
const RAW_TEXT = ['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title', 'plaintext'];

// The start tag at html[at] ("<" and a letter), its URL attributes edited; where its element's markup resumes.
function startTag(html: string, at: number, editor: UrlEditor): number {
  let i = at + 2;
  while (i < html.length && !endsName(html.charCodeAt(i))) i++;
  const raw = rawTextName(html, at + 1, i);
  const end = scanTag(html, i, editor, true);
  if (raw === undefined || end < 0 || end >= html.length) return end;
  if (raw === 'plaintext') return -1;
  // The text ends at the appropriate end tag: "</name" (any case) then whitespace, "/" or ">".
  for (let close = html.indexOf('</', end + 1); close >= 0; close = html.indexOf('</', close + 2)) {
    if (matches(html, close + 2, raw) && endsName(html.charCodeAt(close + 2 + raw.length))) return close;
  }
  return -1;
}

// Reads a tag's attributes from html[i] (just after its name) to its ">": the ">"'s index (or the
// length at the end). URL attributes are edited when `edit` is set (end tags are only read).
// -1 for an unterminated quoted value: the rest is that value, left alone.
function scanTag(html: string, i: number, editor: UrlEditor, edit: boolean): number {
  const length = html.length;
  while (i < length && !endsName(html.charCodeAt(i))) i++; // the rest of an end tag's name
  // One attribute per turn: name, optional "=" and value; the tag ends at ">" outside any value.
  for (;;) {
    while (i < length && isSpaceOrSlash(html.charCodeAt(i))) i++;
    if (i >= length || html.charCodeAt(i) === 62 /* > */) return i;
    const nameStart = i;
    i++; // a name's first character may be "=" (HTML reads it as part of the name)
    while (i < length && !endsName(html.charCodeAt(i)) && html.charCodeAt(i) !== 61) i++;
    const kind = edit ? attributeKind(html, nameStart, i) : undefined;
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
      if (valueEnd < 0) return -1;
      i = valueEnd + 1;
    } else {
      while (i < length && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== 62) i++;
      valueEnd = i;
    }
    if (kind === 'url') editor.url(valueStart, valueEnd, quoted ? html[i - 1] : undefined);
    else if (kind === 'srcset') editor.srcset(valueStart, valueEnd, quoted ? html[i - 1] : undefined);
  }
}

// The raw-text or RCDATA element named html[start, end), in any letter case; undefined for others.
function rawTextName(html: string, start: number, end: number): string | undefined {
  const length = end - start;
  if (length < 3) return undefined; // p, a, b, li, em, br… answered at once: every such name is longer
  const first = html.charCodeAt(start) | 32;
  for (const name of RAW_TEXT) if (name.length === length && name.charCodeAt(0) === first && matches(html, start, name)) return name;
  return undefined;
}

// A comment whose text starts at html[from] (after "<!--"): just past its end, -1 when it runs to the
// end. "<!-->" and "<!--->" close at once; otherwise "-->" or "--!>" closes it.
function pastComment(html: string, from: number): number {
  if (html.charCodeAt(from) === 62) return from + 1;
  if (html.charCodeAt(from) === 45 && html.charCodeAt(from + 1) === 62) return from + 2;
  COMMENT_END.lastIndex = from;
  return COMMENT_END.test(html) ? COMMENT_END.lastIndex : -1;
}

const COMMENT_END = /--!?>/g; // fixed-length alternatives: no backtracking

// A bogus comment or "</>" (from html[from]): just past the next ">", -1 when there is none.
function pastGreaterThan(html: string, from: number): number {
  const end = html.indexOf('>', from);
  return end < 0 ? -1 : end + 1;
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
