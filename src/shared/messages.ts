// Commands pages send to the worker. Data flows back through Dexie (liveQuery), not through replies;
// replies only say whether the command worked.
import browser from 'webextension-polyfill';
import type { FeedCandidate, FeedPreview } from '../discovery/model';
import type { FeedErrorCode } from '../feeds/model';

/** An error a page can show as is. */
export interface UserError {
  code: FeedErrorCode | 'invalid-url' | 'network' | 'http' | 'duplicate' | 'no-access' | 'no-feed-found' | 'internal';
  message: string;
  /** Feed URLs found on an HTML page the user gave instead of a feed. */
  alternates?: string[];
}

/** Outcome of a command. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

/** Every command: its request and its reply value. A wrong payload does not compile. */
export interface Commands {
  subscribe: { req: { url: string }; res: { feedId: number; title: string } };
  unsubscribe: { req: { feedId: number }; res: null };
  refresh: { req: { feedId?: number }; res: { feeds: number; added: number; failed: number } };
  'mark-read': { req: { entryIds: number[]; read: boolean }; res: null };
  'mark-all-read': { req: { feedId?: number }; res: { count: number } };
  'open-entry': { req: { entryId: number }; res: null };
  /** Feeds for a feed or page address (links, site rules, common paths); stores nothing. */
  discover: { req: { url: string }; res: { candidates: FeedCandidate[] } };
  /** A feed's title and latest entries, fetched now; stores nothing. */
  'preview-feed': { req: { url: string }; res: FeedPreview };
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
