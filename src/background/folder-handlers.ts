// Commands that arrange the library: per-feed settings, removing a feed, folders and moving feeds.
import type { ReaderDB } from '../db/schema';
import { updateBadge } from './badge';
import { removeFeed } from './feed-removal';
import { updateFeed } from './feed-settings';
import { imagesAfterStarring } from './image-hooks';
import { createFolder, deleteFolder, moveFeeds, moveFolder, renameFolder } from './folders';
import { badRequest, flag, rowId, rowIds } from './payload';
import type { Handlers } from './router';
import { pollDueNow } from './worker-scheduler';

type Names = 'update-feed' | 'remove-feed' | 'create-folder' | 'rename-folder' | 'move-folder' | 'delete-folder' | 'move-feeds';

/** Handlers of update-feed, remove-feed and the folder commands. */
export function folderHandlers(db: ReaderDB): Pick<Handlers, Names> {
  return {
    async 'update-feed'({ feedId, patch }) {
      await updateFeed(db, rowId(feedId, 'update-feed', 'feedId'), patch);
      // A resumed feed or a shorter interval can make the feed due now: poll what is due without waiting for the alarm.
      if (patch?.paused === false || patch?.intervalMinutes !== undefined) pollDueNow(db, 'update-feed');
      return null;
    },
    async 'remove-feed'({ feedId, keepStarred }) {
      const kept = await removeFeed(db, rowId(feedId, 'remove-feed', 'feedId'), flag(keepStarred, 'remove-feed', 'keepStarred'));
      await updateBadge(db);
      // The pictures kept offline for the entries that went are freed.
      imagesAfterStarring(db);
      return { kept };
    },
    async 'create-folder'({ name }) {
      return { folderId: await createFolder(db, name) };
    },
    async 'rename-folder'({ folderId, name }) {
      await renameFolder(db, rowId(folderId, 'rename-folder', 'folderId'), name);
      return null;
    },
    async 'move-folder'({ folderId, offset }) {
      if (offset !== -1 && offset !== 1) throw badRequest('move-folder', 'offset');
      await moveFolder(db, rowId(folderId, 'move-folder', 'folderId'), offset);
      return null;
    },
    async 'delete-folder'({ folderId }) {
      return { moved: await deleteFolder(db, rowId(folderId, 'delete-folder', 'folderId')) };
    },
    async 'move-feeds'({ feedIds, folderId }) {
      await moveFeeds(db, rowIds(feedIds, 'move-feeds', 'feedIds'), folderId);
      return null;
    },
  };
}
