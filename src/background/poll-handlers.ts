// Commands of the polling side: a feed's own settings (pause and resume included), its addresses, testing an
// address, and the storage figures.
import type { ReaderDB } from '../db/schema';
import { updateBadge } from './badge';
import { feedSettingsPatch, updateFeedSettings } from './feed-settings';
import { addFeedUrl, orderFeedUrls, removeFeedUrl, testFeedUrl } from './mirrors';
import { badRequest, rowId } from './payload';
import { storageFigures } from './quota';
import type { Handlers } from './router';
import { schedulerFor } from './worker-scheduler';

type PollCommands = 'update-feed' | 'add-feed-url' | 'remove-feed-url' | 'order-feed-urls' | 'test-feed-url' | 'storage-status';

function text(value: unknown, command: string, field: string): string {
  if (typeof value === 'string') return value;
  throw badRequest(command, field);
}

/** Handlers of the polling side's commands. */
export function pollHandlers(db: ReaderDB): Pick<Handlers, PollCommands> {
  return {
    async 'update-feed'({ feedId, patch }) {
      const id = rowId(feedId, 'update-feed', 'feedId');
      const fields = feedSettingsPatch(patch, Date.now());
      const before = await updateFeedSettings(db, id, fields);
      // Resumed: poll it now rather than at the next alarm. The reply does not wait; the pages see the result.
      if (before.paused === 1 && fields.paused === 0) void schedulerFor(db).refresh(id).then(() => updateBadge(db)).catch((error: unknown) => console.warn('[mirror-reader] polling a resumed feed failed', error));
      return null;
    },
    async 'add-feed-url'({ feedId, url }) {
      return { urls: await addFeedUrl(db, rowId(feedId, 'add-feed-url', 'feedId'), text(url, 'add-feed-url', 'url')) };
    },
    async 'remove-feed-url'({ feedId, url }) {
      return { urls: await removeFeedUrl(db, rowId(feedId, 'remove-feed-url', 'feedId'), text(url, 'remove-feed-url', 'url')) };
    },
    async 'order-feed-urls'({ feedId, urls }) {
      return { urls: await orderFeedUrls(db, rowId(feedId, 'order-feed-urls', 'feedId'), urls) };
    },
    async 'test-feed-url'({ url }) {
      return testFeedUrl(text(url, 'test-feed-url', 'url'));
    },
    async 'storage-status'() {
      return storageFigures();
    },
  };
}
