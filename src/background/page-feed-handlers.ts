// The popup asks which feeds the page in a tab offers (and the tab's icon is brought up to date with it).
import type { ReaderDB } from '../db/schema';
import { markTab } from './page-feeds';
import { rowId } from './payload';
import type { Handlers } from './router';

/** Handler of page-feeds. */
export function pageFeedHandlers(db: ReaderDB): Pick<Handlers, 'page-feeds'> {
  return {
    async 'page-feeds'({ tabId }) {
      return { feeds: await markTab(db, rowId(tabId, 'page-feeds', 'tabId')) };
    },
  };
}
