// Which pictures the offline store should hold: those of starred entries (all of them), then those of the last
// N days' entries, newest first, while the budget lasts. Reads only; offline-images.ts fetches and writes.
import Dexie from 'dexie';
import type { EntryRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import type { Settings } from '../db/settings';
import { describeCandidates, htmlImageSources, imageKey, type ImageLoading } from '../images';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One picture to keep: its key, the URLs to fetch it from (best first), and the entries that show it. */
export interface WantedImage {
  key: string;
  urls: string[];
  entryIds: number[];
}

/** An entry whose pictures are wanted, in the order they are kept: starred first, then the newest. */
export interface WantedEntry {
  entryId: number;
  starred: boolean;
  images: WantedImage[];
}

/** The entries whose pictures should be kept and what each one shows. */
export async function plannedEntries(db: ReaderDB, settings: Settings, now: number): Promise<WantedEntry[]> {
  const starred = await db.entries.where('[starred+sortAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).reverse().toArray();
  const recent =
    settings.offlineRecentDays > 0
      ? (await db.entries.where('sortAt').aboveOrEqual(now - settings.offlineRecentDays * DAY_MS).reverse().toArray()).filter((entry) => entry.starred === 0)
      : [];
  const out: WantedEntry[] = [];
  for (const entry of [...starred, ...recent]) out.push({ entryId: entry.id, starred: entry.starred === 1, images: await entryImages(db, entry, settings) });
  return out;
}

/** The pictures of one entry (body and cover), each once, with the URLs the worker may fetch it from. */
async function entryImages(db: ReaderDB, entry: EntryRow, settings: Settings): Promise<WantedImage[]> {
  const body = await db.bodies.get(entry.id);
  const sources = htmlImageSources(body?.contentHtml ?? body?.summaryHtml ?? '');
  if (entry.coverUrl) sources.push(entry.coverUrl);
  const images = new Map<string, WantedImage>();
  for (const src of sources) {
    const key = imageKey(src, entry.url);
    if (key === undefined || images.has(key)) continue;
    const candidates = describeCandidates(src, { pageUrl: entry.url, imageMap: body?.imageMap, rules: settings.imageRules });
    const urls = candidates.filter((candidate) => allowedInBackground(candidate.kind, settings.imageLoading)).map((candidate) => candidate.url);
    if (urls.length > 0) images.set(key, { key, urls, entryIds: [entry.id] });
  }
  return [...images.values()];
}

/**
 * What the worker may fetch on its own: everything when pictures load always; otherwise only the mirror's CDN
 * copies, which the user accepted by subscribing, never the sites the privacy setting keeps away.
 */
function allowedInBackground(kind: string, loading: ImageLoading): boolean {
  return loading === 'always' || kind === 'copy';
}
