// Elements the sanitizer drops whole, content included, decided on the markup as written (before DOMPurify
// strips style/class/id): hidden elements, 1×1 tracking pixels, page-chrome widgets, Word's XML islands.

/** `display: none` or `visibility: hidden|collapse` in an inline style. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;

/** True when the author hid the element: `hidden`, `aria-hidden="true"`, or an inline style that hides it. */
export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = element.getAttribute('style');
  // Most styles hide nothing: a plain substring test spares them the regular expression.
  return style !== null && (style.includes('none') || style.includes('hidden') || style.includes('collapse')) && HIDDEN_STYLE.test(style);
}

/** A length attribute or style value in CSS pixels, when it is a plain number (with or without `px`). */
function pixels(value: string | null | undefined): number | undefined {
  const match = value ? /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

function styleLength(style: string | null, property: 'width' | 'height'): string | undefined {
  if (!style) return undefined;
  return new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]+)`, 'i').exec(style)?.[1];
}

/** Hosts (and path prefixes) that serve only counting pixels. */
const TRACKERS = [
  /^https?:\/\/pixel\.wp\.com\//i,
  /^https?:\/\/stats\.wordpress\.com\//i,
  /^https?:\/\/(?:www\.)?google-analytics\.com\//i,
  /^https?:\/\/pixel\.quantserve\.com\//i,
  /^https?:\/\/feeds\.feedburner\.com\/~r\//i,
  /^https?:\/\/[\w.-]*feedsportal\.com\//i,
];

/** True for a tracking pixel: an image declared 1×1 (or 0 in a dimension), or one from a counting host. */
export function isTrackingPixel(img: Element): boolean {
  const style = img.getAttribute('style');
  const width = pixels(img.getAttribute('width')) ?? pixels(styleLength(style, 'width'));
  const height = pixels(img.getAttribute('height')) ?? pixels(styleLength(style, 'height'));
  if (width === 0 || height === 0) return true;
  if (width !== undefined && height !== undefined && width <= 1 && height <= 1) return true;
  const src = img.getAttribute('src') ?? '';
  return TRACKERS.some((tracker) => tracker.test(src.trim()));
}

/**
 * Class or id names of widgets that are page chrome, not article: reward/donate buttons (seed 002's
 * "support-author" pay widget), share bars, WordPress "related posts". Matched on whole names only, so a
 * paragraph of class "reward-program-review" stays.
 */
const WIDGET_IN = /(?:^|\s)(?:support-author|reward|rewards|donate|donation|post-reward|article-reward|sharedaddy|share-buttons|social-share|jp-relatedposts|wp-block-buttons)(?=\s|$)/i;

/** True for an element whose class or id names page chrome (see WIDGET_IN). */
export function isWidget(element: Element): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.length > 1 && WIDGET_IN.test(names);
}

/** Word's XML islands (`<w:WordDocument>`, `<m:mathPr>`, `<xml>`): settings, never text for the reader. */
export function isOfficeXml(tagName: string): boolean {
  return tagName === 'xml' || tagName.startsWith('w:') || tagName.startsWith('m:') || tagName.startsWith('v:');
}
