// Storage: a full disk or quota (QuotaExceededError) prunes by the retention policy and is told to the user
// through the `storage` status row, kept until the user dismisses it in the options page; persistent storage is
// asked for where the context can ask. (The options
// page reads the storage figures itself: navigator.storage.estimate() works on any extension page.)
import type { ReaderDB } from '../db/schema';
import type { StorageStatus } from '../db/status';
import { applyRetention } from './retention';

/** Whether `error` (as Dexie or IndexedDB throws it, possibly wrapped in an abort) says storage is full. */
export function isQuotaError(error: unknown): boolean {
  for (let cause = error as { name?: unknown; inner?: unknown } | undefined, depth = 0; cause && depth < 4; cause = cause.inner as typeof cause, depth++) {
    if (cause.name === 'QuotaExceededError') return true;
  }
  return false;
}

async function updateStorageStatus(db: ReaderDB, patch: (current: StorageStatus) => Omit<Partial<StorageStatus>, 'key'>): Promise<void> {
  await db.transaction('rw', db.status, async () => {
    const current = ((await db.status.get('storage')) as StorageStatus | undefined) ?? { key: 'storage' };
    await db.status.put({ ...current, ...patch(current), key: 'storage' });
  });
}

/** The disk is full: apply retention everywhere and say so (entries pruned add up until the user has seen
 * them); returns how many entries went. */
export async function makeRoom(db: ReaderDB, now: number): Promise<number> {
  const pruned = await applyRetention(db, now);
  // Recording the event may fail on a full disk as well; the feed's own 'storage-full' error still tells.
  await updateStorageStatus(db, (current) => ({ fullAt: now, prunedEntries: (current.prunedEntries ?? 0) + pruned, retentionAt: now })).catch((error: unknown) =>
    console.warn('[mirror-reader] could not record the full disk', error),
  );
  return pruned;
}

/** Run `write`; when the disk is full, make room and run it once more (a second full disk is the caller's). */
export async function withRoom<T>(db: ReaderDB, now: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await makeRoom(db, now);
    return write();
  }
}

/** The user dismissed the full-disk notice that showed `fullAt`: it goes, unless the disk was full again since. */
export async function dismissStorageNotice(db: ReaderDB, fullAt: number): Promise<void> {
  await updateStorageStatus(db, (current) => (current.fullAt !== undefined && current.fullAt <= fullAt ? { fullAt: undefined, prunedEntries: undefined } : {}));
}

/** Ask for persistent storage where this context can (a Firefox background page; not a Chromium worker, whose
 * unlimitedStorage permission already exempts it from eviction), and remember the answer. */
export async function requestPersistence(db: ReaderDB): Promise<void> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (typeof storage?.persist !== 'function') return;
  const persisted = await storage.persist();
  await updateStorageStatus(db, () => ({ persisted }));
}
