// Where the worker's other paths hand over to the image features: the one call each of them makes.
import type { ReaderDB } from '../db/schema';
import { readSettings, type Settings } from '../db/settings';
import { scheduleOfflineImages } from './offline-images';
import { installRefererRules } from './referer-rules';

/** Settings whose change alters which pictures are kept offline, or where they are fetched from. */
const OFFLINE_KEYS: readonly (keyof Settings)[] = ['offlineRecentDays', 'offlineBudgetMb', 'imageRules', 'imageLoading'];

/** After install, update or browser start: the Referer rules match the settings; missing offline pictures are fetched. */
export async function imagesAtStartup(db: ReaderDB): Promise<void> {
  try {
    await installRefererRules((await readSettings(db)).refererRules);
  } catch (error) {
    // The rules stay as last installed (dynamic rules persist); the offline store is still brought up to date.
    console.warn('Mirror Reader: installing the Referer rules failed', error);
  }
  void scheduleOfflineImages(db);
}

/** After set-starred changed entries: keep the newly starred entries' pictures, free the unstarred ones'. Not awaited. */
export function imagesAfterStarring(db: ReaderDB): void {
  void scheduleOfflineImages(db);
}

/** After update-settings stored `patch`: new Referer rules installed at once; the offline store follows. */
export async function imagesAfterSettings(db: ReaderDB, patch: Partial<Settings>): Promise<void> {
  if (patch.refererRules) await installRefererRules(patch.refererRules);
  if (OFFLINE_KEYS.some((key) => Object.hasOwn(patch, key))) void scheduleOfflineImages(db);
}

/** After a round of polls: the new entries of the last N days get their pictures; entries retention removed free theirs. */
export function imagesAfterPolls(db: ReaderDB): void {
  void scheduleOfflineImages(db);
}
