// Commands pages send to the worker. Data flows back through Dexie (liveQuery), not through replies;
// replies only say whether the command worked (and a few totals).
import browser from 'webextension-polyfill';
import type { Settings } from '../db/settings';
import type { ListView } from '../db/views';
import type { AppError } from './errors';

export type { AppError } from './errors';

/** Outcome of a command. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Every command: its request and its reply value. A wrong payload does not compile. */
export interface Commands {
  subscribe: { req: { url: string }; res: { feedId: number; title: string } };
  unsubscribe: { req: { feedId: number }; res: null };
  refresh: { req: { feedId?: number }; res: { feeds: number; added: number; failed: number } };
  'mark-read': { req: { entryIds: number[]; read: boolean }; res: { count: number } };
  /** Mark read what `view` listed: its unread entries with id ≤ maxId (never one that arrived after the click). */
  'mark-view-read': { req: { view: ListView; maxId: number }; res: { count: number } };
  'set-starred': { req: { entryIds: number[]; starred: boolean }; res: { count: number } };
  /** Mark the entry read and show it in the reader tab; `view` is the list it was opened from. */
  'open-entry': { req: { entryId: number; view?: ListView }; res: null };
  'update-settings': { req: { patch: Partial<Settings> }; res: null };
  /** Change a feed's own settings (null: back to the global one); `paused: false` resumes it and polls it now. */
  'update-feed': { req: { feedId: number; patch: FeedSettingsPatch }; res: null };
  /** A feed's addresses: add one (checked, not another feed's), remove one (not the last), put them in order. */
  'add-feed-url': { req: { feedId: number; url: string }; res: { urls: string[] } };
  'remove-feed-url': { req: { feedId: number; url: string }; res: { urls: string[] } };
  'order-feed-urls': { req: { feedId: number; urls: string[] }; res: { urls: string[] } };
  /** Fetch and parse an address without storing anything. */
  'test-feed-url': { req: { url: string }; res: { title: string; entries: number; servedUrl: string } };
  /** Storage used and available (bytes), and whether it is persistent (null: the browser cannot say). */
  'storage-status': { req: Record<string, never>; res: { usage: number; quota: number; persisted: boolean | null } };
}

/** The per-feed settings `update-feed` takes; null returns one to the global setting. */
export interface FeedSettingsPatch {
  /** Minutes between polls, 5 to 10080. */
  intervalMinutes?: number | null;
  /** IANA zone or ±HH:MM for dates the feed writes without one. */
  timeZone?: string | null;
  paused?: boolean;
  notify?: boolean;
  /** Retention: days (0 keeps forever) and entries (0 for no limit). */
  keepDays?: number | null;
  keepCount?: number | null;
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
