// Commands pages send to the worker. Data flows back through Dexie (liveQuery), not through replies;
// replies only say whether the command worked (and a few totals).
import browser from 'webextension-polyfill';
import type { PageFeed } from '../background/page-feeds';
import type { Settings } from '../db/settings';
import type { RestoreReport } from '../backup/format';
import type { FeedCandidate, FeedPreview } from '../discovery/model';
import type { OpmlImportReport } from '../opml/model';
import type { ReaderList } from '../db/reader-list';
import type { ListView } from '../db/views';
import type { AppError } from './errors';

export type { AppError } from './errors';

/** Outcome of a command. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** What update-feed may change on a feed; `null` goes back to the global setting (or no custom name). */
export interface FeedPatch {
  customTitle?: string | null;
  folderId?: number;
  /** Every address to try, in order; the primary one stays if listed, else the first takes its place. */
  urls?: string[];
  intervalMinutes?: number | null;
  keepDays?: number | null;
  keepCount?: number | null;
  timeZone?: string | null;
  /** true pauses (the user's pause); false resumes any pause, a 410 Gone's or a removed feed's too. */
  paused?: boolean;
  notify?: boolean;
}

/** Every command: its request and its reply value. A wrong payload does not compile. */
export interface Commands {
  /** `resumed`: the address was a removed feed's (starred entries kept), which is subscribed again, not added. */
  subscribe: { req: { url: string }; res: { feedId: number; title: string; resumed?: true } };
  unsubscribe: { req: { feedId: number }; res: null };
  refresh: { req: { feedId?: number }; res: { feeds: number; added: number; failed: number } };
  'mark-read': { req: { entryIds: number[]; read: boolean }; res: { count: number } };
  /** Mark read what `view` listed: its unread entries with id ≤ maxId (never one that arrived after the click). */
  'mark-view-read': { req: { view: ListView; maxId: number }; res: { count: number } };
  'set-starred': { req: { entryIds: number[]; starred: boolean }; res: { count: number } };
  /** Mark the entry read and show it in the reader tab; `view` is the list it was opened from. */
  'open-entry': { req: { entryId: number; view?: ReaderList }; res: null };
  'update-settings': { req: { patch: Partial<Settings> }; res: null };
  /** "Load full article": the entry's original page as text (decoded) and the address it was served from. */
  'fetch-article': { req: { entryId: number }; res: { html: string; url: string } };
  /** Store the article the reader extracted from that page (raw HTML, sanitized at display), for offline. */
  'save-article': { req: { entryId: number; html: string; url: string }; res: null };
  /** Feeds for a feed or page address (links, site rules, common paths); stores nothing. */
  discover: { req: { url: string }; res: { candidates: FeedCandidate[] } };
  /** A feed's title and latest entries, fetched now; stores nothing. */
  'preview-feed': { req: { url: string }; res: FeedPreview };
  'update-feed': { req: { feedId: number; patch: FeedPatch }; res: null };
  /** Remove a feed; with keepStarred its starred entries stay (the feed becomes a removed one holding them). */
  'remove-feed': { req: { feedId: number; keepStarred: boolean }; res: { kept: number } };
  'create-folder': { req: { name: string }; res: { folderId: number } };
  'rename-folder': { req: { folderId: number; name: string }; res: null };
  'move-folder': { req: { folderId: number; offset: -1 | 1 }; res: null };
  /** Delete a folder; its feeds move out of any folder. */
  'delete-folder': { req: { folderId: number }; res: { moved: number } };
  'move-feeds': { req: { feedIds: number[]; folderId: number }; res: null };
  /** Store an OPML file's feeds (then polled); `text` is the decoded file. */
  'import-opml': { req: { text: string }; res: OpmlImportReport };
  /** Store a mirroring job's JSON record file with its articles. */
  'import-record': { req: { text: string }; res: { feedId: number; title: string; added: number; updated: number } };
  /** Check a backup (the parsed file) and restore it, merging into the library. */
  'restore-backup': { req: { backup: unknown }; res: RestoreReport };
  /** The user dismissed the full-disk notice showing `fullAt` (the storage status row's); a later one stays. */
  'dismiss-storage-notice': { req: { fullAt: number }; res: null };
  /** The feeds the page in tab `tabId` advertises (and its toolbar icon updated to match). */
  'page-feeds': { req: { tabId: number }; res: { feeds: PageFeed[] } };
}

export type CommandName = keyof Commands;

/** The wire shape of a command. */
export interface Envelope<K extends CommandName = CommandName> {
  type: K;
  payload: Commands[K]['req'];
}

/** Send a command to the worker and wait for its result. */
export async function send<K extends CommandName>(type: K, payload: Commands[K]['req']): Promise<Result<Commands[K]['res']>> {
  const envelope: Envelope<K> = { type, payload };
  return (await browser.runtime.sendMessage(envelope)) as Result<Commands[K]['res']>;
}
