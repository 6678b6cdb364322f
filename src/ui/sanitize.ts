// The one HTML allowlist of the extension. Feed HTML goes through DOMPurify with SANITIZE_CONFIG, then a
// post-pass on the sanitized tree rewrites images to their best candidate and opens links in a new tab.
// The post-pass only sets attributes it computes itself (http(s) URLs, fixed keywords), never input.
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import type { ImageMap } from '../images';
import { httpUrl } from '../shared/url';
import { IMAGE_ELEMENTS, rewriteImages, type ImagePolicy, type RewrittenImages } from './image-rewrite';

/**
 * Allowed markup: text structure, lists, tables, quotes, code, figures and images. No scripts, styles,
 * forms, iframes (embeds would run third-party code with the page's privileges and mostly fail in an
 * extension page anyway), media elements, SVG or MathML. No `style`, `class` or `id`: feeds' inline
 * layout fights the reader's typography, and classes/ids could hijack the page's own CSS or #hash.
 */
export const SANITIZE_CONFIG = {
  ALLOWED_TAGS: [
    'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
    'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
    'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span',
    'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
  ],
  ALLOWED_ATTR: ['alt', 'cite', 'colspan', 'datetime', 'dir', 'headers', 'height', 'href', 'lang', 'open', 'reversed', 'rowspan', 'scope', 'span', 'src', 'start', 'title', 'type', 'width'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Links may point to the web, mail or phone, or be relative (resolved against the entry's address below).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i,
} satisfies Config;

/** Sanitized body HTML and the pictures it shows (see image-rewrite.ts). */
export interface SanitizedBody {
  html: string;
  images: RewrittenImages;
}

/** Where the entry lives (resolves relative links and images) and its original → CDN image map. */
export interface SanitizeContext {
  baseUrl?: string;
  imageMap?: ImageMap;
  /** Image rules, loading setting, offline copies and failing hosts (image-rewrite.ts). */
  images?: ImagePolicy;
}

let purify: DOMPurify | undefined;
/** Image elements' attributes as written, caught before DOMPurify drops the lazy-loading ones. */
const rawImageAttributes = new WeakMap<Element, Record<string, string>>();

/** Sanitize feed HTML for the reader's <article>: allowlisted markup, rewritten images, safe links. */
export function sanitizeEntryHtml(html: string, context: SanitizeContext = {}): SanitizedBody {
  const body = instance().sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM: true }) as HTMLElement | null;
  // A document whose <body> the parser replaced (a <frameset>, say) has nothing left to show.
  if (!body) return { html: '', images: { keys: new Set() } };
  for (const heading of [...body.querySelectorAll('h1')]) demote(heading);
  for (const link of [...body.querySelectorAll('a')]) secureLink(link, context.baseUrl);
  const images = rewriteImages(body, rawImageAttributes, { pageUrl: context.baseUrl, imageMap: context.imageMap, policy: context.images });
  return { html: body.innerHTML, images };
}

/** A DOMPurify instance of our own, so its hooks never leak into another caller's sanitizing. */
function instance(): DOMPurify {
  if (purify) return purify;
  purify = createDOMPurify(window);
  purify.addHook('beforeSanitizeAttributes', (node) => {
    if (!IMAGE_ELEMENTS.has(node.nodeName)) return;
    const attributes: Record<string, string> = {};
    for (const attribute of [...node.attributes]) attributes[attribute.name.toLowerCase()] = attribute.value;
    rawImageAttributes.set(node, attributes);
  });
  return purify;
}

/** The title is the page's only <h1>: headings inside the body step down one level. */
function demote(heading: Element): void {
  const replacement = heading.ownerDocument.createElement('h2');
  for (const attribute of [...heading.attributes]) replacement.setAttribute(attribute.name, attribute.value);
  replacement.append(...heading.childNodes);
  heading.replaceWith(replacement);
}

/** Absolute http(s) links open in a new tab without opener or referrer; unusable relative links lose href. */
function secureLink(link: HTMLAnchorElement, baseUrl: string | undefined): void {
  const href = link.getAttribute('href');
  if (href === null) return;
  if (/^(?:mailto|tel):/i.test(href)) return;
  // A relative href would resolve against the extension page, never what the author meant.
  const absolute = httpUrl(href, baseUrl);
  if (!absolute) {
    link.removeAttribute('href');
    return;
  }
  link.setAttribute('href', absolute);
  link.setAttribute('rel', 'noopener noreferrer');
  link.setAttribute('target', '_blank');
}
