// One feed poll: check site access → fetch → parse → ingest, or record the failure. Never throws.
import type { FeedRow, ReaderDB } from '../db/schema';
import { parseFeed } from '../feeds';
import type { AppError } from '../shared/errors';
import { toAppError } from './errors';
import { fetchFeed } from './fetcher';
import { ingestFeed } from './ingest';
import { recordFailure, recordNotModified, successPatch } from './poll-state';
import { requireSiteAccess } from './site-access';

/** What one poll did: entries added, or the error it recorded on the feed. */
export interface PollResult {
  added: number;
  error?: AppError;
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
    const fetched = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified });
    if (fetched.status === 'not-modified') {
      await recordNotModified(db, feed.id, clock());
      return { added: 0 };
    }
    const parsed = parseFeed(fetched.body, { url: fetched.url, contentType: fetched.contentType, timeZone: feed.timeZone });
    const now = clock();
    const { added } = await ingestFeed(db, feed.id, parsed, { ...successPatch(now), etag: fetched.etag, lastModified: fetched.lastModified }, now);
    return { added };
  } catch (thrown) {
    const error = toAppError(thrown);
    await recordFailure(db, feed.id, error, clock());
    return { added: 0, error };
  }
}
