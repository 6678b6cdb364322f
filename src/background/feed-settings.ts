// The per-feed settings the worker owns, checked before they are stored: interval, time zone, paused or
// resumed, notifications, retention limits. `null` returns a setting to the global one.
import type { FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { zoneOffsetMinutes } from '../feeds/time-zone';
import type { FeedSettingsPatch } from '../shared/messages';
import { CommandError } from './errors';
import { badRequest } from './payload';
import { MIN_INTERVAL_MINUTES } from './schedule-policy';

const COMMAND = 'update-feed';

/** `patch` as the fields to write on the feed row (`undefined` deletes a field), or an error naming the bad key. */
export function feedSettingsPatch(patch: unknown, now: number): Partial<FeedRow> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw badRequest(COMMAND, 'patch');
  const fields: Partial<FeedRow> = {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    switch (key as keyof FeedSettingsPatch) {
      case 'intervalMinutes':
        fields.intervalMinutes = nullableInteger(key, value, MIN_INTERVAL_MINUTES, 7 * 24 * 60);
        break;
      case 'keepDays':
        fields.keepDays = nullableInteger(key, value, 0, 3650);
        break;
      case 'keepCount':
        fields.keepCount = nullableInteger(key, value, 0, 100_000);
        break;
      case 'timeZone':
        if (value !== null && (typeof value !== 'string' || value.trim() === '' || zoneOffsetMinutes(value, now) === undefined)) throw new CommandError('invalid-setting', { key });
        fields.timeZone = value === null ? undefined : (value as string).trim();
        break;
      case 'notify':
        if (typeof value !== 'boolean') throw new CommandError('invalid-setting', { key });
        fields.notify = value ? 1 : 0;
        break;
      case 'paused':
        if (typeof value !== 'boolean') throw new CommandError('invalid-setting', { key });
        Object.assign(fields, value ? { paused: 1, pauseReason: 'user' } : { paused: 0, pauseReason: undefined });
        break;
      default:
        throw new CommandError('invalid-setting', { key });
    }
  }
  return fields;
}

function nullableInteger(key: string, value: unknown, min: number, max: number): number | undefined {
  if (value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new CommandError('invalid-setting', { key });
}

/** Apply checked settings to feed `feedId`; returns the row as it was before (to see what changed). */
export async function updateFeedSettings(db: ReaderDB, feedId: number, fields: Partial<FeedRow>, now: number = Date.now()): Promise<FeedRow> {
  return db.transaction('rw', db.feeds, async () => {
    const feed = await db.feeds.get(feedId);
    if (!feed) throw new CommandError('no-such-feed');
    // A resumed feed starts afresh and is due now: its old error and backoff belong to the time before the pause.
    const resumed = feed.paused === 1 && fields.paused === 0 ? { errorCount: 0, lastError: undefined, retryAfterUntil: undefined, nextPollAt: now } : {};
    await db.feeds.update(feedId, { ...fields, ...resumed });
    return feed;
  });
}
