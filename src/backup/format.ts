// The backup file, version 1: one JSON document with the feeds (their mirrors and the user's settings for
// each), folders, global settings, and every entry that is read or starred, as a list row; a starred entry
// also carries its content, so it outlives its feed. Unread entries are not in it: the feed brings them
// back as unread anyway. The schemas below are what restore accepts; anything else is reported, a field this
// build does not know included (strict objects: a newer build's field is never dropped without a word).
import * as v from 'valibot';
import { FEED_LIMITS } from '../shared/feed-limits';

/** The `format` field that marks a Mirror Reader backup. */
export const BACKUP_FORMAT = 'mirror-reader-backup';
/** The version this build writes and the newest it reads. */
export const BACKUP_VERSION = 1;

/** Whether `text` is an absolute http(s) URL. */
export function isWebUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const flag = v.picklist([0, 1]);
const rowId = v.pipe(v.number(), v.integer(), v.minValue(1));
const time = v.pipe(v.number(), v.finite());
const webUrl = v.pipe(v.string(), v.check(isWebUrl, 'url'));
// Retention limits: 0 is no limit for this feed, whatever the global setting says.
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));

const folder = v.strictObject({ id: rowId, name: v.pipe(v.string(), v.trim(), v.minLength(1)), position: v.pipe(v.number(), v.finite()) });

const feed = v.strictObject({
  id: rowId,
  url: webUrl,
  urls: v.pipe(v.array(webUrl), v.minLength(1)),
  title: v.string(),
  customTitle: v.optional(v.string()),
  folderId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  siteUrl: v.optional(v.string()),
  iconUrl: v.optional(v.string()),
  description: v.optional(v.string()),
  language: v.optional(v.string()),
  timeZone: v.optional(v.string()),
  intervalMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(FEED_LIMITS.minIntervalMinutes), v.maxValue(FEED_LIMITS.maxIntervalMinutes))),
  keepDays: v.optional(count(FEED_LIMITS.maxKeepDays)),
  keepCount: v.optional(count(FEED_LIMITS.maxKeepCount)),
  paused: flag,
  pauseReason: v.optional(v.picklist(['user', 'gone', 'removed'])),
  notify: flag,
  addedAt: time,
});

const enclosure = v.strictObject({ url: v.string(), type: v.optional(v.string()), length: v.optional(v.number()) });

// The full article the user loaded from the entry's page (src/db/model.ts StoredArticle).
const article = v.strictObject({ html: v.string(), url: webUrl, fetchedAt: time });

const body = v.strictObject({
  contentHtml: v.optional(v.string()),
  summaryHtml: v.optional(v.string()),
  contentText: v.optional(v.string()),
  categories: v.array(v.string()),
  enclosures: v.array(enclosure),
  imageMap: v.optional(v.record(v.string(), v.nullable(v.string()))),
  article: v.optional(article),
});

const entry = v.strictObject({
  feedId: rowId,
  key: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  url: v.optional(v.string()),
  author: v.optional(v.string()),
  publishedAt: v.optional(time),
  updatedAt: v.optional(time),
  sortAt: time,
  fetchedAt: time,
  read: flag,
  starred: flag,
  snippet: v.optional(v.string()),
  coverUrl: v.optional(v.string()),
  body: v.optional(body),
});

/** The whole file. */
export const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: time,
  settings: v.record(v.string(), v.unknown()),
  folders: v.array(folder),
  feeds: v.array(feed),
  entries: v.array(entry),
});

/** A backup file as written and as restore reads it. */
export type BackupFile = v.InferOutput<typeof BackupSchema>;
/** One feed of a backup. */
export type BackupFeed = BackupFile['feeds'][number];
/** One folder of a backup. */
export type BackupFolder = BackupFile['folders'][number];
/** One entry of a backup (list row, plus the content of a starred one). */
export type BackupEntry = BackupFile['entries'][number];
/** The content of a starred entry. */
export type BackupBody = NonNullable<BackupEntry['body']>;

/** What a restore did. */
export interface RestoreReport {
  feedsAdded: number;
  feedsMerged: number;
  foldersAdded: number;
  entriesAdded: number;
  entriesUpdated: number;
}
