// An HTTP server on 127.0.0.1 that serves documents by path: the demo feeds for `npm start`, and the feeds
// and faults the tests publish (scripts/fault-routes.ts builds the faults). Routes can be replaced while it
// runs (a feed that gains items), or computed per request (a changing ETag, a redirect that ends).
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** One answer of the server. */
export interface Route {
  body: string | Uint8Array;
  contentType: string;
  status?: number;
  /** More response headers (Location, Retry-After, Cache-Control…). */
  headers?: Record<string, string>;
  /** Hold the answer this long (a slow mirror, or a fetch still pending when a test stops the worker). */
  delayMs?: number;
  /** Never answer at all (a hung server); the connection stays open until the client gives up. */
  hang?: boolean;
  /** Drop the connection without answering (a crashing mirror). */
  reset?: boolean;
  /** Send the body gzip-compressed (Content-Encoding: gzip). */
  gzip?: boolean;
  /** Send the headers and half the body, then nothing more (a mirror that stalls mid-download). */
  stall?: boolean;
  /** Stream the body in chunks without a Content-Length, so only counting while reading can cap it. */
  chunked?: boolean;
  /** Send this ETag, and answer 304 to a request whose If-None-Match names it. */
  etag?: string;
  /** Send this Last-Modified, and answer 304 to a request whose If-Modified-Since repeats it. */
  lastModified?: string;
}

/** What a computed route sees of its request. */
export interface ServedRequest {
  url: URL;
  headers: IncomingHttpHeaders;
  /** 1 for the first request to this path, 2 for the second… */
  count: number;
}

/** A fixed answer, or one computed per request. */
export type RouteSource = Route | ((request: ServedRequest) => Route);

/** One request as the server received it. */
export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

/** A running server: its origin, its routes (mutable) and what it was asked. */
export interface FeedServer {
  origin: string;
  routes: Map<string, RouteSource>;
  /** How many times each path was requested. */
  hits: Map<string, number>;
  requests: RecordedRequest[];
  /** Requests received and not yet answered or dropped, now and at most so far. */
  active(): number;
  peakActive(): number;
  close(): Promise<void>;
}

/**
 * Start a server on `host` (127.0.0.1; any 127.x.y.z is loopback on Linux, a host of its own for the
 * scheduler's per-host limit). Port 0 picks a free one; a port in use rejects with EADDRINUSE. Paths not in the
 * table go to `fallback` (routes computed from the request, like an image proxy's `?url`), else 404.
 */
export async function startFeedServer(routes: Record<string, RouteSource> = {}, port = 0, fallback?: (url: URL) => Route | undefined, host = '127.0.0.1'): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  let active = 0;
  let peak = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    active += 1;
    peak = Math.max(peak, active);
    res.once('close', () => (active -= 1));
    const url = new URL(req.url ?? '/', `http://${host}`);
    const count = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, count);
    requests.push({ path: url.pathname, headers: req.headers });
    const source = table.get(url.pathname);
    const route = typeof source === 'function' ? source({ url, headers: req.headers, count }) : (source ?? fallback?.(url));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (route.reset) return void req.socket.destroy();
    if (route.hang) return;
    if (!route.delayMs) return answer(req, res, route);
    const timer = setTimeout(() => answer(req, res, route), route.delayMs);
    // A client that hung up (a stopped worker's fetch) gets nothing; 'close' after end() is a no-op here.
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${bound}`,
    routes: table,
    hits,
    requests,
    active: () => active,
    peakActive: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        // Hung requests and kept-alive sockets would hold close() forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(req: IncomingMessage, res: ServerResponse, route: Route): void {
  const headers: Record<string, string> = { 'content-type': route.contentType, 'cache-control': 'no-store', ...route.headers };
  if (route.etag) headers.etag = route.etag;
  if (route.lastModified) headers['last-modified'] = route.lastModified;
  const fresh = (route.etag !== undefined && req.headers['if-none-match'] === route.etag) || (route.lastModified !== undefined && req.headers['if-modified-since'] === route.lastModified);
  if (fresh && (route.status ?? 200) === 200) return void res.writeHead(304, headers).end();
  let body = typeof route.body === 'string' ? Buffer.from(route.body) : Buffer.from(route.body.buffer, route.body.byteOffset, route.body.byteLength);
  if (route.gzip) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  if (route.stall) {
    res.writeHead(route.status ?? 200, headers);
    return void res.write(body.subarray(0, body.length >> 1));
  }
  if (!route.chunked) return void res.writeHead(route.status ?? 200, { ...headers, 'content-length': String(body.length) }).end(body);
  res.writeHead(route.status ?? 200, headers);
  const CHUNK = 64 * 1024;
  let offset = 0;
  // Write as fast as the client reads, and stop when it hangs up (a capped body).
  const pump = () => {
    while (offset < body.length && !res.destroyed) {
      const more = res.write(body.subarray(offset, offset + CHUNK));
      offset += CHUNK;
      if (!more) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}
