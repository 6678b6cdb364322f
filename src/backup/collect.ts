// The library as a backup file (format.ts): read through Dexie by the options page, which then offers it
// as a download. Reads only: index ranges for the read and the starred entries, bodies of starred ones.
import Dexie from 'dexie';
import type { EntryRow, FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { readSettings } from '../db/settings';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupEntry, type BackupFeed, type BackupFile } from './format';

/** Everything a backup holds, as of now. */
export async function collectBackup(db: ReaderDB, now: number = Date.now()): Promise<BackupFile> {
  return db.transaction('r', [db.settings, db.folders, db.feeds, db.entries, db.bodies], async () => {
    const [settings, folders, feeds] = await Promise.all([readSettings(db), db.folders.orderBy('position').toArray(), db.feeds.orderBy('id').toArray()]);
    const range = (index: string) => db.entries.where(index).between([1, Dexie.minKey], [1, Dexie.maxKey]).toArray();
    const [read, starred] = await Promise.all([range('[read+sortAt]'), range('[starred+sortAt]')]);
    const rows = new Map<number, EntryRow>();
    for (const row of [...read, ...starred]) rows.set(row.id, row);
    const starredIds = starred.map((row) => row.id);
    const bodies = new Map(starredIds.map((id, index) => [id, index]));
    const stored = await db.bodies.bulkGet(starredIds);
    const entries = [...rows.values()]
      .sort((a, b) => a.id - b.id)
      .map((row): BackupEntry => {
        const entry = backupEntry(row);
        const body = row.starred === 1 ? stored[bodies.get(row.id) ?? -1] : undefined;
        if (body) {
          const { id: _id, ...content } = body;
          entry.body = content;
        }
        return entry;
      });
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      settings: settings as Record<string, unknown>,
      folders: folders.map(({ id, name, position }) => ({ id, name, position })),
      feeds: feeds.map(backupFeed),
      entries,
    };
  });
}

function backupFeed(feed: FeedRow): BackupFeed {
  const { id, url, urls, title, customTitle, folderId, siteUrl, iconUrl, description, language, timeZone, intervalMinutes, keepDays, keepCount, paused, pauseReason, notify, addedAt } = feed;
  return defined({ id, url, urls, title, customTitle, folderId, siteUrl, iconUrl, description, language, timeZone, intervalMinutes, keepDays, keepCount, paused, pauseReason, notify, addedAt }) as BackupFeed;
}

// The list row as the backup keeps it; a read entry's snippet only when it is starred (the feed resends it).
function backupEntry(row: EntryRow): BackupEntry {
  const { feedId, key, title, url, author, publishedAt, updatedAt, sortAt, fetchedAt, read, starred, snippet, coverUrl } = row;
  return defined({ feedId, key, title, url, author, publishedAt, updatedAt, sortAt, fetchedAt, read, starred, snippet: starred === 1 ? snippet : undefined, coverUrl }) as BackupEntry;
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
