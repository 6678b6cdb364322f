// Which of an <img>'s attributes name the real picture. Lazy-loading scripts keep it in data-* attributes
// and leave a placeholder in `src`; pure string work, no DOM.

/** Attributes that hold one URL, in the order lazy loaders are most often written. */
const LAZY_URL_ATTRIBUTES = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'data-original-src', 'data-lazy', 'data-url', 'data-hi-res-src'];

/** Attributes that hold a srcset list. */
const SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'srcset'];

/** File names lazy loaders and old layouts use for stand-in pictures. */
const PLACEHOLDER_NAME = /(?:^|[/_-])(?:blank|spacer|pixel|transparent|placeholder|lazy|loading|grey|gray|empty|1x1)[\w.-]*\.(?:gif|png|svg|jpe?g|webp)$/i;

/** Inline pictures shorter than this are 1×1 gifs and the like, never the real image. */
const TINY_DATA_URI = 256;

/** The picked URL of a srcset: the widest `w` or densest `x` descriptor; undefined when none parses. */
export function bestFromSrcset(srcset: string): string | undefined {
  let best: { url: string; score: number } | undefined;
  // Candidates are split on commas followed by whitespace or a URL start, so commas inside URLs survive.
  for (const part of srcset.split(/,\s+|,(?=[a-z]+:\/\/|\/)/i)) {
    const [url, descriptor = '1x'] = part.trim().split(/\s+/);
    if (!url) continue;
    const match = /^(\d+(?:\.\d+)?)([wx])$/i.exec(descriptor);
    // A width and a density are not comparable; widths (hundreds) naturally outrank densities (1–3).
    const score = match ? Number(match[1]) : 1;
    if (!best || score > best.score) best = { url, score };
  }
  return best?.url;
}

/** True for a `src` that is only a stand-in: tiny data: URIs and blank/spacer/pixel files. */
export function isPlaceholder(url: string): boolean {
  const value = url.trim();
  if (value === '' || value === '#' || value === 'about:blank') return true;
  if (/^data:/i.test(value)) return value.length < TINY_DATA_URI;
  const path = value.split(/[?#]/)[0] ?? '';
  return PLACEHOLDER_NAME.test(path);
}

/** Raw URLs an <img> names, best first: lazy attributes, then srcset lists, then a non-placeholder `src`. */
export function sourceUrls(attributes: Readonly<Record<string, string>>): string[] {
  const urls: string[] = [];
  for (const name of LAZY_URL_ATTRIBUTES) {
    const value = attributes[name]?.trim();
    if (value && !isPlaceholder(value)) urls.push(value);
  }
  for (const name of SRCSET_ATTRIBUTES) {
    const value = attributes[name];
    const best = value ? bestFromSrcset(value) : undefined;
    if (best && !isPlaceholder(best)) urls.push(best);
  }
  const src = attributes['src']?.trim();
  if (src && !isPlaceholder(src)) urls.push(src);
  return urls;
}
