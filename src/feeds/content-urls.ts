// Makes every src / href / srcset / poster inside HTML content absolute, without a DOM: a careful
// attribute rewriter. Absolute URLs (proxy prefixes included) and data-* lazy attributes are left
// exactly as written; only attributes inside a start tag are touched, never look-alike prose.
import { decodeText } from './xml-tree';
import { relativeResolver } from './urls';

// Cheap pre-check: some URL attribute whose value does not start with a scheme, "//" or "#".
const HAS_RELATIVE = /\s(?:src|href|srcset|poster)\s*=\s*(?!["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/|#))/i;
const ATTRIBUTE = /\s(src|href|srcset|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ABSOLUTE = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** `html` with relative URLs in src/href/srcset/poster resolved against `base`. */
export function resolveContentUrls(html: string, base: string | undefined): string {
  if (!base || !HAS_RELATIVE.test(html)) return html;
  const resolve = relativeResolver(base);
  return html.replace(ATTRIBUTE, (whole: string, name: string, double: string | undefined, single: string | undefined, bare: string | undefined, offset: number) => {
    const raw = double ?? single ?? bare ?? '';
    if (!insideStartTag(html, offset)) return whole;
    const resolved = name.length === 6 && name.toLowerCase() === 'srcset' ? resolveSrcset(raw, resolve) : resolveOne(raw, resolve);
    if (resolved === undefined) return whole;
    const quote = single !== undefined ? "'" : '"';
    return whole.slice(0, whole.length - raw.length - (bare === undefined ? 2 : 0)) + quote + escapeAttribute(resolved, quote) + quote;
  });
}

// The nearest "<" before the attribute opens a tag and no ">" closed it since.
function insideStartTag(html: string, index: number): boolean {
  const open = html.lastIndexOf('<', index);
  if (open < 0 || html.lastIndexOf('>', index) > open) return false;
  const next = html.charCodeAt(open + 1);
  return (next >= 65 && next <= 90) || (next >= 97 && next <= 122);
}

function resolveOne(raw: string, resolve: (href: string) => string): string | undefined {
  const href = raw.trim();
  if (href === '' || ABSOLUTE.test(href)) return undefined;
  return resolve(decodeText(href));
}

// "a.jpg 1x, b.jpg 2x": resolve each candidate's URL, keep its descriptor. A comma splits candidates
// only when followed by a space or by a URL that has a descriptor (URLs may contain commas).
function resolveSrcset(raw: string, resolve: (href: string) => string): string | undefined {
  let changed = false;
  const candidates = raw.split(/,\s+|,(?=\S+\s)/).map((candidate) => {
    const trimmed = candidate.trim();
    const space = trimmed.search(/\s/);
    const url = space < 0 ? trimmed : trimmed.slice(0, space);
    const resolved = resolveOne(url, resolve);
    if (resolved === undefined) return trimmed;
    changed = true;
    return space < 0 ? resolved : resolved + trimmed.slice(space);
  });
  return changed ? candidates.join(', ') : undefined;
}

function escapeAttribute(value: string, quote: string): string {
  if (!value.includes('&') && !value.includes(quote)) return value;
  return value.replace(/&/g, '&amp;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;');
}
