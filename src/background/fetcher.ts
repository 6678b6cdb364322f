// Fetch one feed address: conditional GET plus a body hash, a timeout, a streamed and capped body, Retry-After,
// and what the redirects said. Never throws: every answer is a typed outcome the poll stores as it is.
// Decoding and parsing are the parser's job.
import { MAX_FEED_BYTES } from '../feeds';
import { BodyTooLarge, bodyHash, readCapped } from './http-body';
import { isRedirectLoop, redirectPermanence } from './redirect-chain';
import type { RedirectWatch, WatchRedirects } from './redirect-watch';
import { parseRetryAfter } from './retry-after';

/** One address to fetch, with what the previous poll of it learned. */
export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
  /** bodyHash of the last document parsed: the same body again is 'unchanged', not parsed again. */
  bodyHash?: string;
}

/** Limits and hooks of one fetch. */
export interface FetchOptions {
  /** Headers and body together; under Chrome's 30 s idle limit. */
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * The browser's view of the redirects (webRequest). Watching slows every request the browser makes while a
   * listener is attached (Chromium then proxies them through the extension system), so it is used only when a
   * redirect is expected, and to look again at a failure that may be a redirect loop.
   */
  watchRedirects?: WatchRedirects;
  /** Watch from the first request: the address redirected last time (else a redirect costs a second request). */
  redirectExpected?: boolean;
  now?: () => number;
}

/** Why a fetch failed, as the error code and params the pages show. */
export type FetchErrorCode = 'timeout' | 'http' | 'forbidden' | 'not-found' | 'server-error' | 'gone' | 'rate-limited' | 'redirect-loop' | 'too-large' | 'network';

/** A failure: its code and params (host, status, limitMb, seconds), as src/shared/errors.ts names them. */
export interface FetchFailure {
  code: FetchErrorCode;
  params: Record<string, string | number>;
}

/** Where the document came from: the final URL after redirects; `permanent` only when the browser told. */
export interface Served {
  url: string;
  redirected: boolean;
  permanent?: boolean;
}

/** HTTP validators the server sent, for the next conditional request. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** Everything one fetch can end in. */
export type FetchOutcome =
  | ({ kind: 'not-modified'; served: Served } & Validators)
  | ({ kind: 'unchanged'; served: Served; bodyHash: string } & Validators)
  | ({ kind: 'fetched'; served: Served; body: Uint8Array; bodyHash: string; contentType?: string } & Validators)
  | { kind: 'failed'; error: FetchFailure; served?: Served; retryAt?: number };

/** 25 s: a hung mirror is abandoned before Chrome's 30 s idle limit could end the worker with it. */
export const FETCH_TIMEOUT_MS = 25_000;
// webRequest events can trail the fetch's answer by a few milliseconds; wait this long at most.
const HOP_WAIT_MS = 250;

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5';

/** GET `request.url`, conditionally when validators are known, and say what came of it. */
export async function fetchFeed(request: FetchRequest, options: FetchOptions = {}): Promise<FetchOutcome> {
  const { watchRedirects } = options;
  const outcome = await fetchOnce(request, options, options.redirectExpected ? watchRedirects : undefined);
  if (!watchRedirects || options.redirectExpected) return outcome;
  // Asked again, watching the hops: a redirect appeared (was it a 301/308?), or a failure that browsers report
  // alike for a redirect loop and a redirect to a dead host ("Failed to fetch").
  const unexplained = outcome.kind === 'failed' ? outcome.error.code === 'network' : outcome.served.redirected && outcome.served.permanent === undefined;
  return unexplained ? fetchOnce(request, options, watchRedirects) : outcome;
}

async function fetchOnce(request: FetchRequest, options: FetchOptions, watchRedirects: WatchRedirects | undefined): Promise<FetchOutcome> {
  const { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_FEED_BYTES, now = Date.now } = options;
  let host = new URL(request.url).host;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const watch = watchRedirects?.(request.url);
  try {
    // no-store: the browser's HTTP cache must not answer for the server; freshness is ours to ask for.
    const response = await fetch(request.url, { headers: requestHeaders(request), cache: 'no-store', redirect: 'follow', signal: controller.signal });
    const served = await servedFrom(request.url, response, watch);
    host = new URL(served.url).host;
    const validators = { ...header(response, 'etag', 'etag'), ...header(response, 'last-modified', 'lastModified') };
    // Only a request carrying validators can be answered 304; without one it is a broken server.
    if (response.status === 304 && (request.etag || request.lastModified)) {
      await response.body?.cancel();
      return { kind: 'not-modified', served, ...validators };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ...httpFailure(response, host, now()), served };
    }
    const body = await readCapped(response, maxBytes);
    const hash = await bodyHash(body);
    if (hash === request.bodyHash) return { kind: 'unchanged', served, bodyHash: hash, ...validators };
    return { kind: 'fetched', served, body, bodyHash: hash, ...header(response, 'content-type', 'contentType'), ...validators };
  } catch (error) {
    if (error instanceof BodyTooLarge) return failed('too-large', { limitMb: Math.round(maxBytes / 1024 / 1024) });
    if (controller.signal.aborted) return failed('timeout', { host, seconds: Math.ceil(timeoutMs / 1000) });
    // A redirect to a host that is down fails fast, maybe before its webRequest event arrived.
    const hops = watch ? await watch.until(undefined, HOP_WAIT_MS) : [];
    if (isRedirectLoop(hops) || redirectLimitReached(error)) return failed('redirect-loop', { host });
    // Redirected to a host that does not answer: name that host.
    const last = hops.at(-1);
    return failed('network', { host: last ? new URL(last.to).host : host });
  } finally {
    clearTimeout(timer);
    watch?.stop();
  }
}

function requestHeaders(request: FetchRequest): Headers {
  const headers = new Headers({ Accept: ACCEPT });
  if (request.etag) headers.set('If-None-Match', request.etag);
  if (request.lastModified) headers.set('If-Modified-Since', request.lastModified);
  return headers;
}

async function servedFrom(requested: string, response: Response, watch: RedirectWatch | undefined): Promise<Served> {
  const url = response.url || requested;
  if (!response.redirected && url === requested) return { url, redirected: false };
  const permanent = redirectPermanence(watch ? await watch.until(url, HOP_WAIT_MS) : [], requested, url);
  return permanent === undefined ? { url, redirected: true } : { url, redirected: true, permanent };
}

/** A non-2xx answer: 410 is 'gone' and 429 or a 503 with Retry-After 'rate-limited'; the rest by status class. */
function httpFailure(response: Response, host: string, now: number): Extract<FetchOutcome, { kind: 'failed' }> {
  const { status } = response;
  if (status === 410) return failed('gone', { host });
  const retryAt = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after'), now) : undefined;
  if (status === 429 || retryAt !== undefined) return { ...failed('rate-limited', { host, status }), ...(retryAt === undefined ? {} : { retryAt }) };
  if (status === 401 || status === 403) return failed('forbidden', { host, status });
  if (status === 404) return failed('not-found', { host, status });
  return failed(status >= 500 ? 'server-error' : 'http', { host, status });
}

function failed(code: FetchErrorCode, params: FetchFailure['params']): Extract<FetchOutcome, { kind: 'failed' }> {
  return { kind: 'failed', error: { code, params } };
}

// Node's fetch (the unit tests) says why in `cause`; browsers give only "Failed to fetch" and need the hops.
function redirectLimitReached(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { message?: unknown } | undefined) : undefined;
  return typeof cause?.message === 'string' && /redirect count exceeded/i.test(cause.message);
}

/** `{ [key]: value }` when the header is present, `{}` otherwise (absent fields stay absent). */
function header<K extends string>(response: Response, name: string, key: K): { [P in K]?: string } {
  const value = response.headers.get(name);
  return value === null ? {} : ({ [key]: value } as { [P in K]?: string });
}
