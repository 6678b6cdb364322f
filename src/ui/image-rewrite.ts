// The image post-pass of the sanitizer: every <img>, <picture><source> and <video poster> of a sanitized tree
// gets its candidate URLs (src/images) from the attributes as the feed wrote them (lazy ones included, which
// DOMPurify has dropped by now). It only sets attributes it computes itself: http(s), data:image and blob: URLs,
// fixed keywords. Loading policy: every image at once, only CDN copies (the rest on click), or all on click.
import { describeCandidates, imageKey, imageSource, parseSrcset, serializeSrcset, type ImageLoading, type ImageMap, type ImageRule } from '../images';
import { healthyFirst } from './image-hosts';

/** Elements whose attributes the sanitizer must capture before DOMPurify runs (nodeName, uppercase). */
export const IMAGE_ELEMENTS: ReadonlySet<string> = new Set(['IMG', 'SOURCE', 'VIDEO']);

/** Space-separated URLs to try after the current `src` fails (image-fallback.ts walks it). */
export const FALLBACKS_ATTRIBUTE = 'data-fallbacks';
/** Space-separated URLs tried only after the user asks (privacy settings): image-fallback.ts adds the button. */
export const ON_CLICK_ATTRIBUTE = 'data-on-click';
/** Space-separated poster URLs to try after the current one fails. */
export const POSTER_FALLBACKS_ATTRIBUTE = 'data-poster-fallbacks';

/** The user's image settings and what the page knows: offline copies and failing hosts. */
export interface ImagePolicy {
  rules: ImageRule[];
  loading: ImageLoading;
  /** imageKey → object URL of the copy kept offline (starred entries, recent days). */
  offline?: ReadonlyMap<string, string>;
  /** Hosts that failed this session when the entry opened (a HostHealth snapshot): tried last. */
  failing?: (url: string) => boolean;
}

/** Where the images appear and how to load them. */
export interface ImageRewriteContext {
  pageUrl?: string;
  imageMap?: ImageMap;
  policy?: ImagePolicy;
}

/** The attributes of each element as written, captured by the sanitizer's hook. */
export interface RawAttributes {
  get(element: Element): Readonly<Record<string, string>> | undefined;
}

/** What the body shows: the key of every picture (see imageKey), and of its lead (first) picture. */
export interface RewrittenImages {
  keys: Set<string>;
  leadingKey?: string;
}

/** What to do with one image address: URLs to try now, URLs to try after a click. */
export interface ImagePlan {
  now: string[];
  onClick: string[];
  key?: string;
}

const ALWAYS: ImagePolicy = { rules: [], loading: 'always' };

/** The plan for one image address under the context's policy. */
export function imagePlan(src: string, context: ImageRewriteContext): ImagePlan {
  const policy = context.policy ?? ALWAYS;
  const key = imageKey(src, context.pageUrl);
  const candidates = describeCandidates(src, { pageUrl: context.pageUrl, imageMap: context.imageMap, rules: policy.rules });
  // Inline pictures cost no request; copies are the mirror's own CDN, which the user accepted by subscribing.
  const free = (url: string, kind: string) => url.startsWith('data:') || (policy.loading === 'cdn-only' && kind === 'copy');
  const now = candidates.filter((candidate) => policy.loading === 'always' || free(candidate.url, candidate.kind)).map((candidate) => candidate.url);
  const onClick = candidates.map((candidate) => candidate.url).filter((url) => !now.includes(url));
  const kept = key === undefined ? undefined : policy.offline?.get(key);
  const plan: ImagePlan = { now: [...(kept ? [kept] : []), ...healthyFirst(now, policy.failing)], onClick: healthyFirst(onClick, policy.failing) };
  if (key !== undefined) plan.key = key;
  return plan;
}

/** Rewrite every image under `root` (a sanitized tree); images with no usable address are removed. */
export function rewriteImages(root: Element | DocumentFragment, raw: RawAttributes, context: ImageRewriteContext): RewrittenImages {
  const keys = new Map<Element, string>();
  for (const img of [...root.querySelectorAll('img')]) {
    const { src, srcset } = imageSource(raw.get(img) ?? {});
    const plan = src ? imagePlan(src, context) : { now: [], onClick: [] };
    if (plan.now.length + plan.onClick.length === 0) {
      img.remove();
      continue;
    }
    if (plan.key) keys.set(img, plan.key);
    setImage(img, plan);
    const loadsNow = plan.now.length > 0 && !plan.now[0]!.startsWith('blob:');
    const all = (context.policy ?? ALWAYS).loading === 'always';
    img.removeAttribute('srcset');
    const set = all && loadsNow && srcset ? rewriteSrcset(srcset, context) : undefined;
    if (set) img.setAttribute('srcset', set);
    const picture = img.parentElement?.localName === 'picture' ? img.parentElement : undefined;
    for (const source of picture ? [...picture.querySelectorAll(':scope > source')] : []) {
      const rewritten = all && loadsNow ? rewriteSource(source, raw, context) : false;
      if (!rewritten) source.remove();
    }
  }
  for (const video of [...root.querySelectorAll('video')]) rewritePoster(video, raw, context);
  // The lead picture is the body's first: an article often opens with a line of intro before it (seed 002).
  const first = root.querySelector('img');
  const leadingKey = first ? keys.get(first) : undefined;
  const result: RewrittenImages = { keys: new Set(keys.values()) };
  if (leadingKey) result.leadingKey = leadingKey;
  return result;
}

/** Put `plan` on `img`: the first URL in `src`, the rest for the fallback walker; no referrer by default. */
export function setImage(img: Element, plan: ImagePlan): void {
  const [first, ...rest] = plan.now;
  if (first) img.setAttribute('src', first);
  else img.removeAttribute('src');
  if (rest.length > 0) img.setAttribute(FALLBACKS_ATTRIBUTE, rest.join(' '));
  else img.removeAttribute(FALLBACKS_ATTRIBUTE);
  if (plan.onClick.length > 0) img.setAttribute(ON_CLICK_ATTRIBUTE, plan.onClick.join(' '));
  else img.removeAttribute(ON_CLICK_ATTRIBUTE);
  img.setAttribute('referrerpolicy', 'no-referrer');
  img.setAttribute('loading', 'lazy');
  img.setAttribute('decoding', 'async');
}

/** Each candidate's URL replaced by its first choice; undefined when none is left. */
function rewriteSrcset(srcset: string, context: ImageRewriteContext): string | undefined {
  const candidates = parseSrcset(srcset).flatMap(({ url, descriptor }) => {
    const first = imagePlan(url, context).now[0];
    // Descriptors are kept only in their plain forms ("640w", "2x"): nothing else from the feed is copied.
    return first && /^(?:\d+w|\d+(?:\.\d+)?x)?$/.test(descriptor) ? [{ url: first, descriptor }] : [];
  });
  return candidates.length > 0 ? serializeSrcset(candidates) : undefined;
}

/** A <picture>'s <source>: its srcset rewritten, its image type kept; false when it has nothing usable. */
function rewriteSource(source: Element, raw: RawAttributes, context: ImageRewriteContext): boolean {
  const attributes = raw.get(source) ?? {};
  const srcset = imageSource(attributes).srcset;
  const rewritten = srcset ? rewriteSrcset(srcset, context) : undefined;
  for (const name of [...source.getAttributeNames()]) source.removeAttribute(name);
  if (!rewritten) return false;
  source.setAttribute('srcset', rewritten);
  const type = attributes['type']?.trim().toLowerCase();
  if (type && /^image\/[a-z0-9.+-]+$/.test(type)) source.setAttribute('type', type);
  const media = attributes['media']?.trim();
  if (media && /^[a-z0-9\s():,.-]+$/i.test(media)) source.setAttribute('media', media);
  return true;
}

/** A video's poster from its candidates (lazy `data-poster` too); none when the policy holds images back. */
function rewritePoster(video: Element, raw: RawAttributes, context: ImageRewriteContext): void {
  const attributes = raw.get(video) ?? {};
  const written = attributes['data-poster']?.trim() || attributes['poster']?.trim();
  video.removeAttribute('poster');
  video.removeAttribute(POSTER_FALLBACKS_ATTRIBUTE);
  const [first, ...rest] = written ? imagePlan(written, context).now : [];
  if (!first) return;
  video.setAttribute('poster', first);
  if (rest.length > 0) video.setAttribute(POSTER_FALLBACKS_ATTRIBUTE, rest.join(' '));
}
