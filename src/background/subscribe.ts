// Subscribe: validate, fetch and parse BEFORE storing anything, then store the feed and its entries in one
// transaction. Any failure leaves the database as it was. The feed is stored under the address it was finally
// served from, so subscribing to A (which redirects to B) and then to B is one feed.
import Dexie from 'dexie';
import { feedDisplayTitle, type FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { readSettings } from '../db/settings';
import { parseFeed } from '../feeds';
import type { Commands } from '../shared/messages';
import { CommandError } from './errors';
import { fetchDocument } from './fetch-document';
import { normalizeFeedUrl } from './feed-url';
import { feedMetadata, ingestFeed } from './ingest';
import { successPatch, type PollTiming } from './poll-state';
import type { Random } from './schedule-policy';
import { requireSiteAccess } from './site-access';

/** Subscribe to the feed at `input` (as typed); returns the new feed's id and the name it is shown under. */
export async function subscribe(db: ReaderDB, input: string, now: number = Date.now(), random: Random = Math.random): Promise<Commands['subscribe']['res']> {
  const typed = normalizeFeedUrl(input);
  await rejectDuplicate(db, typed);
  await requireSiteAccess(typed);
  const timing: PollTiming = { now, minutes: (await readSettings(db)).pollIntervalMinutes, random };

  const outcome = await fetchDocument(typed, { now: () => now });
  const url = outcome.served.url;
  const parsed = parseFeed(outcome.body, { url, contentType: outcome.contentType });

  try {
    return await db.transaction('rw', [db.feeds, db.entries, db.bodies, db.feedCounts, db.tombstones], async () => {
      if (url !== typed) await rejectDuplicate(db, url);
      const row: Omit<FeedRow, 'id'> = { url, urls: [url], servedUrl: url, title: '', folderId: 0, paused: 0, notify: 0, addedAt: now, errorCount: 0, nextPollAt: 0, ...feedMetadata(parsed) };
      const feedId = await db.feeds.add(row as FeedRow);
      await db.feedCounts.add({ feedId, unread: 0, starred: 0, total: 0 });
      // Joins this transaction (same tables), so the feed and its entries are stored together or not at all.
      await ingestFeed(db, feedId, parsed, { ...successPatch(timing), etag: outcome.etag, lastModified: outcome.lastModified, bodyHash: outcome.bodyHash }, now);
      return { feedId, title: feedDisplayTitle(row) };
    });
  } catch (error) {
    // Two subscribes of the same URL racing: the unique &url index stops the second.
    if (error instanceof Dexie.ConstraintError) throw new CommandError('duplicate', { title: url });
    throw error;
  }
}

/** Throw a 'duplicate' error naming the feed when `url` is already one of a subscription's addresses. */
async function rejectDuplicate(db: ReaderDB, url: string): Promise<void> {
  const existing = (await db.feeds.where('url').equals(url).first()) ?? (await db.feeds.where('urls').equals(url).first());
  if (existing) throw new CommandError('duplicate', { title: feedDisplayTitle(existing) });
}
