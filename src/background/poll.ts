// One feed poll: check site access → fetch → parse → ingest, or record the failure. Never throws.
import type { FeedRow, ReaderDB } from '../db/schema';
import { parseFeed } from '../feeds';
import type { UserError } from '../shared/messages';
import { fetchError, toUserError } from './errors';
import { fetchFeed } from './fetcher';
import { ingestFeed, recordFailure, recordNotModified } from './ingest';
import { requireSiteAccess } from './site-access';

/** What one poll did: entries added, or the error it recorded on the feed. */
export interface PollResult {
  added: number;
  error?: UserError;
}

// Polls in flight in this worker, so the alarm and a Refresh click never fetch the same feed twice at once.
const inFlight = new Map<string, Promise<PollResult>>();

/** Poll `feed` now; joins a poll of the same feed already running. */
export function pollFeed(db: ReaderDB, feed: FeedRow, clock: () => number = Date.now): Promise<PollResult> {
  const key = `${db.name}#${feed.id}`;
  let running = inFlight.get(key);
  if (!running) {
    running = runPoll(db, feed, clock).finally(() => inFlight.delete(key));
    inFlight.set(key, running);
  }
  return running;
}

async function runPoll(db: ReaderDB, feed: FeedRow, clock: () => number): Promise<PollResult> {
  try {
    await requireSiteAccess(feed.url);
    const fetched = await fetchFeed({ url: feed.url, etag: feed.etag, lastModified: feed.lastModified });
    if (fetched.kind === 'failed') throw fetchError(fetched.error);
    if (fetched.kind !== 'fetched') {
      await recordNotModified(db, feed.id, clock());
      return { added: 0 };
    }
    const parsed = parseFeed(fetched.body, { url: fetched.served.url, contentType: fetched.contentType, timeZone: feed.timeZone });
    const { added } = await ingestFeed(db, feed.id, parsed, { etag: fetched.etag, lastModified: fetched.lastModified }, clock());
    return { added };
  } catch (thrown) {
    const error = toUserError(thrown);
    await recordFailure(db, feed.id, error.message, clock());
    return { added: 0, error };
  }
}
