// Feeds and folders: a form for a new folder, then each folder in the user's order and the feeds outside any
// folder, each group a drop target; feeds move by drag (pointer or keyboard) or their Move to… menu. Removed
// feeds kept for their starred entries are listed last. Everything is read live from Dexie — throttled
// during a round, whose every poll writes its feed's row, and each row drawn again only when what it shows
// changed (feed-row.tsx), so an open page with 1,000 feeds costs little while they are polled.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { feedDisplayTitle, type FeedCountRow, type FeedRow, type FolderRow } from '../../db/model';
import { allFeeds, allFolders, feedCounts } from '../../db/queries';
import { db } from '../../db/schema';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t, tPlural } from '../../ui/i18n';
import { ROUND_THROTTLE_MS, useTableQuery } from '../../ui/table-query';
import { command } from '../../ui/send';
import { useFeedDrag, type DropGroup } from './feed-drag';
import { FeedItem } from './feed-row';
import { sameFolders } from './same-row';
import { FolderGroup } from './folder-group';
import { NewFolder } from './new-folder';
import { RemovedFeeds } from './removed-feeds';

/** Props: where to announce what happened. */
export function FeedsSection({ onStatus }: { onStatus: (text: string) => void }) {
  // One transaction: feeds, folders and counts as of one moment, mid-round too.
  const data = useTableQuery(() => db.transaction('r', [db.feeds, db.folders, db.feedCounts], () => Promise.all([allFeeds(), allFolders(), feedCounts()])), ['feeds', 'folders', 'feedCounts'], { throttleMs: ROUND_THROTTLE_MS });
  if (data.status === 'error') return <p class="alert" role="alert">{t('loadFailed', data.error.message)}</p>;
  if (data.status === 'loading') return <p class="muted">{t('loading')}</p>;
  const [feeds, folders, counts] = data.value;
  return <FeedsView feeds={feeds} folders={folders} counts={counts} onStatus={onStatus} />;
}

interface ViewProps {
  feeds: FeedRow[];
  folders: FolderRow[];
  counts: Map<number, FeedCountRow>;
  onStatus: (text: string) => void;
}

function FeedsView({ feeds, folders: read, counts, onStatus }: ViewProps) {
  const [error, setError] = useState<AppError | undefined>();
  const minute = useMinuteClock();
  // The same array while the folders are the same, so rows (and their Move to… menus) are not drawn again.
  const kept = useRef(read);
  if (!sameFolders(kept.current, read)) kept.current = read;
  const folders = kept.current;
  const subscribed = feeds.filter((feed) => feed.pauseReason !== 'removed');
  const removed = feeds.filter((feed) => feed.pauseReason === 'removed');
  const names = new Map(folders.map((folder) => [folder.id, folder.name]));
  // A feed whose folder was deleted elsewhere meanwhile shows here until its row catches up.
  const loose = subscribed.filter((feed) => !names.has(feed.folderId));
  const groups: DropGroup[] = [...folders.map((folder) => ({ folderId: folder.id, name: folder.name })), { folderId: 0, name: t('noFolder') }];

  // The rows' actions are the same functions from render to render (memoized rows compare them), reading the
  // latest feeds and folder names when called.
  const latest = useRef({ feeds, names });
  latest.current = { feeds, names };
  const move = useCallback((feedId: number, folderId: number) => {
    void (async () => {
      setError(undefined);
      const feed = latest.current.feeds.find((row) => row.id === feedId);
      const result = await command('move-feeds', { feedIds: [feedId], folderId });
      if (!result.ok) setError(result.error);
      else if (feed) onStatus(t('feedMoved', feedDisplayTitle(feed), latest.current.names.get(folderId) ?? t('noFolder')));
    })();
  }, [onStatus]);
  const remove = useCallback((feed: FeedRow, keepStarred: boolean) => {
    void (async () => {
      setError(undefined);
      const result = await command('remove-feed', { feedId: feed.id, keepStarred });
      if (!result.ok) setError(result.error);
      else onStatus(result.value.kept > 0 ? tPlural('removedKept', result.value.kept, feedDisplayTitle(feed)) : t('removed', feedDisplayTitle(feed)));
    })();
  }, [onStatus]);

  const drag = useFeedDrag(groups, move, onStatus, {
    picked: (feed, folder) => t('dragPicked', feed, folder),
    over: (folder) => t('dragOver', folder),
    dropped: (feed, folder) => t('dragDropped', feed, folder),
    cancelled: (feed) => t('dragCancelled', feed),
  });

  const rows = (list: FeedRow[]) =>
    list.map((feed) => (
      <FeedItem key={feed.id} feed={feed} counts={counts.get(feed.id)} folders={folders} carried={drag.carrying === feed.id} drag={drag.handlers} minute={minute} onMove={move} onRemove={remove} onStatus={onStatus} />
    ));

  return (
    <>
      <NewFolder onStatus={onStatus} />
      <p id="drag-help" class="hint">
        {t('dragHelp')}
      </p>
      {error && <ErrorAlert error={error} />}
      {subscribed.length === 0 && folders.length === 0 ? (
        <p class="empty">{t('noFeeds')}</p>
      ) : (
        <div class="folders">
          {folders.map((folder, index) => {
            const inside = subscribed.filter((feed) => feed.folderId === folder.id);
            return (
              <FolderGroup key={folder.id} folder={folder} name={folder.name} first={index === 0} last={index === folders.length - 1} feeds={inside.length} highlighted={drag.highlighted === folder.id} drag={drag.handlers} onStatus={onStatus}>
                {rows(inside)}
              </FolderGroup>
            );
          })}
          <FolderGroup folder={undefined} name={t('noFolder')} first={false} last={false} feeds={loose.length} highlighted={drag.highlighted === 0} drag={drag.handlers} onStatus={onStatus}>
            {rows(loose)}
          </FolderGroup>
        </div>
      )}
      {removed.length > 0 && <RemovedFeeds feeds={removed} counts={counts} onStatus={onStatus} />}
    </>
  );
}

/** A number that changes once a minute, so the rows' relative times move on while the page stays open. */
function useMinuteClock(): number {
  const [minute, setMinute] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setMinute((value) => value + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  return minute;
}
