// Subscribe: validate, fetch and parse BEFORE storing anything, then store the feed and its entries in
// one transaction. Any failure leaves the database as it was.
import Dexie from 'dexie';
import type { FeedRow, ReaderDB } from '../db/schema';
import { parseFeed } from '../feeds';
import type { Commands } from '../shared/messages';
import { CommandError, fetchError } from './errors';
import { fetchFeed } from './fetcher';
import { normalizeFeedUrl } from './feed-url';
import { feedMetadata, ingestFeed } from './ingest';
import { nextPollAfterSuccess } from './schedule-policy';
import { requireSiteAccess } from './site-access';

/** Subscribe to the feed at `input` (as typed); returns the new feed's id and title. */
export async function subscribe(db: ReaderDB, input: string, now: number = Date.now()): Promise<Commands['subscribe']['res']> {
  const url = normalizeFeedUrl(input);
  await rejectDuplicate(db, url);

  await requireSiteAccess(url);
  const outcome = await fetchFeed({ url });
  if (outcome.kind === 'failed') throw fetchError(outcome.error);
  if (outcome.kind !== 'fetched') throw new CommandError('http', `${new URL(url).host} answered "Not Modified" to a first request.`);
  const fetched = { ...outcome, url: outcome.served.url };
  const parsed = parseFeed(fetched.body, { url: fetched.url, contentType: fetched.contentType });

  const title = parsed.title.trim() || new URL(fetched.url).hostname;
  try {
    return await db.transaction('rw', db.feeds, db.entries, async () => {
      // The address may redirect to a feed already subscribed under its final URL.
      if (fetched.url !== url) await rejectDuplicate(db, fetched.url);
      const row: Omit<FeedRow, 'id'> = {
        url,
        ...feedMetadata(parsed),
        title,
        addedAt: now,
        errorCount: 0,
        nextPollAt: nextPollAfterSuccess(now),
      };
      const feedId = await db.feeds.add(row as FeedRow);
      // Joins this transaction (same tables), so the feed and its entries are stored together or not at all.
      await ingestFeed(db, feedId, parsed, { etag: fetched.etag, lastModified: fetched.lastModified }, now);
      return { feedId, title };
    });
  } catch (error) {
    // Two subscribes of the same URL racing: the unique &url index stops the second.
    if (error instanceof Dexie.ConstraintError) throw duplicate(url);
    throw error;
  }
}

/** Throw a 'duplicate' error when `url` is already a subscription. */
async function rejectDuplicate(db: ReaderDB, url: string): Promise<void> {
  const existing = await db.feeds.where('url').equals(url).first();
  if (existing) throw duplicate(url, existing.title);
}

function duplicate(url: string, title?: string): CommandError {
  return new CommandError('duplicate', title ? `You are already subscribed to "${title}" (${url}).` : `You are already subscribed to ${url}.`);
}
