// Rewrites URL attribute values inside one HTML string, in place. A relative URL mostly needs only
// its base put before it ("img/a.jpg" → "https://site/dir/" + "img/a.jpg"), so the pieces between
// edits are sliced once and joined once: no copy of the reference, no per-attribute string rebuilt.
import { decodeHTMLAttribute } from 'entities';
import { prefixFor, type SplitBase } from './url-fast-path';
import { cachedSplit, resolveRelative } from './urls';

/** HTML whitespace: tab, line feed, form feed, carriage return, space. */
export function isSpace(code: number): boolean {
  return code <= 32 && (code === 32 || (code >= 9 && code <= 13 && code !== 11)); // one compare for most characters
}

/** Collects the edits of one HTML string; `finish` gives the edited string. */
export class UrlEditor {
  private readonly pieces: string[] = [];
  private copied = 0; // html[0, copied) is in `pieces` already
  private readonly split: SplitBase | undefined;
  private readonly plainPrefixes: boolean;
  private quote = '"';
  private bareStart = -1; // a bare value's start until its added opening quote is written
  private bareOpen = false;

  constructor(
    private readonly html: string,
    private readonly base: string,
  ) {
    this.split = cachedSplit(base);
    // Every prefix inserted (origin, directory, origin + path) begins withoutQuery: when that has no
    // "&" or quote, no prefix needs escaping.
    this.plainPrefixes = this.split !== undefined && !/[&'"]/.test(this.split.withoutQuery);
  }

  /** The value html[start, end) holds one URL; `quote` is its quote character, undefined when bare. */
  url(start: number, end: number, quote: string | undefined): void {
    this.begin(start, quote);
    let first = start;
    let last = end;
    while (first < last && isSpace(this.html.charCodeAt(first))) first++;
    while (last > first && isSpace(this.html.charCodeAt(last - 1))) last--;
    // Spaces around the URL go with it (the whole value is replaced), as browsers strip them anyway.
    if (first < last) this.edit(first, last, start, end);
    this.end(end);
  }

  /** The value html[start, end) is a srcset: each candidate's URL is edited, descriptors kept as written. */
  srcset(start: number, end: number, quote: string | undefined): void {
    this.begin(start, quote);
    const html = this.html;
    let i = start;
    // The HTML standard's candidate parsing: URLs are runs of non-space (commas included, but not
    // trailing ones); descriptors run to the next comma outside parentheses.
    for (;;) {
      while (i < end && (isSpace(html.charCodeAt(i)) || html.charCodeAt(i) === 44)) i++;
      if (i >= end) break;
      const urlStart = i;
      while (i < end && !isSpace(html.charCodeAt(i))) i++;
      let urlEnd = i;
      while (urlEnd > urlStart && html.charCodeAt(urlEnd - 1) === 44) urlEnd--;
      if (urlEnd === i) {
        let inParentheses = false;
        for (; i < end; i++) {
          const code = html.charCodeAt(i);
          if (code === 40) inParentheses = true;
          else if (code === 41) inParentheses = false;
          else if (code === 44 && !inParentheses) break;
        }
      }
      this.edit(urlStart, urlEnd, urlStart, urlEnd);
    }
    this.end(end);
  }

  /** The edited HTML (the original string itself when nothing changed). */
  finish(): string {
    if (this.copied === 0) return this.html;
    this.pieces.push(this.html.slice(this.copied));
    return this.pieces.join('');
  }

  // The URL html[start, end), written back into html[from, to): left alone when absolute, else its
  // base inserted before it or, for the shapes prefixFor declines (entities, dot segments, odd
  // characters, spaces around it), the range replaced by the resolved URL.
  private edit(start: number, end: number, from: number, to: number): void {
    const html = this.html;
    if (isAbsolute(html, start, end)) return;
    const prefix = this.split && from === start && to === end ? prefixFor(html, start, end, this.split, true) : undefined;
    if (prefix !== undefined) {
      this.write(start, prefix, this.plainPrefixes);
      this.copied = start;
      return;
    }
    const raw = html.slice(start, end);
    // Attribute rules: "&copy=2" in "?a=1&copy=2" stays as written, as browsers read it.
    const href = raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
    if (href !== raw && isAbsolute(href, 0, href.length)) return; // absolute once its references are decoded
    this.write(from, resolveRelative(href, this.base, this.split));
    this.copied = to;
  }

  // Copies html[copied, upTo) then `text`, escaped for the value's quoting unless known `plain`.
  private write(upTo: number, text: string, plain = false): void {
    if (this.bareStart >= 0) {
      // A bare value is written back in double quotes.
      this.pieces.push(this.html.slice(this.copied, this.bareStart), '"');
      this.copied = this.bareStart;
      this.bareStart = -1;
      this.bareOpen = true;
    }
    this.pieces.push(this.html.slice(this.copied, upTo), plain ? text : escapeAttribute(text, this.quote));
  }

  private begin(valueStart: number, quote: string | undefined): void {
    this.quote = quote ?? '"';
    this.bareStart = quote === undefined ? valueStart : -1;
    this.bareOpen = false;
  }

  private end(valueEnd: number): void {
    if (this.bareOpen) {
      this.pieces.push(this.html.slice(this.copied, valueEnd), '"');
      this.copied = valueEnd;
    }
    this.bareStart = -1;
    this.bareOpen = false;
  }
}

// A scheme ("https:", "data:", "javascript:"), "//" or "#" at text[start, end).
function isAbsolute(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first === 35 /* # */ || (first === 47 && start + 1 < end && text.charCodeAt(start + 1) === 47)) return true;
  if (!isLetter(first)) return false;
  for (let i = start + 1; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 58 /* : */) return true;
    // Scheme characters: letters, digits, "+", "-", ".".
    if (!(isLetter(code) || (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46)) return false;
  }
  return false;
}

/** ASCII letters. */
export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function escapeAttribute(value: string, quote: string): string {
  if (!value.includes('&') && !value.includes(quote)) return value;
  return value.replace(/&/g, '&amp;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;');
}
