// Subscribe: validate, fetch and parse BEFORE storing anything, then store the feed and its entries in one
// transaction. Any failure leaves the database as it was. The feed is stored under the address it was finally
// served from, so subscribing to A (which redirects to B) and then to B is one feed. The address of a feed the
// user removed while keeping its starred entries brings that feed back (resumed, as "Subscribe again" does)
// instead of a second copy or a 'duplicate' refusal.
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
import { RESUMED, successPatch, type PollTiming } from './poll-state';
import type { Random } from './schedule-policy';
import { requireSiteAccess } from './site-access';

/** Subscribe to the feed at `input` (as typed); returns the feed's id, the name it is shown under, and
 * `resumed` when it was a removed feed brought back (the caller then polls what is due). */
export async function subscribe(db: ReaderDB, input: string, now: number = Date.now(), random: Random = Math.random): Promise<Commands['subscribe']['res']> {
  const typed = normalizeFeedUrl(input);
  const known = await resumeOrRefuse(db, typed);
  if (known) return known;
  await requireSiteAccess(typed);
  const timing: PollTiming = { now, minutes: (await readSettings(db)).pollIntervalMinutes, random };

  const outcome = await fetchDocument(typed, { now: () => now });
  const url = outcome.served.url;
  const parsed = parseFeed(outcome.body, { url, contentType: outcome.contentType });

  try {
    return await db.transaction('rw', [db.feeds, db.entries, db.bodies, db.feedCounts, db.tombstones], async () => {
      if (url !== typed) {
        const resumed = await resumeOrRefuse(db, url);
        if (resumed) return resumed;
      }
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

/** When `url` is already one of a feed's addresses: resume that feed if the user removed it (keeping its
 * starred entries), else throw 'duplicate' naming it. Undefined for an address no feed has. */
async function resumeOrRefuse(db: ReaderDB, url: string): Promise<Commands['subscribe']['res'] | undefined> {
  const existing = (await db.feeds.where('url').equals(url).first()) ?? (await db.feeds.where('urls').equals(url).first());
  if (!existing) return undefined;
  if (existing.pauseReason !== 'removed') throw new CommandError('duplicate', { title: feedDisplayTitle(existing) });
  await db.feeds.update(existing.id, { ...RESUMED });
  return { feedId: existing.id, title: feedDisplayTitle(existing), resumed: true };
}
