// The browser's own account of the redirects behind the worker's fetches: webRequest.onBeforeRedirect names
// each hop and its status, which the Fetch API hides. Chromium and Firefox both report an extension's own
// requests to it (test/e2e/chromium-redirects.test.ts proves it for Chromium). The listener is attached only
// while a fetch is being watched, so page loads in the user's tabs never wake the worker.
import browser, { type WebRequest } from 'webextension-polyfill';
import type { RedirectHop } from './redirect-chain';

/** The redirects of one request, as the browser reports them. */
export interface RedirectWatch {
  /** The hops seen so far, in order. */
  hops(): readonly RedirectHop[];
  /**
   * The hops once the chain reaches `finalUrl` (or, without one, once any hop was seen), else what was seen
   * after `waitMs`: events may trail the fetch's answer or failure.
   */
  until(finalUrl: string | undefined, waitMs: number): Promise<readonly RedirectHop[]>;
  stop(): void;
}

/** Start watching the redirects of the next request to `url`. */
export type WatchRedirects = (url: string) => RedirectWatch;

// Only requests of no tab (the worker's own), of the kind fetch() makes.
const FILTER: WebRequest.RequestFilter = { urls: ['http://*/*', 'https://*/*'], types: ['xmlhttprequest'], tabId: -1 };

const active = new Set<Watch>();

class Watch implements RedirectWatch {
  private requestId: string | undefined;
  private readonly seen: RedirectHop[] = [];
  private waiting: (() => void) | undefined;

  constructor(private readonly url: string) {}

  offer(details: WebRequest.OnBeforeRedirectDetailsType): void {
    // The first redirect of a request to our address binds the watch to that request.
    if (this.requestId === undefined && this.seen.length === 0 && details.url === this.url) this.requestId = details.requestId;
    if (details.requestId !== this.requestId) return;
    this.seen.push({ from: details.url, to: details.redirectUrl, status: details.statusCode });
    this.waiting?.();
  }

  hops(): readonly RedirectHop[] {
    return this.seen;
  }

  async until(finalUrl: string | undefined, waitMs: number): Promise<readonly RedirectHop[]> {
    const deadline = Date.now() + waitMs;
    const reached = () => (finalUrl === undefined ? this.seen.length > 0 : this.seen.at(-1)?.to === finalUrl);
    while (!reached() && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiting = undefined;
    }
    return this.seen;
  }

  stop(): void {
    active.delete(this);
    if (active.size === 0) browser.webRequest.onBeforeRedirect.removeListener(onBeforeRedirect);
  }
}

function onBeforeRedirect(details: WebRequest.OnBeforeRedirectDetailsType): void {
  for (const watch of active) watch.offer(details);
}

/** Watch through webRequest; undefined where the browser offers no webRequest (the permission is missing). */
export function webRequestRedirects(): WatchRedirects | undefined {
  if (!browser.webRequest?.onBeforeRedirect) return undefined;
  return (url) => {
    const watch = new Watch(url);
    if (active.size === 0) browser.webRequest.onBeforeRedirect.addListener(onBeforeRedirect, FILTER);
    active.add(watch);
    return watch;
  };
}
