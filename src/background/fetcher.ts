// Fetch a feed document as bytes: timeout, size cap, conditional requests. Decoding is the parser's job.
import { FeedError } from '../feeds/model';
import { CommandError } from './errors';

/** What the previous poll learned, for a conditional request, and the limits of this one. */
export interface FetchOptions {
  etag?: string;
  lastModified?: string;
  /** Abort when headers and body together take longer than this. */
  timeoutMs?: number;
  /** Stop reading past this many bytes. */
  maxBytes?: number;
}

/** A fetched document, or the server saying nothing changed since `etag`/`lastModified`. */
export type FetchResult =
  | { status: 'not-modified' }
  | { status: 'ok'; body: Uint8Array; url: string; contentType?: string; etag?: string; lastModified?: string };

/** Default limits: generous for slow mirrors, small enough that one bad feed cannot stall a poll. */
export const FETCH_TIMEOUT_MS = 30_000;
export const MAX_FEED_BYTES = 10 * 1024 * 1024;

const ACCEPT = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/xml;q=0.9',
  'text/xml;q=0.9',
  'application/json;q=0.8',
  'text/html;q=0.7',
  '*/*;q=0.5',
].join(', ');

/** GET `url` and return its bytes; throws CommandError ('network' | 'http') or FeedError ('too-large'). */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_FEED_BYTES } = options;
  const host = new URL(url).host;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  const headers = new Headers({ Accept: ACCEPT });
  if (options.etag) headers.set('If-None-Match', options.etag);
  if (options.lastModified) headers.set('If-Modified-Since', options.lastModified);

  try {
    // no-store: the browser's HTTP cache must not answer for the server; freshness is ours to ask for.
    const response = await fetch(url, { headers, cache: 'no-store', redirect: 'follow', signal: controller.signal });
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw httpError(host, response.status);
    }
    const body = await readCapped(response, maxBytes);
    return {
      status: 'ok',
      body,
      url: response.url || url,
      ...optional('contentType', response.headers.get('content-type')),
      ...optional('etag', response.headers.get('etag')),
      ...optional('lastModified', response.headers.get('last-modified')),
    };
  } catch (error) {
    if (error instanceof CommandError || error instanceof FeedError) throw error;
    if (timedOut) throw new CommandError('timeout', { host, seconds: Math.round(timeoutMs / 1000) });
    throw new CommandError('network', { host });
  } finally {
    clearTimeout(timer);
  }
}

/** Read the body chunk by chunk and give up as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new FeedError('too-large', { limitMb: Math.round(maxBytes / 1024 / 1024) });
  // Content-Length counts compressed bytes, so it can only prove a body too large, never small enough.
  if (Number(response.headers.get('content-length')) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The error for a non-2xx status. */
function httpError(host: string, status: number): CommandError {
  if (status === 401 || status === 403) return new CommandError('forbidden', { host, status });
  if (status === 404 || status === 410) return new CommandError('not-found', { host, status });
  if (status >= 500) return new CommandError('server-error', { host, status });
  return new CommandError('http', { host, status });
}

/** `{ [key]: value }` when the header is present, `{}` otherwise (keeps absent fields absent, not undefined). */
function optional<K extends string>(key: K, value: string | null): { [P in K]?: string } {
  return value === null ? {} : ({ [key]: value } as { [P in K]?: string });
}
