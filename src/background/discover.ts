// "Find feeds" for any address: a feed answers with its own preview; a web page with the feeds it links to
// (<link rel="alternate">), those the site rules name, and — only when it offers neither — the first
// common feed path that answers with a feed. Politely: one request at a time, few of them, never to an
// RSSHub instance before the user asks for that preview. Nothing is stored.
import { commonFeedUrls } from '../discovery/common-paths';
import type { FeedCandidate, FeedPreview } from '../discovery/model';
import { feedPreview } from '../discovery/preview';
import { matchRules } from '../discovery/radar';
import { RADAR_RULES } from '../discovery/radar-rules';
import { FeedError, parseFeed, type ParsedFeed } from '../feeds';
import { CommandError } from './errors';
import { fetchDocument } from './fetch-document';
import { normalizeFeedUrl } from './feed-url';
import { requireSiteAccess } from './site-access';

/** Candidates of the page's own site fetched for their preview while looking, at most. */
export const MAX_PREFETCH = 4;
/** A common path gets less time than a feed: most sites answer a missing page at once. */
const PROBE_TIMEOUT_MS = 10_000;

/** The feeds found for `input`; throws CommandError('no-feed-found') when there are none. */
export async function discoverFeeds(input: string, rsshubBase: string): Promise<FeedCandidate[]> {
  const url = normalizeFeedUrl(input);
  await requireSiteAccess(url);
  let page: Fetched;
  try {
    page = await fetchAndParse(url);
  } catch (error) {
    // Sites the rules know often refuse readers (logins, bot walls): their rules still apply.
    if (matchRules(url, RADAR_RULES, rsshubBase).length === 0) throw error;
    page = { url, alternates: [], failed: true };
  }
  if (page.feed) return [{ url: page.url, source: 'address', preview: feedPreview(page.feed, page.url) }];

  const candidates: FeedCandidate[] = [];
  const add = (candidate: FeedCandidate) => {
    if (!candidates.some((known) => known.url === candidate.url)) candidates.push(candidate);
  };
  for (const alternate of page.alternates) add({ url: alternate, source: 'page' });
  for (const match of [...matchRules(page.url, RADAR_RULES, rsshubBase), ...matchRules(url, RADAR_RULES, rsshubBase)]) {
    add({ url: match.url, source: match.kind === 'site' ? 'site-rule' : 'rsshub', label: match.title, site: match.site });
  }
  if (!page.failed && !candidates.some((candidate) => candidate.source !== 'rsshub')) {
    const found = await probeCommonPaths(page.url);
    if (found) candidates.unshift(found);
  }
  if (candidates.length === 0) throw new CommandError('no-feed-found', { url });
  if (!page.failed) await prefetchPreviews(candidates);
  return candidates;
}

/** Fetch and parse the feed at `input` for its preview; errors as subscribe reports them. */
export async function previewFeed(input: string): Promise<FeedPreview> {
  const url = normalizeFeedUrl(input);
  await requireSiteAccess(url);
  const document = await fetchAndParse(url);
  if (!document.feed) throw new FeedError('not-a-feed', {}, document.alternates);
  return feedPreview(document.feed, document.url);
}

/** What an address serves: a parsed feed, or a web page and the feeds it links to. */
interface Fetched {
  url: string;
  feed?: ParsedFeed;
  alternates: string[];
  /** The page itself could not be fetched (only its site rules are known). */
  failed?: boolean;
}

async function fetchAndParse(address: string, timeoutMs?: number): Promise<Fetched> {
  const fetched = await fetchDocument(address, timeoutMs === undefined ? {} : { timeoutMs });
  const url = fetched.served.url;
  try {
    return { url, feed: parseFeed(fetched.body, { url, contentType: fetched.contentType }), alternates: [] };
  } catch (error) {
    if (error instanceof FeedError && error.code === 'not-a-feed') return { url, alternates: error.alternates };
    throw error;
  }
}

// One path after another, stopping at the first feed, and at the first sign the site wants fewer requests.
async function probeCommonPaths(pageUrl: string): Promise<FeedCandidate | undefined> {
  for (const url of commonFeedUrls(pageUrl)) {
    try {
      const found = await fetchAndParse(url, PROBE_TIMEOUT_MS);
      if (found.feed) return { url: found.url, source: 'common-path', preview: feedPreview(found.feed, found.url) };
    } catch (error) {
      if (error instanceof CommandError && (error.code === 'network' || error.code === 'timeout')) return undefined;
      if (error instanceof CommandError && (error.params.status === 429 || error.params.status === 503)) return undefined;
    }
  }
  return undefined;
}

// The page's own feeds and the site's (not RSSHub's), one at a time; one that fails keeps no preview and
// the page offers to try it again when chosen.
async function prefetchPreviews(candidates: FeedCandidate[]): Promise<void> {
  const own = candidates.filter((candidate) => !candidate.preview && candidate.source !== 'rsshub').slice(0, MAX_PREFETCH);
  for (const candidate of own) {
    try {
      const found = await fetchAndParse(candidate.url);
      if (found.feed) candidate.preview = feedPreview(found.feed, found.url);
    } catch {
      // Shown without a preview; choosing it asks again and shows the error.
    }
  }
}
