// What the redirects behind one fetch say. The Fetch API hides every redirect status (response.redirected
// and response.url tell only that one happened and where it ended); the browser's webRequest events name
// each hop and its status (redirect-watch.ts). Pure, so the rules are tested without a browser.

/** One redirect the browser followed. */
export interface RedirectHop {
  from: string;
  to: string;
  status: number;
}

/** Browsers give up after this many redirects (Fetch §4.4 step 5, Chromium and Firefox alike). */
export const MAX_REDIRECTS = 20;

/** Whether `hops` is the whole chain from `requested` to `finalUrl`, hop after hop. */
export function isCompleteChain(hops: readonly RedirectHop[], requested: string, finalUrl: string): boolean {
  if (hops.length === 0 || hops[0]!.from !== requested || hops.at(-1)!.to !== finalUrl) return false;
  return hops.every((hop, index) => index === 0 || hops[index - 1]!.to === hop.from);
}

/**
 * Whether the move from `requested` to `finalUrl` is permanent: true when every hop was a 301 or 308, false
 * when one was temporary (302, 303, 307), undefined when the browser did not tell (no complete chain).
 */
export function redirectPermanence(hops: readonly RedirectHop[], requested: string, finalUrl: string): boolean | undefined {
  if (!isCompleteChain(hops, requested, finalUrl)) return undefined;
  return hops.every((hop) => hop.status === 301 || hop.status === 308);
}

/** Whether a failed fetch's hops show a loop: an address visited twice, or the browser's limit reached. */
export function isRedirectLoop(hops: readonly RedirectHop[]): boolean {
  if (hops.length >= MAX_REDIRECTS) return true;
  const seen = new Set<string>();
  for (const hop of hops) {
    if (seen.has(hop.from)) return true;
    seen.add(hop.from);
  }
  return hops.length > 0 && seen.has(hops.at(-1)!.to);
}
