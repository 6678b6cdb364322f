// update-feed: the per-feed settings the options page changes — name, folder, mirrors, interval, retention,
// time zone, paused, notifications — each checked before one write. Resuming a feed (paused by the user or
// by a 410 Gone) makes it due at once; mirrors keep the primary address among them.
import type { FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { zoneOffsetMinutes } from '../feeds/time-zone';
import { FEED_LIMITS } from '../shared/feed-limits';
import type { FeedPatch } from '../shared/messages';
import { CommandError } from './errors';
import { normalizeFeedUrl } from './feed-url';
import { badRequest } from './payload';
import { RESUMED } from './poll-state';

/** Apply `patch` to feed `feedId`; a feed removed meanwhile is not an error (nothing to change). */
export async function updateFeed(db: ReaderDB, feedId: number, patch: FeedPatch, now: number = Date.now()): Promise<void> {
  if (typeof patch !== 'object' || patch === null) throw badRequest('update-feed', 'patch');
  await db.transaction('rw', db.feeds, db.folders, async () => {
    const feed = await db.feeds.get(feedId);
    if (!feed) return;
    const changes: Partial<FeedRow> = {};
    if (patch.customTitle !== undefined) changes.customTitle = customTitle(patch.customTitle);
    if (patch.folderId !== undefined) changes.folderId = await folderId(db, patch.folderId);
    if (patch.urls !== undefined) Object.assign(changes, await mirrors(db, feed, patch.urls));
    if (patch.intervalMinutes !== undefined) Object.assign(changes, interval(feed, patch.intervalMinutes, now));
    if (patch.keepDays !== undefined) changes.keepDays = limit(patch.keepDays, FEED_LIMITS.maxKeepDays);
    if (patch.keepCount !== undefined) changes.keepCount = limit(patch.keepCount, FEED_LIMITS.maxKeepCount);
    if (patch.timeZone !== undefined) {
      changes.timeZone = timeZone(patch.timeZone, now);
      // Dates are read in the zone at parse time: a new zone needs the document parsed again, not a 304 or
      // an unchanged body hash.
      if (changes.timeZone !== feed.timeZone) Object.assign(changes, { etag: undefined, lastModified: undefined, bodyHash: undefined });
    }
    if (patch.paused !== undefined) Object.assign(changes, pausedState(patch.paused));
    if (patch.notify !== undefined) {
      if (typeof patch.notify !== 'boolean') throw badRequest('update-feed', 'notify');
      changes.notify = patch.notify ? 1 : 0;
    }
    // `undefined` values delete the field: back to the global setting, or no custom name.
    await db.feeds.update(feedId, changes);
  });
}

function customTitle(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (typeof value !== 'string') throw badRequest('update-feed', 'customTitle');
  return value.trim() === '' ? undefined : value.trim();
}

/** 0 (no folder) or a folder that exists. */
export async function folderId(db: ReaderDB, value: unknown): Promise<number> {
  if (value === 0) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw badRequest('update-feed', 'folderId');
  if (!(await db.folders.get(value))) throw new CommandError('folder-gone');
  return value;
}

// The user's order of addresses, normalized; each in no other feed. The primary address stays if it is
// still listed, else the first one takes its place (the unique index follows).
async function mirrors(db: ReaderDB, feed: FeedRow, value: unknown): Promise<Partial<FeedRow>> {
  if (!Array.isArray(value) || value.some((url) => typeof url !== 'string')) throw badRequest('update-feed', 'urls');
  const urls = [...new Set((value as string[]).map((url) => normalizeFeedUrl(url)))];
  if (urls.length === 0) throw new CommandError('no-feed-address');
  for (const url of urls) {
    const other = (await db.feeds.where('urls').equals(url).first()) ?? (await db.feeds.where('url').equals(url).first());
    if (other && other.id !== feed.id) throw new CommandError('mirror-in-use', { url, title: other.customTitle ?? (other.title || other.url) });
  }
  const url = urls.includes(feed.url) ? feed.url : urls[0]!;
  const served = feed.servedUrl !== undefined && urls.includes(feed.servedUrl) ? feed.servedUrl : undefined;
  return { urls, url, servedUrl: served };
}

// A new interval applies from the last poll: a shorter one can make a healthy feed due at once. The same value
// again changes nothing, and a failing feed keeps its backoff (a Retry-After is only ever stored on a failing
// feed, and its backoff already waits it out).
function interval(feed: FeedRow, value: unknown, now: number): Partial<FeedRow> {
  if (value === null) return { intervalMinutes: undefined };
  const { minIntervalMinutes: min, maxIntervalMinutes: max } = FEED_LIMITS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw new CommandError('invalid-interval', { min, max });
  if (value === feed.intervalMinutes || feed.errorCount > 0) return { intervalMinutes: value };
  const from = feed.lastFetchedAt ?? now;
  return { intervalMinutes: value, nextPollAt: Math.min(feed.nextPollAt, from + value * 60_000) };
}

function limit(value: unknown, max: number): number | undefined {
  if (value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) throw new CommandError('invalid-retention', { max });
  return value;
}

function timeZone(value: unknown, now: number): string | undefined {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  if (typeof value !== 'string') throw badRequest('update-feed', 'timeZone');
  if (zoneOffsetMinutes(value.trim(), now) === undefined) throw new CommandError('invalid-time-zone', { zone: value.trim() });
  return value.trim();
}

// Pausing is the user's; resuming clears any pause (the user's, or a 410 Gone's) and polls at once.
function pausedState(value: unknown): Partial<FeedRow> {
  if (typeof value !== 'boolean') throw badRequest('update-feed', 'paused');
  return value ? { paused: 1, pauseReason: 'user' } : { ...RESUMED };
}
