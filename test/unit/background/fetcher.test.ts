// fetchFeed against the fault-injecting feed server on 127.0.0.1: every fault ends in one typed outcome.
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '../../../src/background/fetcher';
import { changingEtag, HANG, hugeFeed, redirect, RESET, retryAfter, statusRoute } from '../../../scripts/fault-routes';
import { startFeedServer, type FeedServer, type RouteSource } from '../../../scripts/feed-server';
import { rss } from './helpers';

let server: FeedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FEED = { body: rss('Feed', ['1']), contentType: 'application/rss+xml' };

/** Serve `routes` and return a function giving the absolute URL of a path. */
async function serve(routes: Record<string, RouteSource>): Promise<(path: string) => string> {
  server = await startFeedServer(routes);
  const origin = server.origin;
  return (path) => origin + path;
}

describe('fetchFeed', () => {
  it('returns the raw bytes and the Content-Type, leaving decoding to the parser', async () => {
    // "Привет" in windows-1251: not valid UTF-8, so any decoding here would corrupt it.
    const bytes = Uint8Array.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    const url = await serve({ '/feed': { body: bytes, contentType: 'application/rss+xml; charset=windows-1251' } });

    const outcome = await fetchFeed({ url: url('/feed') });

    expect(outcome).toMatchObject({ kind: 'fetched', served: { url: url('/feed'), redirected: false }, contentType: 'application/rss+xml; charset=windows-1251' });
    expect(outcome.kind === 'fetched' && [...outcome.body]).toEqual([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
  });

  it('follows a redirect chain and reports where the feed was finally served from', async () => {
    const url = await serve({ '/a': redirect('/b', 302), '/b': redirect('/c', 307), '/c': FEED });

    const outcome = await fetchFeed({ url: url('/a') });

    // Node's fetch, like the Fetch API in browsers, hides the statuses: permanence is not known here.
    expect(outcome).toMatchObject({ kind: 'fetched', served: { url: url('/c'), redirected: true } });
    expect(outcome.kind === 'fetched' && 'permanent' in outcome.served).toBe(false);
  });

  it('ends a redirect loop with redirect-loop, naming the host', async () => {
    const url = await serve({ '/a': redirect('/b', 302), '/b': redirect('/a', 302) });

    expect(await fetchFeed({ url: url('/a') })).toEqual({ kind: 'failed', error: { code: 'redirect-loop', params: { host: new URL(url('/')).host } } });
    expect(server!.hits.get('/a')).toBeGreaterThan(5);
  });

  it('decompresses a gzip-encoded body', async () => {
    const url = await serve({ '/feed': { ...FEED, gzip: true } });

    const outcome = await fetchFeed({ url: url('/feed') });

    expect(outcome.kind === 'fetched' && new TextDecoder().decode(outcome.body)).toBe(rss('Feed', ['1']));
  });

  it('sends the stored ETag and Last-Modified and reads 304 as not modified', async () => {
    const lastModified = 'Mon, 06 Jan 2025 10:00:00 GMT';
    const url = await serve({ '/feed': { ...FEED, etag: '"v1"', lastModified } });

    const first = await fetchFeed({ url: url('/feed') });
    expect(first).toMatchObject({ kind: 'fetched', etag: '"v1"', lastModified });
    const second = await fetchFeed({ url: url('/feed'), etag: '"v1"', lastModified });

    expect(second).toEqual({ kind: 'not-modified', served: { url: url('/feed'), redirected: false }, etag: '"v1"', lastModified });
    expect(server!.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(server!.requests[1]?.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': lastModified });
  });

  it('calls a 304 to a request without validators an HTTP error', async () => {
    const url = await serve({ '/feed': statusRoute(304) });

    expect(await fetchFeed({ url: url('/feed') })).toMatchObject({ kind: 'failed', error: { code: 'http', params: { status: 304 } } });
  });

  it('knows the same body again by its hash, even when the ETag changes every time', async () => {
    const url = await serve({ '/feed': changingEtag(FEED) });

    const first = await fetchFeed({ url: url('/feed') });
    expect(first).toMatchObject({ kind: 'fetched', etag: '"rev-1"', bodyHash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    const hash = first.kind === 'fetched' ? first.bodyHash : '';
    const second = await fetchFeed({ url: url('/feed'), etag: '"rev-1"', bodyHash: hash });

    expect(second).toEqual({ kind: 'unchanged', served: { url: url('/feed'), redirected: false }, bodyHash: hash, etag: '"rev-2"' });
  });

  it('caps a streamed body without a Content-Length', async () => {
    const url = await serve({ '/huge': hugeFeed(4 * 1024 * 1024) });

    expect(await fetchFeed({ url: url('/huge') }, { maxBytes: 1024 * 1024 })).toMatchObject({ kind: 'failed', error: { code: 'too-large', params: { limitMb: 1 } } });
  });

  it('refuses a 25 MB feed at the one 20 MB limit, and a Content-Length over it before reading', async () => {
    const url = await serve({ '/chunked': hugeFeed(25 * 1024 * 1024), '/sized': hugeFeed(25 * 1024 * 1024, { chunked: false }) });

    for (const path of ['/chunked', '/sized']) {
      expect(await fetchFeed({ url: url(path) })).toEqual({ kind: 'failed', error: { code: 'too-large', params: { limitMb: 20 } } });
    }
  });

  it('names the status class: forbidden, not-found, server-error, else http', async () => {
    const url = await serve({ '/private': statusRoute(403), '/missing': statusRoute(404), '/broken': statusRoute(500), '/teapot': statusRoute(418) });
    const host = new URL(url('/')).host;
    const codes = await Promise.all(['/private', '/missing', '/broken', '/teapot'].map((path) => fetchFeed({ url: url(path) })));

    expect(codes).toEqual([
      { kind: 'failed', error: { code: 'forbidden', params: { host, status: 403 } }, served: { url: url('/private'), redirected: false } },
      { kind: 'failed', error: { code: 'not-found', params: { host, status: 404 } }, served: { url: url('/missing'), redirected: false } },
      { kind: 'failed', error: { code: 'server-error', params: { host, status: 500 } }, served: { url: url('/broken'), redirected: false } },
      { kind: 'failed', error: { code: 'http', params: { host, status: 418 } }, served: { url: url('/teapot'), redirected: false } },
    ]);
  });

  it('turns 410 into "gone"', async () => {
    const url = await serve({ '/old': statusRoute(410) });

    expect(await fetchFeed({ url: url('/old') })).toMatchObject({ kind: 'failed', error: { code: 'gone', params: { host: new URL(url('/')).host } } });
  });

  it('reads Retry-After on 429 (seconds) and 503 (an HTTP-date)', async () => {
    const url = await serve({ '/busy': retryAfter(429, '3600'), '/down': retryAfter(503, 'Wed, 01 Jan 2025 12:30:00 GMT') });
    const now = () => Date.UTC(2025, 0, 1, 12, 0, 0);

    expect(await fetchFeed({ url: url('/busy') }, { now })).toMatchObject({ kind: 'failed', error: { code: 'rate-limited', params: { status: 429 } }, retryAt: Date.UTC(2025, 0, 1, 13, 0, 0) });
    expect(await fetchFeed({ url: url('/down') }, { now })).toMatchObject({ kind: 'failed', error: { code: 'rate-limited', params: { status: 503 } }, retryAt: Date.UTC(2025, 0, 1, 12, 30, 0) });
  });

  it('calls a 429 without Retry-After rate-limited, and a 503 without it a server error', async () => {
    const url = await serve({ '/busy': statusRoute(429), '/down': statusRoute(503) });

    const busy = await fetchFeed({ url: url('/busy') });
    expect(busy).toMatchObject({ kind: 'failed', error: { code: 'rate-limited', params: { status: 429 } } });
    expect(busy).not.toHaveProperty('retryAt');
    expect(await fetchFeed({ url: url('/down') })).toMatchObject({ kind: 'failed', error: { code: 'server-error', params: { status: 503 } } });
  });

  it('turns a refused or dropped connection into "network"', async () => {
    const url = await serve({ '/crash': RESET });
    const host = new URL(url('/')).host;
    expect(await fetchFeed({ url: url('/crash') })).toEqual({ kind: 'failed', error: { code: 'network', params: { host } } });

    await server!.close();
    server = undefined;
    expect(await fetchFeed({ url: url('/feed') })).toEqual({ kind: 'failed', error: { code: 'network', params: { host } } });
  });

  it('gives up on a server that never answers with "timeout"', async () => {
    const url = await serve({ '/hang': HANG });

    expect(await fetchFeed({ url: url('/hang') }, { timeoutMs: 300 })).toEqual({ kind: 'failed', error: { code: 'timeout', params: { host: new URL(url('/')).host, seconds: 1 } } });
  });

  it('times out a body that stops halfway, not only missing headers', async () => {
    const url = await serve({ '/stall': { ...FEED, stall: true } });

    expect(await fetchFeed({ url: url('/stall') }, { timeoutMs: 300 })).toEqual({ kind: 'failed', error: { code: 'timeout', params: { host: new URL(url('/')).host, seconds: 1 } } });
  });
});
