// Pictures kept offline, as Blobs in IndexedDB (`images`), so a starred article stays whole when its CDN copy is
// gone; the reader shows them through object URLs (Firefox has no extension service worker to serve a cache).
// Runs in the worker (Chrome) or background page (Firefox) after a star, an image setting or a poll. A run is
// idempotent: one the browser cut short is finished by the next.
import type { ImageRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { readSettings } from '../db/settings';
import { plannedEntries, type WantedImage } from './offline-plan';

/** One picture bigger than this is not kept (a video thumbnail sprite, a poster-sized scan). */
const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
/** Give up on one address after this long. */
const FETCH_TIMEOUT_MS = 30_000;
/** Pictures fetched at once. */
const PARALLEL = 4;

/** What a run did. */
export interface OfflineSummary {
  stored: number;
  removed: number;
  failed: number;
}

/** How a run fetches and tells the time (tests hand in their own). */
export interface OfflineDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  now: () => number;
}

const browserDeps: OfflineDeps = { fetch: (url, init) => fetch(url, init), now: () => Date.now() };

/**
 * Bring the store in line with what should be kept: fetch the missing pictures of starred entries, then of the
 * last N days' entries until the budget is used, and free every picture no kept entry shows any more.
 */
export async function keepOfflineImages(db: ReaderDB, deps: OfflineDeps = browserDeps): Promise<OfflineSummary> {
  const settings = await readSettings(db);
  const budget = settings.offlineBudgetMb * 1024 * 1024;
  const stored = new Map((await db.images.toArray()).map((row) => [row.url, { size: row.size, entryIds: row.entryIds }]));
  const keep = new Map<string, Set<number>>();
  const summary: OfflineSummary = { stored: 0, removed: 0, failed: 0 };
  let recentBytes = 0;
  for (const entry of await plannedEntries(db, settings, deps.now())) {
    // The budget holds the recent entries' pictures only: what the user starred is kept whatever it takes.
    const missing = entry.images.filter((image) => !stored.has(image.key));
    const fetched = await fetchAll(missing, deps);
    summary.failed += missing.length - fetched.length;
    if (!entry.starred) {
      const extra = [...entry.images.filter((image) => stored.has(image.key) && !keep.has(image.key)).map((image) => stored.get(image.key)!.size), ...fetched.map((row) => row.size)];
      const cost = extra.reduce((sum, size) => sum + size, 0);
      if (recentBytes + cost > budget) break; // older entries would not fit either
      recentBytes += cost;
    }
    for (const row of fetched) {
      row.entryIds = [entry.entryId];
      await db.images.put(row);
      stored.set(row.url, { size: row.size, entryIds: row.entryIds });
      summary.stored++;
    }
    for (const image of entry.images) if (stored.has(image.key)) keep.set(image.key, (keep.get(image.key) ?? new Set()).add(entry.entryId));
  }
  summary.removed = await reconcile(db, keep);
  return summary;
}

/** Give every stored row the entries that keep it; delete rows none keeps. Returns how many were deleted. */
async function reconcile(db: ReaderDB, keep: ReadonlyMap<string, Set<number>>): Promise<number> {
  return db.transaction('rw', db.images, async () => {
    let removed = 0;
    await db.images.toCollection().modify((row: ImageRow, ref: { value?: ImageRow }) => {
      const ids = keep.get(row.url);
      if (!ids || ids.size === 0) {
        delete ref.value;
        removed++;
        return;
      }
      const next = [...ids].sort((a, b) => a - b);
      if (next.join() !== row.entryIds.join()) row.entryIds = next;
    });
    return removed;
  });
}

/** Fetch `images`, a few at a time; the rows of those that some URL served. */
async function fetchAll(images: readonly WantedImage[], deps: OfflineDeps): Promise<ImageRow[]> {
  const rows: ImageRow[] = [];
  let next = 0;
  const worker = async () => {
    while (next < images.length) {
      const image = images[next++]!;
      const row = await fetchImage(image, deps);
      if (row) rows.push(row);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, images.length) }, worker));
  return rows;
}

/** The first of the picture's URLs that answers with an image, as a row (entryIds still empty). */
async function fetchImage(image: WantedImage, deps: OfflineDeps): Promise<ImageRow | undefined> {
  for (const source of image.urls) {
    try {
      // No cookies and no Referer, as the reader's <img> sends; Referer rules (DNR) still apply to these requests.
      const response = await deps.fetch(source, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) continue;
      const length = Number(response.headers.get('content-length') ?? '0');
      if (length > MAX_IMAGE_BYTES) continue;
      const blob = await response.blob();
      if (blob.size === 0 || blob.size > MAX_IMAGE_BYTES || !/^image\//i.test(blob.type || response.headers.get('content-type') || '')) continue;
      return { url: image.key, source, blob, size: blob.size, entryIds: [], storedAt: deps.now() };
    } catch {
      // Unreachable, refused or too slow: the next address, and the next run tries this one again.
    }
  }
  return undefined;
}

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/**
 * Run keepOfflineImages after the runs already started, so two never race over the same rows; one waiting run
 * is enough (it sees every change made before it starts). The promise settles when that run has finished.
 */
export function scheduleOfflineImages(db: ReaderDB, deps: OfflineDeps = browserDeps): Promise<OfflineSummary | undefined> {
  if (waiting > 0) return queue as Promise<OfflineSummary | undefined>;
  waiting++;
  const run = queue.then(() => {
    waiting--;
    return keepOfflineImages(db, deps).catch((error: unknown) => {
      console.warn('Mirror Reader: keeping pictures offline failed', error);
      return undefined;
    });
  });
  queue = run;
  return run;
}
