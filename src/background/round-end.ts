// What follows a finished round: its notification, retention when it is due, the badge, and the offline
// pictures. (A full-disk notice stays until the user dismisses it: quota.ts.)
import type { ReaderDB } from '../db/schema';
import type { RoundStatus, StorageStatus } from '../db/status';
import { updateBadge } from './badge';
import { imagesAfterPolls } from './image-hooks';
import { notifyRound } from './notifications';
import { applyRetention } from './retention';

/** Retention over every feed runs at most this often (it reads each feed's oldest entries). */
export const RETENTION_EVERY_MS = 6 * 60 * 60_000;

/** The worker's after-round steps; each one's failure is logged and does not stop the others. */
export async function afterRound(db: ReaderDB, round: RoundStatus, now: number = Date.now()): Promise<void> {
  const steps: [string, () => Promise<unknown>][] = [
    ['notification', () => notifyRound(db, round)],
    ['retention', () => retentionIfDue(db, now)],
    ['badge', () => updateBadge(db)],
    // New entries get their offline pictures; entries retention removed free theirs.
    ['offline pictures', async () => imagesAfterPolls(db)],
  ];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      console.warn(`[mirror-reader] after the round: ${name} failed`, error);
    }
  }
}

async function retentionIfDue(db: ReaderDB, now: number): Promise<void> {
  const storage = (await db.status.get('storage')) as StorageStatus | undefined;
  if (storage?.retentionAt !== undefined && now - storage.retentionAt < RETENTION_EVERY_MS) return;
  await applyRetention(db, now);
  await db.status.put({ ...(storage ?? { key: 'storage' }), key: 'storage', retentionAt: now });
}
