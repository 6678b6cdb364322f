// Import a mirroring job's JSON record file (seed 000's shape): its articles, with their CDN image maps,
// go into the feed the record names (feed.url) — the one already subscribed under that address, or a new
// subscription to it — in one transaction, deduplicated like any poll. The new feed is polled on its
// ordinary schedule, not at once: the record already holds what the feed had.
import { feedDisplayTitle, type FeedRow } from '../db/model';
import { readSettings } from '../db/settings';
import type { ReaderDB } from '../db/schema';
import { parseFeed } from '../feeds';
import { isJsonObject, str } from '../feeds/json-read';
import { isMirrorRecord } from '../feeds/mirror-record';
import type { Commands } from '../shared/messages';
import { CommandError } from './errors';
import { normalizeFeedUrl } from './feed-url';
import { feedMetadata, ingestFeed } from './ingest';

/** Import the record file `text`; throws CommandError('not-a-record') for any other JSON. */
export async function importRecord(db: ReaderDB, text: string, now: number = Date.now()): Promise<Commands['import-record']['res']> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CommandError('malformed-json');
  }
  const address = isJsonObject(value) && isMirrorRecord(value) && isJsonObject(value.feed) ? str(value.feed.url) : undefined;
  if (address === undefined) throw new CommandError('not-a-record');
  const url = normalizeFeedUrl(address);
  const parsed = parseFeed(text, { url });
  const { pollIntervalMinutes } = await readSettings(db);

  return db.transaction('rw', [db.feeds, db.entries, db.bodies, db.feedCounts, db.tombstones], async () => {
    let feed = (await db.feeds.where('url').equals(url).first()) ?? (await db.feeds.where('urls').equals(url).first());
    if (!feed) {
      const row: Omit<FeedRow, 'id'> = {
        url,
        urls: [url],
        title: '',
        folderId: 0,
        paused: 0,
        notify: 0,
        addedAt: now,
        errorCount: 0,
        nextPollAt: now + pollIntervalMinutes * 60_000,
        ...feedMetadata(parsed),
      };
      const id = await db.feeds.add(row as FeedRow);
      await db.feedCounts.add({ feedId: id, unread: 0, starred: 0, total: 0 });
      feed = { ...row, id };
    }
    const counted = await ingestFeed(db, feed.id, parsed, {}, now);
    const stored = (await db.feeds.get(feed.id)) ?? feed;
    return { feedId: feed.id, title: feedDisplayTitle(stored), added: counted.added, updated: counted.updated };
  });
}
