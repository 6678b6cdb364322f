// The demo's pictures and the simulated hosts that serve them, all on the demo server: a CDN holding the
// mirror's copies, an origin that blocks hotlinking (403, like the sites mirrors copy from), an origin that
// serves its pictures, and an image proxy in front of both (the `https://proxy/?http://…` shape).
import { readFileSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import type { Route } from '../scripts/feed-server';

const IMAGE_DIR = new URL('./images/', import.meta.url);

/** Path prefixes of the simulated hosts. */
export const IMAGE_HOSTS = {
  cdn: '/cdn/gh/mirror-reader-demo/img@main/',
  blocked: '/origin-blocked/',
  open: '/origin-ok/',
  proxy: '/proxy/',
} as const;

/** Builders of picture addresses on the demo server at `origin`. */
export interface ImageUrls {
  /** The mirror's CDN copy: always served. */
  cdn(name: string): string;
  /** On the hotlink-blocking origin: always 403. */
  blocked(name: string): string;
  /** On an origin that serves its pictures. */
  open(name: string): string;
  /** `url` behind the demo image proxy. */
  proxied(url: string): string;
}

/** Picture addresses for a demo server at `origin`. */
export function imageUrls(origin: string): ImageUrls {
  return {
    cdn: (name) => `${origin}${IMAGE_HOSTS.cdn}${name}`,
    blocked: (name) => `${origin}${IMAGE_HOSTS.blocked}${name}`,
    open: (name) => `${origin}${IMAGE_HOSTS.open}${name}`,
    proxied: (url) => `${origin}${IMAGE_HOSTS.proxy}?${url}`,
  };
}

/** Every picture under the CDN and the open origin; the blocked origin answers 403 for the same names. */
export function imageRoutes(): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const name of readdirSync(IMAGE_DIR).filter((file) => file.endsWith('.svg'))) {
    const picture = svg(name);
    routes[IMAGE_HOSTS.cdn + name] = picture;
    routes[IMAGE_HOSTS.open + name] = picture;
    routes[IMAGE_HOSTS.blocked + name] = { body: 'Hotlinking is not allowed.', contentType: 'text/plain', status: 403 };
  }
  return routes;
}

/**
 * The proxy's answer to `/proxy/?<address>`: the picture the address names on either demo origin (a proxy
 * fetches server-side, so the hotlink block does not apply). Anything else is undefined (404): the demo
 * never fetches from the outside world.
 */
export function proxyRoute(url: URL, origin: string): Route | undefined {
  if (url.pathname !== IMAGE_HOSTS.proxy) return undefined;
  let target: URL;
  try {
    target = new URL(url.search.slice(1));
  } catch {
    return undefined;
  }
  const fromOrigin = [IMAGE_HOSTS.open, IMAGE_HOSTS.blocked].some((host) => target.pathname.startsWith(host));
  if (target.origin !== origin || !fromOrigin) return undefined;
  const name = basename(target.pathname);
  return readdirSync(IMAGE_DIR).includes(name) ? svg(name) : undefined;
}

function svg(name: string): Route {
  return { body: readFileSync(new URL(name, IMAGE_DIR)), contentType: 'image/svg+xml' };
}
