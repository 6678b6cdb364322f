import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandError } from '../../../src/background/errors';
import { fetchFeed } from '../../../src/background/fetcher';
import { FeedError } from '../../../src/feeds/model';
import { startServer, type TestServer } from './helpers';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The error `promise` rejects with. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a rejection'),
    (error: unknown) => error,
  );
}

describe('fetchFeed', () => {
  it('returns the raw bytes and the Content-Type, leaving decoding to the parser', async () => {
    // "Привет" in windows-1251: not valid UTF-8, so any decoding here would corrupt it.
    const bytes = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=windows-1251' }).end(bytes));

    const result = await fetchFeed(server.url('/feed'));

    expect(result).toMatchObject({ status: 'ok', url: server.url('/feed'), contentType: 'application/rss+xml; charset=windows-1251' });
    expect(result.status === 'ok' && Buffer.from(result.body).equals(bytes)).toBe(true);
  });

  it('follows redirects and reports the final URL', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/old') res.writeHead(301, { Location: '/new' }).end();
      else res.writeHead(200).end('<rss/>');
    });

    expect(await fetchFeed(server.url('/old'))).toMatchObject({ status: 'ok', url: server.url('/new') });
  });

  it('decompresses a gzip-encoded body', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync('<rss version="2.0"/>')));

    const result = await fetchFeed(server.url('/feed'));

    expect(result.status === 'ok' && Buffer.from(result.body).toString()).toBe('<rss version="2.0"/>');
  });

  it('sends the stored ETag and Last-Modified and treats 304 as nothing new', async () => {
    const etag = '"v1"';
    const lastModified = 'Mon, 06 Jan 2025 10:00:00 GMT';
    server = await startServer((req, res) => {
      if (req.headers['if-none-match'] === etag) res.writeHead(304).end();
      else res.writeHead(200, { ETag: etag, 'Last-Modified': lastModified }).end('<rss/>');
    });

    const first = await fetchFeed(server.url('/feed'));
    expect(first).toMatchObject({ status: 'ok', etag, lastModified });
    expect(server.requests[0]?.headers['if-none-match']).toBeUndefined();

    const second = await fetchFeed(server.url('/feed'), { etag, lastModified });
    expect(second).toEqual({ status: 'not-modified' });
    expect(server.requests[1]?.headers).toMatchObject({ 'if-none-match': etag, 'if-modified-since': lastModified });
  });

  it('stops reading a streamed body past the size cap', async () => {
    let written = 0;
    server = await startServer((_req, res) => {
      // Chunked, no Content-Length: only counting while reading can catch it.
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (written < 4 * 1024 * 1024 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });

    const error = await failure(fetchFeed(server.url('/huge'), { maxBytes: 1024 * 1024 }));

    expect(error).toBeInstanceOf(FeedError);
    expect(error).toMatchObject({ code: 'too-large' });
  });

  it('refuses a body whose Content-Length is over the cap before reading it', async () => {
    server = await startServer((_req, res) => res.writeHead(200, { 'Content-Length': String(2048) }).end(Buffer.alloc(2048)));

    expect(await failure(fetchFeed(server.url('/big'), { maxBytes: 1024 }))).toMatchObject({ code: 'too-large' });
  });

  it('turns HTTP errors into codes with the host and status', async () => {
    server = await startServer((req, res) => res.writeHead(req.url === '/gone' ? 404 : 503).end('nope'));

    const missing = await failure(fetchFeed(server.url('/gone')));
    expect(missing).toBeInstanceOf(CommandError);
    const host = new URL(server.url('/')).host;
    expect(missing).toMatchObject({ code: 'not-found', params: { host, status: 404 } });
    expect(await failure(fetchFeed(server.url('/busy')))).toMatchObject({ code: 'server-error', params: { host, status: 503 } });
  });

  it('turns a refused connection into a "network" error', async () => {
    server = await startServer((_req, res) => res.end());
    const url = server.url('/feed');
    await server.close();
    server = undefined;

    expect(await failure(fetchFeed(url))).toMatchObject({ code: 'network', params: { host: new URL(url).host } });
  });

  it('gives up on a server that never answers', async () => {
    server = await startServer(() => {
      // Never respond.
    });

    expect(await failure(fetchFeed(server.url('/slow'), { timeoutMs: 200 }))).toMatchObject({ code: 'timeout', params: { host: new URL(server.url('/')).host, seconds: 0 } });
  });
});
