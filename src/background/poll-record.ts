// Recording a poll: ONE transaction per feed holds the entries (ingest), the feed's bookkeeping, an address
// that moved for good, tombstones the feed no longer lists, and the round's progress — a worker killed at any
// moment leaves either all of it or none. A full disk prunes old entries and tries once more, then says so.
import Dexie from 'dexie';
import type { FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import type { ParsedFeed } from '../feeds';
import { appError, type AppError } from '../shared/errors';
import type { FetchOutcome } from './fetcher';
import { ingestFeed } from './ingest';
import { failurePatch, successPatch, type Failure, type PollTiming } from './poll-state';
import { isQuotaError, withRoom } from './quota';
import { redirectDecision } from './redirect-policy';
import { bumpRound, roundTables } from './round';
import { alone, type Writes } from './write-queue';

/** What one poll did: entries added (their ids, newest first), or the error it recorded on the feed. */
export interface PollResult {
  added: number;
  addedIds: number[];
  error?: AppError;
  /** The feed was removed or paused before the poll began. */
  skipped?: true;
}

type Success = Exclude<FetchOutcome, { kind: 'failed' }>;

function recordTables(db: ReaderDB) {
  return [db.feeds, db.entries, db.bodies, db.feedCounts, db.tombstones, ...roundTables(db)];
}

/** Record a poll that `url` answered with `outcome` (`parsed` when a new body was read). */
export async function recordSuccess(db: ReaderDB, feed: FeedRow, url: string, outcome: Success, parsed: ParsedFeed | undefined, timing: PollTiming, writes: Writes = alone(db)): Promise<PollResult> {
  // Runs inside a transaction: its own for a new body, the write queue's batch for bookkeeping alone.
  const body = async (): Promise<PollResult> => {
    const current = await db.feeds.get(feed.id);
    // Unsubscribed, paused or removed (keeping its starred entries) while the fetch was running: store nothing,
    // neither entries nor validators (a removed feed's were cleared so that a resume fetches it again).
    if (!current || current.paused === 1) return { added: 0, addedIds: [] };
    const patch = { ...successPatch(timing), ...validatorPatch(outcome), ...(await addressPatch(db, current, url, outcome)) };
    let result: PollResult = { added: 0, addedIds: [] };
    if (parsed) {
      const { added, addedIds } = await ingestFeed(db, feed.id, parsed, patch, timing.now);
      result = { added, addedIds };
      await dropStaleTombstones(db, feed.id, parsed);
    } else {
      await db.feeds.update(feed.id, patch);
    }
    await bumpRound(db, [{ feed: current, added: result.added, addedIds: result.addedIds, failed: false }]);
    return result;
  };
  const write = () => (parsed ? db.transaction('rw', recordTables(db), body) : writes(body));
  try {
    return await withRoom(db, timing.now, write);
  } catch (again) {
    if (!isQuotaError(again)) throw again;
    // Nothing of this poll is stored and the feed's validators are unchanged, so the next poll fetches the
    // same entries again: none is lost, and the user is told why they are late.
    return recordFailure(db, feed, { error: appError('storage-full') }, timing, writes);
  }
}

/** Record a poll in which every address failed. */
export async function recordFailure(db: ReaderDB, feed: FeedRow, failure: Failure, timing: PollTiming, writes: Writes = alone(db)): Promise<PollResult> {
  const error = await writes(async () => {
    const current = await db.feeds.get(feed.id);
    const patch = failurePatch(current ?? feed, failure, timing);
    // Paused or removed meanwhile: the failure is moot, and a 410's pause must not replace the user's reason.
    if (current && current.paused === 0) {
      await db.feeds.update(feed.id, patch);
      await bumpRound(db, [{ feed: current, added: 0, addedIds: [], failed: true }]);
    }
    return patch.lastError!;
  });
  return { added: 0, addedIds: [], error };
}

/** New validators and body hash; a 304 keeps the stored ones unless it sent new ones. */
function validatorPatch(outcome: Success): Partial<FeedRow> {
  if (outcome.kind === 'not-modified') return { ...(outcome.etag ? { etag: outcome.etag } : {}), ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}) };
  return { etag: outcome.etag, lastModified: outcome.lastModified, bodyHash: outcome.bodyHash };
}

/** Where the feed was served from, and the stored addresses when a redirect holds (redirect-policy.ts). */
async function addressPatch(db: ReaderDB, feed: FeedRow, url: string, outcome: Success): Promise<Partial<FeedRow>> {
  const decision = redirectDecision(url, outcome.served, feed.redirectStreak);
  const target = decision.adopt;
  // Another subscription already lives at the target: keep both as they are rather than merge two feeds.
  if (!target || (await ownedElsewhere(db, feed.id, target))) return { servedUrl: url, redirectStreak: decision.streak };
  const urls = [...new Set(feed.urls.map((address) => (address === url ? target : address)))];
  return { servedUrl: target, urls, url: feed.url === url ? target : feed.url, redirectStreak: undefined };
}

async function ownedElsewhere(db: ReaderDB, feedId: number, url: string): Promise<boolean> {
  const owners = await db.feeds.where('urls').equals(url).primaryKeys();
  const primary = await db.feeds.where('url').equals(url).primaryKeys();
  return [...owners, ...primary].some((id) => id !== feedId);
}

/** A tombstone only matters while the feed still lists its key: drop the others. */
async function dropStaleTombstones(db: ReaderDB, feedId: number, parsed: ParsedFeed): Promise<void> {
  const listed = new Set(parsed.entries.map((entry) => entry.id));
  await db.tombstones
    .where('[feedId+key]')
    .between([feedId, Dexie.minKey], [feedId, Dexie.maxKey])
    .filter((tombstone) => !listed.has(tombstone.key))
    .delete();
}
