// Image hosts for the image tests: each serves small PNGs at any path and records the Referer of every request.
// A host may refuse a foreign Referer (hotlink protection), demand its own site's (the strict kind, that only a
// Referer rule gets past), or be down for some files.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { landscape } from './fixtures';

/** How the host treats the Referer header. */
export type RefererPolicy = 'any' | 'refuse-foreign' | 'require-own';

/** One request the host saw. */
export interface ImageRequest {
  path: string;
  referer: string | undefined;
  status: number;
}

/** A running image host. */
export interface ImageServer {
  /** http://<host>:<port>, with the host name the test asked for (127.0.0.1 or localhost). */
  origin: string;
  port: number;
  requests: ImageRequest[];
  /** Paths answered 404 (files the CDN lost). */
  missing: Set<string>;
  close(): Promise<void>;
}

/** The picture every host serves: 48×30, so a loaded image has naturalWidth 48. */
export const PICTURE_WIDTH = 48;
const PICTURE = landscape(PICTURE_WIDTH, 30, { sky: [90, 150, 220], horizon: [240, 210, 160], sun: [255, 225, 110], hills: [80, 140, 90], near: [50, 100, 60] });
/** Its size in bytes. */
export const PICTURE_SIZE = PICTURE.length;

/** Start a host on 127.0.0.1 (port 0: a free one), named `hostName` in its origin. */
export async function startImageServer(policy: RefererPolicy, hostName: '127.0.0.1' | 'localhost' = '127.0.0.1'): Promise<ImageServer> {
  const requests: ImageRequest[] = [];
  const missing = new Set<string>();
  const sockets = new Set<Socket>();
  let origin = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const referer = req.headers.referer;
    const own = referer !== undefined && referer.startsWith(`${origin}/`);
    let status = 200;
    if (missing.has(path)) status = 404;
    else if (policy === 'refuse-foreign' && referer !== undefined && !own) status = 403;
    else if (policy === 'require-own' && !own) status = 403;
    requests.push({ path, referer, status });
    if (status !== 200) {
      res.writeHead(status, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('no picture');
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(PICTURE);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${hostName}:${port}`;
  return {
    origin,
    port,
    requests,
    missing,
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive connections would hold the server open: a stopped host must refuse at once.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: a CDN host that is down. */
export async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
