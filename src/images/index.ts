// The images module's one entry point: for one image address, the ordered list of URLs to try. Pure (no DOM,
// no browser APIs): the reader's post-pass (src/ui/image-rewrite.ts) applies it and moves down the list on error.
import { httpUrl } from '../shared/url';
import { imageUrlForm, mapLookup, withMirrors, type ImageMap } from './cdn';
import { ruleUrls, type ImageRule } from './rules';
import { unwrapChain } from './unwrap';

export type { ImageMap } from './cdn';
export type { ImageRule } from './rules';
export { imageSource, isPlaceholder, LAZY_SRC_ATTRIBUTES, LAZY_SRCSET_ATTRIBUTES, type ImageSource } from './lazy';
export { bestFromSrcset, parseSrcset, serializeSrcset, type SrcsetCandidate } from './srcset';
export { htmlImageSources } from './html-images';
export { cleanRefererRule, REFERER_RULE_IDS, refererDnrRules, refererRuleProblem, ruleScope, type RefererRule, type RuleScope } from './referer';
export { IMAGE_LOADINGS, parseImageLoading, parseImageRules, parseRefererRules, type ImageLoading } from './settings';
export { templateProblem } from './template';

/** Where an image appears: the entry's address (relative URLs), its CDN map, and the user's rules. */
export interface ImageContext {
  pageUrl?: string;
  imageMap?: Record<string, string | null>;
  rules: ImageRule[];
}

/** What a candidate is: a mirror's CDN copy (or a jsDelivr mirror of it), a rule's output, a proxy as written, the original. */
export type CandidateKind = 'copy' | 'rule' | 'proxy' | 'original';

/** One URL to try and why it is in the list. */
export interface Candidate {
  url: string;
  kind: CandidateKind;
}

/**
 * The ordered, de-duplicated absolute URLs to try for the image at `src` (as written, after HTML attribute
 * decoding): CDN copy and its jsDelivr mirrors, per-host rules, global rules, the proxied address as written,
 * the unwrapped original last. A `data:` image comes back untouched; anything not http(s) gives [].
 */
export function imageCandidates(src: string, ctx: ImageContext): string[] {
  return describeCandidates(src, ctx).map((candidate) => candidate.url);
}

/** `imageCandidates` with each URL's kind (the options page's "test on this URL" shows them). */
export function describeCandidates(src: string, ctx: ImageContext): Candidate[] {
  const trimmed = src.trim();
  if (/^data:/i.test(trimmed)) return /^data:image\//i.test(trimmed) ? [{ url: trimmed, kind: 'original' }] : [];
  const absolute = absoluteImageUrl(decodeAmpersands(trimmed), ctx.pageUrl);
  if (!absolute) return [];
  const chain = unwrapChain(absolute);
  const original = chain[chain.length - 1]!;
  const out: Candidate[] = [];
  const add = (url: string, kind: CandidateKind) => {
    if (!out.some((candidate) => candidate.url === url)) out.push({ url, kind });
  };
  const map: ImageMap = ctx.imageMap ?? {};
  // The map is keyed by originals; a proxied address may also be a key as written. The innermost known
  // answer wins, and an explicit null (the mirror has no copy) stops the search.
  for (const url of [...chain].reverse()) {
    const copy = mapLookup(map, url);
    if (copy === undefined) continue;
    if (copy !== null) for (const mirror of withMirrors(copy)) add(mirror, 'copy');
    break;
  }
  for (const url of ruleUrls(original, ctx.rules)) add(url, 'rule');
  if (chain.length > 1) add(absolute, 'proxy');
  add(original, 'original');
  return out;
}

/**
 * The key two spellings of one picture share (proxied or not, http or https, host case, default port, encoded
 * or not: the normal form of the CDN map's lookups): offline copies and the cover use it.
 */
export function imageKey(src: string, pageUrl?: string): string | undefined {
  const trimmed = src.trim();
  if (/^data:/i.test(trimmed)) return undefined;
  const absolute = absoluteImageUrl(decodeAmpersands(trimmed), pageUrl);
  if (!absolute) return undefined;
  const chain = unwrapChain(absolute);
  const original = chain[chain.length - 1]!;
  return (imageUrlForm(original) ?? original).replace(/^https:/, 'http:');
}

/** An absolute http(s) URL for `written`; protocol-relative addresses take https when there is no page. */
function absoluteImageUrl(written: string, pageUrl: string | undefined): string | undefined {
  if (!pageUrl && written.startsWith('//')) return httpUrl(`https:${written}`);
  return httpUrl(written, pageUrl);
}

/**
 * WeChat (and feeds that escape twice) leave `&amp;` in an attribute after HTML decoding: one more decoding
 * step gives the address the server expects (`?wx_fmt=jpeg&amp;tp=webp` → `?wx_fmt=jpeg&tp=webp`).
 */
function decodeAmpersands(url: string): string {
  return url.includes('&amp;') ? url.replaceAll('&amp;', '&') : url;
}
