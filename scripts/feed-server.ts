// A tiny HTTP server on 127.0.0.1 that serves fixed documents by path: the demo feeds for `npm start` and
// the fixtures the end-to-end tests publish. Routes can be replaced while it runs (a feed that gains items).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One document the server answers with. */
export interface Route {
  body: string | Uint8Array;
  contentType: string;
  status?: number;
  /** Hold the answer this long (a slow mirror, or a fetch still pending when a test stops the worker). */
  delayMs?: number;
}

/** A running server: its origin, its routes (mutable) and how many times each path was requested. */
export interface FeedServer {
  origin: string;
  routes: Map<string, Route>;
  hits: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Start a server on 127.0.0.1 (port 0 picks a free one; a port in use rejects with EADDRINUSE). Paths not in
 * the table go to `fallback` (routes computed from the request, like an image proxy's `?url`), else 404.
 */
export async function startFeedServer(routes: Record<string, Route> = {}, port = 0, fallback?: (url: URL) => Route | undefined): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = table.get(path) ?? fallback?.(url);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const answer = () => {
      res.writeHead(route.status ?? 200, { 'content-type': route.contentType, 'cache-control': 'no-store' });
      res.end(route.body);
    };
    if (!route.delayMs) {
      answer();
      return;
    }
    const timer = setTimeout(answer, route.delayMs);
    // A client that hung up (a stopped worker's fetch) gets nothing; 'close' after end() is a no-op here.
    res.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    routes: table,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
