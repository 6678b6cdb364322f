// Commands on subscriptions: subscribe, unsubscribe, refresh.
import type { ReaderDB } from '../db/schema';
import { updateBadge } from './badge';
import { unsubscribe } from './library';
import { badRequest, rowId } from './payload';
import type { Handlers } from './router';
import { subscribe } from './subscribe';
import { pollDueNow, schedulerFor } from './worker-scheduler';

/** Handlers of subscribe, unsubscribe and refresh. */
export function feedHandlers(db: ReaderDB): Pick<Handlers, 'subscribe' | 'unsubscribe' | 'refresh'> {
  return {
    async subscribe({ url }) {
      if (typeof url !== 'string') throw badRequest('subscribe', 'url');
      const result = await subscribe(db, url);
      // A removed feed brought back is fetched now, as after "Subscribe again"; a new one was fetched already.
      if (result.resumed) pollDueNow(db, 'subscribe');
      await updateBadge(db);
      return result;
    },
    async unsubscribe({ feedId }) {
      await unsubscribe(db, rowId(feedId, 'unsubscribe', 'feedId'));
      await updateBadge(db);
      return null;
    },
    async refresh({ feedId }) {
      const summary = await schedulerFor(db).refresh(feedId === undefined ? undefined : rowId(feedId, 'refresh', 'feedId'));
      await updateBadge(db);
      return summary;
    },
  };
}
