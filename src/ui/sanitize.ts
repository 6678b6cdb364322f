// The one HTML allowlist of the extension. Feed HTML goes through DOMPurify with SANITIZE_CONFIG and one
// hook (drop hidden elements, tracking pixels, widgets and foreign iframes; remember each picture's raw
// attributes), then a post-pass on the sanitized tree: images, media and embeds, links, tidying. The
// post-pass only sets attributes it computes itself (http(s) URLs, fixed keywords), never input.
// The result is a DOM fragment inserted as is: no serialize → re-parse round trip (no mutation XSS, and
// half the parsing).
import createDOMPurify, { type Config, type DOMPurify, type UponSanitizeElementHookEvent } from 'dompurify';
import type { ImageMap } from '../images';
import { IMAGE_ELEMENTS, rewriteImages, type ImagePolicy, type RewrittenImages } from './image-rewrite';
import { isHidden, isOfficeXml, isTrackingPixel, isWidget } from './sanitize-drop';
import { embedFor } from './sanitize-embeds';
import { secureLink } from './sanitize-links';
import { prepareMedia, rebuildEmbed } from './sanitize-media';
import { tidy } from './sanitize-tidy';

/**
 * Allowed markup: text structure, headings, lists, tables, quotes, code, figures, pictures, audio and video,
 * links, time, ruby. No scripts, styles, forms, object/embed, SVG or MathML; iframes only for the video
 * players of sanitize-embeds.ts (rebuilt, sandboxed). No `style`, `class`, `id` or `data-*`: feeds' inline
 * layout fights the reader's typography, and classes/ids could hijack the page's own CSS or #hash.
 */
export const SANITIZE_CONFIG = {
  ALLOWED_TAGS: [
    // 'body' is the root DOMPurify walks from: disallowed, it would be dropped and its whole content deep-copied.
    'body',
    'a', 'abbr', 'address', 'audio', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
    'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'iframe', 'img',
    'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'source', 'span', 'strong',
    'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'video', 'wbr',
  ],
  ALLOWED_ATTR: [
    'abbr', 'alt', 'colspan', 'controls', 'datetime', 'dir', 'headers', 'height', 'href', 'lang', 'loop', 'media', 'muted', 'open',
    'playsinline', 'poster', 'reversed', 'rowspan', 'scope', 'span', 'src', 'start', 'title', 'type', 'value', 'width',
  ],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Dropped with everything inside: controls' labels and Word's settings are never article text.
  ADD_FORBID_CONTENTS: ['button', 'select', 'textarea', 'datalist', 'option', 'optgroup', 'object', 'applet', 'xml'],
  // Links may point to the web, mail or phone, or be relative (resolved against the entry's address below).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i,
} satisfies Config;

/** Sanitized body, ready to insert, and the pictures it shows (see image-rewrite.ts). */
export interface SanitizedBody {
  /** Inserted as is (moved, so once); `html` is the same markup as a string, for tests and goldens. */
  fragment: DocumentFragment;
  readonly html: string;
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
/** Attributes as written, caught before DOMPurify drops the lazy-loading ones. */
const rawAttributes = new WeakMap<Element, Record<string, string>>();

/** The attributes `element` (an img, source or video of the sanitized tree) had before sanitizing. */
export function rawAttributesOf(element: Element): Readonly<Record<string, string>> {
  return rawAttributes.get(element) ?? {};
}

/** Sanitize feed HTML for the reader's <article>: allowlisted markup, rewritten images, safe links. */
export function sanitizeEntryHtml(html: string, context: SanitizeContext = {}): SanitizedBody {
  // The config set once in instance() says RETURN_DOM; DOMPurify's types only know it from a per-call config.
  const body = instance().sanitize(html) as unknown as HTMLElement | null;
  // A document whose <body> the parser replaced (a <frameset>, say) has nothing left to show.
  if (!body) return result(document.createDocumentFragment(), { keys: new Set() });
  for (const heading of body.querySelectorAll('h1')) demote(heading);
  // The image post-pass (image-rewrite.ts) reads the attributes as written, lazy ones included.
  const images = rewriteImages(body, rawAttributes, { pageUrl: context.baseUrl, imageMap: context.imageMap, policy: context.images });
  for (const media of body.querySelectorAll('audio, video')) prepareMedia(media, context.baseUrl);
  for (const frame of body.querySelectorAll('iframe')) rebuildEmbed(frame);
  for (const link of body.querySelectorAll('a')) secureLink(link, context.baseUrl);
  for (const sized of body.querySelectorAll('[width], [height]')) if (!SIZED.has(sized.localName)) dropSize(sized);
  tidy(body);
  const fragment = body.ownerDocument.createDocumentFragment();
  while (body.firstChild) fragment.appendChild(body.firstChild);
  return result(fragment, images);
}

function result(fragment: DocumentFragment, images: RewrittenImages): SanitizedBody {
  return {
    fragment,
    images,
    get html() {
      const holder = fragment.ownerDocument.createElement('div');
      holder.append(fragment.cloneNode(true));
      return holder.innerHTML;
    },
  };
}

/** Elements whose width/height attributes reserve the right space; on others they fight the layout. */
const SIZED = new Set(['img', 'video', 'source', 'iframe']);

function dropSize(element: Element): void {
  element.removeAttribute('width');
  element.removeAttribute('height');
}

/** A DOMPurify instance of our own, so its hook never leaks into another caller's sanitizing. */
function instance(): DOMPurify {
  if (purify) return purify;
  purify = createDOMPurify(window);
  // Set once: DOMPurify then skips parsing the config on every call.
  purify.setConfig({ ...SANITIZE_CONFIG, RETURN_DOM: true });
  purify.addHook('uponSanitizeElement', inspect);
  return purify;
}

/** The hook: runs on each node as written, before DOMPurify looks at its tag and attributes. Hot: keep it lean. */
function inspect(node: Node, data: UponSanitizeElementHookEvent): void {
  if (node.nodeType !== 1) return;
  const element = node as Element;
  const tag = data.tagName;
  // The body is the sanitizing root; a `<body hidden>` in the input only lends it attributes.
  if (tag === 'body') return;
  const attributed = element.hasAttributes();
  if (isOfficeXml(tag) || (attributed && (isHidden(element) || isWidget(element))) || (tag === 'img' && isTrackingPixel(element)) || (tag === 'iframe' && !embedFor(element.getAttribute('src') ?? ''))) {
    // DOMPurify skips a node a hook detached, and its subtree with it.
    element.remove();
    return;
  }
  if (tag === 'span' && !(attributed && (element.hasAttribute('lang') || element.hasAttribute('dir') || element.hasAttribute('title')))) {
    unwrap(element);
    return;
  }
  if (attributed && IMAGE_ELEMENTS.has(element.nodeName)) {
    const attributes: Record<string, string> = {};
    for (const attribute of element.attributes) attributes[attribute.name.toLowerCase()] = attribute.value;
    rawAttributes.set(element, attributes);
  }
}

/**
 * A span that will keep no attribute (Word's and CMSs' style carriers) goes, its content stays. The children move
 * to just after it, as DOMPurify moves a removed element's content: the traversal still visits them.
 */
function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  const next = element.nextSibling;
  while (element.firstChild) parent.insertBefore(element.firstChild, next);
  element.remove();
}

/** The title is the page's only <h1>: headings inside the body step down one level. */
function demote(heading: Element): void {
  const replacement = heading.ownerDocument.createElement('h2');
  for (const attribute of heading.attributes) replacement.setAttribute(attribute.name, attribute.value);
  replacement.append(...heading.childNodes);
  heading.replaceWith(replacement);
}
