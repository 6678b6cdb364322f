// URL resolution shared by every format. Content can hold tens of thousands of relative URLs, so the
// common shapes take a string-only fast path (url-fast-path.ts) that gives exactly what the shared
// `resolveReference` (src/shared/url.ts, the semantics the reader uses too) gives.
import { hasSchemeAndAuthority, resolveReference } from '../shared/url';
import { fastResolve, splitBase, splitSibling, type SplitBase } from './url-fast-path';

/** `href` resolved against `base`; the trimmed href itself when it cannot be resolved; undefined if empty. */
export function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  const trimmed = href?.trim();
  if (!trimmed) return undefined;
  if (hasSchemeAndAuthority(trimmed) && !/\s/.test(trimmed)) return trimmed; // already absolute: keep as written
  return resolveRelative(trimmed, base, base ? cachedSplit(base) : undefined);
}

/** `href` (trimmed, not known to be absolute) resolved against `base`, split beforehand by cachedSplit. */
export function resolveRelative(href: string, base: string | undefined, split: SplitBase | undefined): string {
  const fast = split && fastResolve(href, split);
  return fast ?? resolveReference(href, base) ?? href;
}

// Most calls in a row share one base (the feed URL, or one entry's link): remember the last split.
let lastBase = '';
let lastSplit: SplitBase | undefined;

/** `base` split for the fast path (undefined if it is not http(s)), remembered for the next call. */
export function cachedSplit(base: string): SplitBase | undefined {
  if (base !== lastBase) {
    lastBase = base;
    lastSplit = (lastSplit && splitSibling(base, lastSplit)) ?? splitBase(base);
  }
  return lastSplit;
}
