// The demo feed server for `npm start`: the demo routes (demo/routes.ts) on a fixed port, so an everyday
// browser can subscribe to the same addresses, or on any free port when that one is taken.
import { DEMO_FEEDS, demoFallback, demoRoutes } from '../demo/routes';
import { startFeedServer, type FeedServer, type Route } from './feed-server';

/** The port tried first; the DEMO_PORT environment variable overrides it. */
export const DEFAULT_DEMO_PORT = 8787;

/** A running demo server and the absolute URLs of its feeds, in DEMO_FEEDS order. */
export interface DemoServer {
  server: FeedServer;
  feedUrls: string[];
}

/** Start the demo server on `port` (EADDRINUSE falls back to a free port). */
export async function startDemoServer(port = demoPort()): Promise<DemoServer> {
  // The feeds and the proxy embed the origin, which is only known once a port is bound: fill them in after.
  let fallback: ((url: URL) => Route | undefined) | undefined;
  const proxy = (url: URL) => fallback?.(url);
  const server = await startFeedServer({}, port, proxy).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.warn(`Port ${port} is in use; the demo server takes a free one instead.`);
    return startFeedServer({}, 0, proxy);
  });
  fallback = demoFallback(server.origin);
  for (const [path, route] of Object.entries(demoRoutes(server.origin))) server.routes.set(path, route);
  return { server, feedUrls: DEMO_FEEDS.map((feed) => server.origin + feed.path) };
}

function demoPort(): number {
  const raw = process.env.DEMO_PORT ?? String(DEFAULT_DEMO_PORT);
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DEMO_PORT must be a port number (0–65535), not "${raw}".`);
  return port;
}
