// HTTPS stand-ins for the reader's video players (www.youtube-nocookie.com, player.vimeo.com …) on 127.0.0.1,
// recording the Referer each request brought. Chromium reaches it through --host-resolver-rules (playerHostRules);
// Firefox, which has no such switch, through the CONNECT proxy here (its manual-proxy prefs point at `proxyPort`),
// which tunnels every HTTPS connection to this server. The certificate (tls/, made once with openssl for these
// host names, valid for a century) is self-signed: the browsers are told to accept it.
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const TLS = join(import.meta.dirname, 'tls');

/** One request a player host received. */
export interface PlayerRequest {
  host: string;
  path: string;
  referer?: string;
  /** Sec-Fetch-Dest where the browser sent it: 'iframe' for a frame. */
  dest?: string;
}

/** The running server: its port, its proxy's port, what it received. */
export interface PlayerServer {
  port: number;
  proxyPort: number;
  requests: PlayerRequest[];
  close(): Promise<void>;
}

/** Start the HTTPS player server and its CONNECT proxy, both on 127.0.0.1 with ports of the system's choice. */
export async function startPlayerServer(): Promise<PlayerServer> {
  const requests: PlayerRequest[] = [];
  const https = createHttpsServer({ key: readFileSync(join(TLS, 'players.key')), cert: readFileSync(join(TLS, 'players.crt')) }, (req, res) => {
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    requests.push({ host: header('host') ?? '', path: req.url ?? '', ...defined({ referer: header('referer'), dest: header('sec-fetch-dest') }) });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>player</title><p>A video player.</p>');
  });
  const port = await listen(https);
  // CONNECT host:443 → a tunnel to the HTTPS server, whatever the host: the TLS inside names the player.
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (_req, client, head) => {
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
  });
  const proxyPort = await listen(proxy);
  return {
    port,
    proxyPort,
    requests,
    close: async () => {
      await Promise.all([https, proxy].map((server) => new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })));
    },
  };
}

/** Chromium switch sending `hosts` to the player server (other names resolve as usual). */
export function playerHostRules(hosts: readonly string[], port: number): string {
  return `--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
