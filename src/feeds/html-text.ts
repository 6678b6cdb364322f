// The text of an HTML fragment without a DOM: tags dropped, script/style/template content dropped, character
// references decoded, whitespace collapsed. For snippets and search in the worker, where no DOMParser exists.
import { html4Entity } from './html4-entities';

/** Elements whose content is never text a reader sees. */
const HIDDEN_OPEN = /<!--|<(script|style|template|noscript|svg|math|head|title|iframe|object)\b/gi;
/** Elements that break a line: their tags become a space so words on either side stay apart. */
// [^<>] rather than [^>]: a run of unclosed "<a<a<a…" then costs one pass, not one pass per "<".
const BREAKING = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|pre|figure|figcaption|section|article|header|footer|dd|dt|hr)\b[^<>]*>/gi;
const TAG = /<![^<>]*>|<\/?[a-z][^<>]*>/gi;

/**
 * The visible text of `html`, whitespace collapsed. With `limit`, at most that many characters, and only the
 * first `limit * 20` characters of markup are read (a snippet never needs the whole article).
 */
export function htmlToText(html: string, limit?: number): string {
  const source = limit === undefined ? html : html.slice(0, Math.max(limit * 20, 2000));
  let text = dropHidden(source).replace(BREAKING, ' ').replace(TAG, '');
  // A tag cut off by the slice above, or never closed.
  text = text.replace(/<[a-z/!][^>]*$/i, '');
  if (text.includes('&')) text = decodeReferences(text);
  text = text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  return limit === undefined ? text : clip(text, limit);
}

/** `html` without comments and the content of HIDDEN_OPEN elements; an unclosed one hides the rest, as in a browser. Linear. */
function dropHidden(html: string): string {
  HIDDEN_OPEN.lastIndex = 0;
  if (!HIDDEN_OPEN.test(html)) return html;
  HIDDEN_OPEN.lastIndex = 0;
  const lower = html.toLowerCase();
  let out = '';
  let from = 0;
  for (let match = HIDDEN_OPEN.exec(html); match; match = HIDDEN_OPEN.exec(html)) {
    out += `${html.slice(from, match.index)} `;
    const name = match[1]?.toLowerCase();
    const close = lower.indexOf(name === undefined ? '-->' : `</${name}`, HIDDEN_OPEN.lastIndex);
    if (close < 0) return out;
    const end = name === undefined ? close + 2 : lower.indexOf('>', close);
    if (end < 0) return out;
    from = end + 1;
    HIDDEN_OPEN.lastIndex = from;
  }
  return out + html.slice(from);
}

/** Numeric references (as HTML reads them: 0, surrogates and out-of-range become U+FFFD) and HTML 4 names. */
function decodeReferences(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return html4Entity(name) ?? whole;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  });
}

/** `text` cut to at most `limit` characters, never inside a surrogate pair. */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const end = /[\ud800-\udbff]/.test(text.charAt(limit - 1)) ? limit - 1 : limit;
  return text.slice(0, end).trimEnd();
}
