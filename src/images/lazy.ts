// Which of an element's attributes name the real picture. Lazy-loading scripts keep it in data-* attributes
// and leave a stand-in (a 1×1 data: image, blank.gif) in `src`. Pure string work on the attributes as
// written (names lowercase, values HTML-decoded), no DOM.
import { bestFromSrcset } from './srcset';

/** Attributes that hold the one real URL, in the order lazy loaders most often mean them. */
export const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-original', 'data-actualsrc', 'data-original-src', 'data-lazy-src'] as const;

/** Attributes that hold a lazy srcset list. */
export const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset'] as const;

/** File names lazy loaders and old layouts use for stand-in pictures. */
const PLACEHOLDER_NAME = /(?:^|[/_-])(?:blank|spacer|pixel|transparent|placeholder|lazy|loading|grey|gray|empty|1x1)[\w.-]*\.(?:gif|png|svg|jpe?g|webp)$/i;

/** Below this length a data: image of a format whose size is not read here is a stand-in (a 2×2 PNG takes ~100). */
const TINY_DATA_URL = 100;

/** The picture an element shows once its lazy attributes are resolved: one URL and/or a srcset, as written. */
export interface ImageSource {
  src?: string;
  srcset?: string;
}

/**
 * The real picture of an <img> (or the `srcset` of a <source>): a lazy URL attribute, else a `src` that is not a
 * stand-in, else the best of a lazy srcset; the srcset is the lazy one when present, else `srcset`.
 */
export function imageSource(attributes: Readonly<Record<string, string>>): ImageSource {
  const out: ImageSource = {};
  const lazySrcset = LAZY_SRCSET_ATTRIBUTES.map((name) => attributes[name]?.trim()).find((value) => value && !isPlaceholder(bestFromSrcset(value) ?? ''));
  const srcset = lazySrcset ?? attributes['srcset']?.trim();
  if (srcset) out.srcset = srcset;
  const lazy = LAZY_SRC_ATTRIBUTES.map((name) => attributes[name]?.trim()).find((value) => value && !isPlaceholder(value));
  const src = attributes['src']?.trim();
  const chosen = lazy ?? (src && !isPlaceholder(src) ? src : undefined) ?? (srcset ? bestFromSrcset(srcset) : undefined);
  if (chosen) out.src = chosen;
  return out;
}

/** True for a `src` that is only a stand-in: empty, a 1×1 or empty inline image, or a blank/spacer/pixel file. */
export function isPlaceholder(url: string): boolean {
  const value = url.trim();
  if (value === '' || value === '#' || value === 'about:blank') return true;
  if (/^data:/i.test(value)) return isInlinePlaceholder(value);
  return PLACEHOLDER_NAME.test(value.split(/[?#]/)[0] ?? '');
}

function isInlinePlaceholder(dataUrl: string): boolean {
  const comma = dataUrl.indexOf(',');
  if (comma < 0) return true;
  const header = dataUrl.slice(5, comma).toLowerCase();
  const body = dataUrl.slice(comma + 1);
  if (!header.startsWith('image/')) return true;
  const text = decodeBody(body, header.endsWith(';base64'));
  if (text === undefined) return true;
  if (header.startsWith('image/svg')) return !/<(?!svg\b|\/|\?|!)[a-z]/i.test(text) || /\bviewbox\s*=\s*["']?\s*0[\s,]+0[\s,]+1[\s,]+1\b/i.test(text);
  const size = pictureSize(text);
  return size ? size.width <= 1 && size.height <= 1 : dataUrl.length < TINY_DATA_URL;
}

/** The body of a data: URL as a binary string (one char per byte), undefined when it does not decode. */
function decodeBody(body: string, base64: boolean): string | undefined {
  try {
    return base64 ? atob(body.replace(/\s+/g, '')) : decodeURIComponent(body);
  } catch {
    return undefined;
  }
}

/** Width and height of a GIF or PNG from its header; undefined for other formats. */
function pictureSize(bytes: string): { width: number; height: number } | undefined {
  const byte = (i: number) => bytes.charCodeAt(i) & 0xff;
  if (bytes.startsWith('GIF8') && bytes.length >= 10) return { width: byte(6) | (byte(7) << 8), height: byte(8) | (byte(9) << 8) };
  if (bytes.startsWith('\x89PNG') && bytes.length >= 24) {
    const be32 = (i: number) => ((byte(i) << 24) | (byte(i + 1) << 16) | (byte(i + 2) << 8) | byte(i + 3)) >>> 0;
    return { width: be32(16), height: be32(20) };
  }
  return undefined;
}
