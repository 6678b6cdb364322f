// Makes every src / href / srcset / poster inside HTML content absolute, without a DOM: a careful
// attribute rewriter over start tags. Absolute URLs (proxy prefixes included) and data-* lazy
// attributes are left exactly as written.
import { decodeText } from './xml-tree';
import { resolveUrl } from './urls';

const URL_ATTRIBUTE = /\s(?:src|href|srcset|poster)\s*=/i;
// A start tag whose quoted attribute values may contain ">".
const START_TAG = /<[a-zA-Z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>/g;
const ATTRIBUTE = /(\s)(src|href|srcset|poster)(\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ABSOLUTE = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** `html` with relative URLs in src/href/srcset/poster resolved against `base`. */
export function resolveContentUrls(html: string, base: string | undefined): string {
  if (!base || !URL_ATTRIBUTE.test(html)) return html;
  return html.replace(START_TAG, (tag) => (URL_ATTRIBUTE.test(tag) ? tag.replace(ATTRIBUTE, (whole, space: string, name: string, equals: string, double?: string, single?: string, bare?: string) => {
    const raw = double ?? single ?? bare ?? '';
    const resolved = name.toLowerCase() === 'srcset' ? resolveSrcset(raw, base) : resolveOne(raw, base);
    if (resolved === undefined) return whole;
    const quote = single !== undefined ? "'" : '"';
    return `${space}${name}${equals}${quote}${escapeAttribute(resolved, quote)}${quote}`;
  }) : tag));
}

function resolveOne(raw: string, base: string): string | undefined {
  if (raw.trim() === '' || ABSOLUTE.test(raw)) return undefined;
  return resolveUrl(decodeText(raw), base);
}

// "a.jpg 1x, b.jpg 2x": resolve each candidate's URL, keep its descriptor.
function resolveSrcset(raw: string, base: string): string | undefined {
  let changed = false;
  const candidates = raw.split(/,\s+|,(?=\S+\s)/).map((candidate) => {
    const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
    const resolved = resolveOne(url, base);
    if (resolved === undefined) return candidate.trim();
    changed = true;
    return [resolved, ...descriptor].join(' ');
  });
  return changed ? candidates.join(', ') : undefined;
}

function escapeAttribute(value: string, quote: string): string {
  return value.replace(/&/g, '&amp;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;');
}
