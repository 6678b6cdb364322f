// Commands on entries: read and starred state, "mark all read" of a view, opening one in the reader.
import type { ReaderDB } from '../db/schema';
import { updateBadge } from './badge';
import { imagesAfterStarring } from './image-hooks';
import { markRead, markViewRead, star } from './library';
import { flag, listView, readerList, rowId, rowIds } from './payload';
import { openReaderTab } from './reader-tab';
import type { Handlers } from './router';

/** Handlers of mark-read, mark-view-read, set-starred and open-entry. */
export function entryHandlers(db: ReaderDB): Pick<Handlers, 'mark-read' | 'mark-view-read' | 'set-starred' | 'open-entry'> {
  return {
    async 'mark-read'({ entryIds, read }) {
      const count = await markRead(db, rowIds(entryIds, 'mark-read', 'entryIds'), flag(read, 'mark-read', 'read'));
      await updateBadge(db);
      return { count };
    },
    async 'mark-view-read'({ view, maxId }) {
      const count = await markViewRead(db, listView(view, 'mark-view-read', 'view'), rowId(maxId, 'mark-view-read', 'maxId'));
      await updateBadge(db);
      return { count };
    },
    async 'set-starred'({ entryIds, starred }) {
      const count = await star(db, rowIds(entryIds, 'set-starred', 'entryIds'), flag(starred, 'set-starred', 'starred'));
      imagesAfterStarring(db);
      return { count };
    },
    async 'open-entry'({ entryId, view }) {
      const entry = rowId(entryId, 'open-entry', 'entryId');
      const from = view === undefined ? undefined : readerList(view, 'open-entry', 'view');
      await markRead(db, [entry], true);
      await updateBadge(db);
      // An entry deleted meanwhile still opens the reader, which says it is gone.
      await openReaderTab(entry, from);
      return null;
    },
  };
}
