// What the user typed into "Feed URL" → the absolute http(s) address the worker fetches and stores.
import { CommandError } from './errors';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** Normalize a typed feed address: trims, adds https:// to a bare host, unwraps feed: links, drops the #fragment. */
export function normalizeFeedUrl(input: string): string {
  let text = input.trim();
  if (text === '') throw new CommandError('empty-url');
  // feed:https://… and feed://… are the old "subscribe" link schemes some sites still use.
  if (/^feed:/i.test(text)) text = text.replace(/^feed:(\/\/)?/i, (_, slashes: string | undefined) => (slashes ? 'https://' : ''));

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // "localhost:8080/feed" also matches SCHEME; a port number after the colon means it is a bare host.
  const bare = scheme === undefined || (!text.includes('://') && /^[^:]+:\d/.test(text));
  if (!bare && scheme !== 'http' && scheme !== 'https') {
    throw new CommandError('unsupported-scheme', { scheme: `${scheme}:` });
  }

  let url: URL;
  try {
    url = new URL(bare ? `https://${text.replace(/^\/\//, '')}` : text);
  } catch {
    throw new CommandError('invalid-url', { input: input.trim() });
  }
  if (bare && !looksLikeHost(url.hostname)) {
    throw new CommandError('invalid-url', { input: input.trim() });
  }
  url.hash = '';
  return url.href;
}

/** A bare word such as "news" is almost always a typo, not a host on the local network. */
function looksLikeHost(hostname: string): boolean {
  return hostname.includes('.') || hostname === 'localhost' || hostname.startsWith('[');
}
