// Restore a backup file in ONE transaction, after checking all of it (src/backup/validate.ts): a problem
// anywhere and nothing is written. Restoring over a library merges, and never deletes:
// - settings: the backup's values replace the current ones;
// - folders: matched by name (any case), the missing ones added after the others;
// - feeds: matched when they share an address; a matched feed takes the backup's own settings (name,
//   folder, mirrors first — the library's extra addresses after them —, interval, retention, time zone,
//   paused, notifications) and keeps what polling learned; the others are added and polled soon;
// - entries: matched by feed and key; read or starred in either stays read or starred; the missing ones
//   come back as list rows (a starred one with its content) whose text the feed's next poll fills in.
import type { BackupEntry, BackupFeed, BackupFile, RestoreReport } from '../backup/format';
import { checkSetting } from '../backup/setting-check';
import { validateBackup } from '../backup/validate';
import { addEntries, setRead, setStarred } from '../db/entry-writes';
import type { BodyRow, EntryRow, FeedRow } from '../db/model';
import type { ReaderDB } from '../db/schema';
import { parseSettingsPatch, writeSettings, type Settings } from '../db/settings';
import { otherKeyForm } from './entry-keys';
import { CommandError } from './errors';
import { folderNamed } from './folders';

/** What a restore did, and the settings it wrote (for the hooks that follow settings). */
export interface Restored {
  report: RestoreReport;
  settings: Partial<Settings>;
}

/** Check and restore `input` (the parsed file); throws CommandError('backup-refused') naming the first problem. */
export async function restoreBackup(db: ReaderDB, input: unknown, now: number = Date.now()): Promise<Restored> {
  const check = validateBackup(input, checkSetting);
  if (!check.ok) {
    const first = check.problems[0]!;
    throw new CommandError('backup-refused', { problem: first.code, path: first.path, count: check.total });
  }
  const backup = check.backup;
  const report: RestoreReport = { feedsAdded: 0, feedsMerged: 0, foldersAdded: 0, entriesAdded: 0, entriesUpdated: 0 };
  // Validated above: every key known and every value accepted.
  const checked = parseSettingsPatch(backup.settings);
  const settings = checked.ok ? checked.patch : {};
  await db.transaction('rw', [db.settings, db.folders, db.feeds, db.entries, db.bodies, db.feedCounts, db.tombstones], async () => {
    await writeSettings(db, settings);
    const folderIds = await restoreFolders(db, backup, report);
    for (const feed of backup.feeds) {
      const feedId = await restoreFeed(db, feed, folderIds.get(feed.folderId) ?? 0, now, report);
      await restoreEntries(db, feedId, backup.entries.filter((entry) => entry.feedId === feed.id), report);
    }
  });
  return { report, settings };
}

/** Backup folder id → library folder id. */
async function restoreFolders(db: ReaderDB, backup: BackupFile, report: RestoreReport): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  let last = (await db.folders.orderBy('position').last())?.position ?? -1;
  for (const folder of [...backup.folders].sort((a, b) => a.position - b.position)) {
    const name = folder.name.replace(/\s+/g, ' ');
    const known = await folderNamed(db, name);
    if (known) ids.set(folder.id, known.id);
    else {
      ids.set(folder.id, await db.folders.add({ name, position: ++last }));
      report.foldersAdded++;
    }
  }
  return ids;
}

async function restoreFeed(db: ReaderDB, feed: BackupFeed, folderId: number, now: number, report: RestoreReport): Promise<number> {
  const own = {
    customTitle: feed.customTitle,
    folderId,
    intervalMinutes: feed.intervalMinutes,
    keepDays: feed.keepDays,
    keepCount: feed.keepCount,
    timeZone: feed.timeZone,
    paused: feed.paused,
    pauseReason: feed.paused === 1 ? (feed.pauseReason ?? 'user') : undefined,
    notify: feed.notify,
  } satisfies Partial<FeedRow>;
  const existing = await matchingFeed(db, feed.urls);
  if (existing) {
    // An address another library feed already has stays with that feed: one address, one subscription.
    const taken = new Set<string>();
    for (const url of feed.urls) {
      const other = await db.feeds.where('urls').equals(url).first();
      if (other && other.id !== existing.id) taken.add(url);
    }
    const urls = [...new Set([...feed.urls.filter((url) => !taken.has(url)), ...existing.urls])];
    // Entries restored without their text are filled in by the next poll, which must then read the document
    // even if it has not changed: the validators and body hash go.
    await db.feeds.update(existing.id, { ...own, urls, etag: undefined, lastModified: undefined, bodyHash: undefined });
    report.feedsMerged++;
    return existing.id;
  }
  const row: Omit<FeedRow, 'id'> = {
    ...withoutUndefined(own),
    url: feed.url,
    urls: feed.urls,
    title: feed.title,
    addedAt: feed.addedAt,
    errorCount: 0,
    // Polled soon, unless paused: the entries' text comes from there.
    nextPollAt: now,
    ...withoutUndefined({ siteUrl: feed.siteUrl, iconUrl: feed.iconUrl, description: feed.description, language: feed.language }),
  } as Omit<FeedRow, 'id'>;
  const feedId = await db.feeds.add(row as FeedRow);
  await db.feedCounts.add({ feedId, unread: 0, starred: 0, total: 0 });
  report.feedsAdded++;
  return feedId;
}

async function matchingFeed(db: ReaderDB, urls: readonly string[]): Promise<FeedRow | undefined> {
  for (const url of urls) {
    const found = (await db.feeds.where('url').equals(url).first()) ?? (await db.feeds.where('urls').equals(url).first());
    if (found) return found;
  }
  return undefined;
}

async function restoreEntries(db: ReaderDB, feedId: number, entries: BackupEntry[], report: RestoreReport): Promise<void> {
  if (entries.length === 0) return;
  // An id-less entry may be stored under the other key form (entry-keys.ts) than the backup's.
  const keys = entries.flatMap((entry) => [entry.key, ...keyForms(entry)]);
  const stored = new Map((await db.entries.where('[feedId+key]').anyOf(keys.map((key) => [feedId, key])).toArray()).map((row) => [row.key, row]));
  const read: number[] = [];
  const starred: number[] = [];
  const rows: Omit<EntryRow, 'id'>[] = [];
  const bodies: Omit<BodyRow, 'id'>[] = [];
  for (const entry of entries) {
    const row = [entry.key, ...keyForms(entry)].map((key) => stored.get(key)).find((found) => found !== undefined);
    if (row) {
      if (entry.read === 1 && row.read === 0) read.push(row.id);
      if (entry.starred === 1 && row.starred === 0) starred.push(row.id);
      continue;
    }
    const { body, ...list } = entry;
    // An empty hash never equals a real one: the next poll that lists the entry rewrites its content.
    rows.push({ ...withoutUndefined(list), feedId, hash: '' } as Omit<EntryRow, 'id'>);
    bodies.push(body ?? { categories: [], enclosures: [] });
  }
  await addEntries(db, rows, bodies);
  // A retention tombstone would hide a restored entry's future polls: the backup says it is wanted.
  await db.tombstones.bulkDelete(keys.map((key) => [feedId, key] as [number, string]));
  if (read.length > 0) await setRead(db, read, true);
  if (starred.length > 0) await setStarred(db, starred, true);
  report.entriesAdded += rows.length;
  report.entriesUpdated += new Set([...read, ...starred]).size;
}

function keyForms(entry: BackupEntry): string[] {
  const other = otherKeyForm(entry.key, entry.url, entry.title, entry.publishedAt ?? entry.updatedAt);
  return other === undefined ? [] : [other];
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

