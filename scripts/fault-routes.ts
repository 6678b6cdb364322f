// Misbehaving servers for the feed server (scripts/feed-server.ts): each builder is one fault a real mirror or
// origin shows, so tests compose them into routes: `routes.set('/feed', retryAfter(429, '3600'))`.
import type { Route, RouteSource } from './feed-server';

const TEXT = 'text/plain; charset=utf-8';

/** An HTTP status with a short text body (500, 404, 410…). */
export function statusRoute(status: number, headers: Record<string, string> = {}): Route {
  return { body: `HTTP ${status}`, contentType: TEXT, status, headers };
}

/** A redirect to `location` (a path or an absolute URL). */
export function redirect(location: string, status: 301 | 302 | 303 | 307 | 308 = 301): Route {
  return statusRoute(status, { location });
}

/** 429 or 503 with Retry-After: seconds ('3600') or an HTTP-date. */
export function retryAfter(status: 429 | 503, value: string): Route {
  return statusRoute(status, { 'retry-after': value });
}

/** A server that accepts the connection and never answers. */
export const HANG: Route = { body: '', contentType: TEXT, hang: true };

/** A server that drops the connection without answering. */
export const RESET: Route = { body: '', contentType: TEXT, reset: true };

/** A feed-looking document of `bytes` bytes (an RSS head, then spaces), streamed without a Content-Length. */
export function hugeFeed(bytes: number, extra: Partial<Route> = {}): Route {
  const body = new Uint8Array(bytes).fill(0x20);
  body.set(new TextEncoder().encode('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>'));
  return { body, contentType: 'application/rss+xml', chunked: true, ...extra };
}

/** `route` with a new ETag on every request, as servers that hash a changing timestamp do; body unchanged. */
export function changingEtag(route: Route): RouteSource {
  return ({ count }) => ({ ...route, etag: `"rev-${count}"` });
}

/** `first` for the first `times` requests, then `after` (a 301 that later serves, a flaky mirror). */
export function sequence(first: Route, after: Route, times = 1): RouteSource {
  return ({ count }) => (count <= times ? first : after);
}

/** The same body with whatever Content-Type a (mis)configured server sends. */
export function labelled(body: string | Uint8Array, contentType: string): Route {
  return { body, contentType };
}
