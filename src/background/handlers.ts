// What each command does. Payloads come from our own pages but are still checked: a bad one is a bug
// that should surface as a readable error, not as a corrupted row.
import type { ReaderDB } from '../db/schema';
import { DEFAULT_RSSHUB } from '../discovery/radar-rules';
import { updateBadge } from './badge';
import { discoverFeeds, previewFeed } from './discover';
import { CommandError } from './errors';
import { markAllRead, markRead, unsubscribe } from './library';
import { openReaderTab } from './reader-tab';
import type { Handlers } from './router';
import { refreshNow } from './scheduler';
import { subscribe } from './subscribe';

/** The handlers of every command, working on `db`. */
export function createHandlers(db: ReaderDB): Handlers {
  return {
    async subscribe({ url }) {
      if (typeof url !== 'string') throw badPayload('subscribe', 'url');
      const result = await subscribe(db, url);
      await updateBadge(db);
      return result;
    },
    async unsubscribe({ feedId }) {
      await unsubscribe(db, id(feedId, 'unsubscribe', 'feedId'));
      await updateBadge(db);
      return null;
    },
    async refresh({ feedId }) {
      const summary = await refreshNow(db, feedId === undefined ? undefined : id(feedId, 'refresh', 'feedId'));
      await updateBadge(db);
      return summary;
    },
    async 'mark-read'({ entryIds, read }) {
      if (!Array.isArray(entryIds) || typeof read !== 'boolean') throw badPayload('mark-read', 'entryIds/read');
      await markRead(db, entryIds.map((entryId) => id(entryId, 'mark-read', 'entryIds')), read);
      await updateBadge(db);
      return null;
    },
    async 'mark-all-read'({ feedId }) {
      const count = await markAllRead(db, feedId === undefined ? undefined : id(feedId, 'mark-all-read', 'feedId'));
      await updateBadge(db);
      return { count };
    },
    async 'open-entry'({ entryId }) {
      const entry = id(entryId, 'open-entry', 'entryId');
      await markRead(db, [entry], true);
      await updateBadge(db);
      // An entry deleted meanwhile still opens the reader, which says it is gone.
      await openReaderTab(entry);
      return null;
    },
    async discover({ url }) {
      if (typeof url !== 'string') throw badPayload('discover', 'url');
      return { candidates: await discoverFeeds(url, DEFAULT_RSSHUB) };
    },
    async 'preview-feed'({ url }) {
      if (typeof url !== 'string') throw badPayload('preview-feed', 'url');
      return previewFeed(url);
    },
  };
}

/** `value` as a row id, or a readable error naming the command and field. */
function id(value: unknown, command: string, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  throw badPayload(command, field);
}

function badPayload(command: string, field: string): CommandError {
  return new CommandError('internal', `The page sent "${command}" without a valid ${field}. Reload the page and try again.`);
}
