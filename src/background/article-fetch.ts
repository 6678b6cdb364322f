// "Load full article", the worker's half: fetch the entry's original page (site access checked, the fetcher's
// timeout and size cap) and decode it to text the way a browser would — BOM, the Content-Type charset, else
// the page's <meta charset> — through the project's decoder (GBK, Big5, Shift_JIS pages included).
import { decodeBody } from '../feeds/decode';
import { CommandError } from './errors';
import { fetchDocument } from './fetch-document';
import { requireSiteAccess } from './site-access';

/** Pages larger than this are not articles worth extracting (and would be slow to send and parse). */
export const ARTICLE_MAX_BYTES = 5 * 1024 * 1024;

/** A fetched page: its text and the address it was finally served from (relative links resolve against it). */
export interface FetchedPage {
  html: string;
  url: string;
}

/**
 * GET `url` as a web page; throws CommandError: page-no-access, network, timeout, http, server-error,
 * page-too-large, not-html. (The fetcher's feed-worded codes become page-worded ones.)
 */
export async function fetchArticlePage(url: string): Promise<FetchedPage> {
  let result;
  try {
    await requireSiteAccess(url);
    result = await fetchDocument(url, { maxBytes: ARTICLE_MAX_BYTES });
  } catch (error) {
    throw forPage(error);
  }
  const type = mediaType(result.contentType);
  if (type && type !== 'text/html' && type !== 'application/xhtml+xml') throw new CommandError('not-html', { type });
  return { html: decodeBody(result.body, withCharset(result.contentType, result.body)), url: result.served.url };
}

/** The error as said of a page: "no feed at this address" or "the feed was not fetched" would be wrong here. */
function forPage(error: unknown): unknown {
  if (!(error instanceof CommandError)) return error;
  if (error.code === 'too-large') return new CommandError('page-too-large', { limitMb: ARTICLE_MAX_BYTES / 1024 / 1024 });
  if (error.code === 'no-access') return new CommandError('page-no-access', error.params);
  if (error.code === 'forbidden' || error.code === 'not-found') return new CommandError('http', error.params);
  return error;
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** The Content-Type to decode with: the server's when it names a charset, else one naming the page's own. */
export function withCharset(contentType: string | undefined, body: Uint8Array): string | undefined {
  if (contentType && /;\s*charset\s*=/i.test(contentType)) return contentType;
  const declared = metaCharset(body);
  return declared ? `text/html; charset=${declared}` : contentType;
}

/**
 * The charset a page declares in its first 1024 bytes (HTML's prescan, simplified): `<meta charset=…>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`.
 */
export function metaCharset(body: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(body.subarray(0, 1024));
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return undefined;
}
