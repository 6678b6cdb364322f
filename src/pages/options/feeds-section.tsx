// Feeds and folders: a form for a new folder, then each folder in the user's order and the feeds outside any
// folder, each group a drop target; feeds move by drag (pointer or keyboard) or their Move to… menu. Removed
// feeds kept for their starred entries are listed last. Everything is read live from Dexie.
import { useState } from 'preact/hooks';
import { feedDisplayTitle, type FeedCountRow, type FeedRow, type FolderRow } from '../../db/model';
import { allFeeds, allFolders, feedCounts } from '../../db/queries';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t } from '../../ui/i18n';
import { useLiveQuery } from '../../ui/live-query';
import { command } from '../../ui/send';
import { useFeedDrag, type DropGroup } from './feed-drag';
import { FeedItem } from './feed-row';
import { FolderGroup } from './folder-group';
import { NewFolder } from './new-folder';
import { RemovedFeeds } from './removed-feeds';

/** Props: where to announce what happened. */
export function FeedsSection({ onStatus }: { onStatus: (text: string) => void }) {
  const data = useLiveQuery(() => Promise.all([allFeeds(), allFolders(), feedCounts()]), []);
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

function FeedsView({ feeds, folders, counts, onStatus }: ViewProps) {
  const [error, setError] = useState<AppError | undefined>();
  const subscribed = feeds.filter((feed) => feed.pauseReason !== 'removed');
  const removed = feeds.filter((feed) => feed.pauseReason === 'removed');
  const names = new Map(folders.map((folder) => [folder.id, folder.name]));
  // A feed whose folder was deleted elsewhere meanwhile shows here until its row catches up.
  const loose = subscribed.filter((feed) => !names.has(feed.folderId));
  const groups: DropGroup[] = [...folders.map((folder) => ({ folderId: folder.id, name: folder.name })), { folderId: 0, name: t('noFolder') }];

  async function move(feedId: number, folderId: number) {
    setError(undefined);
    const feed = feeds.find((row) => row.id === feedId);
    const result = await command('move-feeds', { feedIds: [feedId], folderId });
    if (!result.ok) setError(result.error);
    else if (feed) onStatus(t('feedMoved', feedDisplayTitle(feed), names.get(folderId) ?? t('noFolder')));
  }

  async function remove(feed: FeedRow, keepStarred: boolean) {
    setError(undefined);
    const result = await command('remove-feed', { feedId: feed.id, keepStarred });
    if (!result.ok) setError(result.error);
    else onStatus(result.value.kept > 0 ? t('removedKept', feedDisplayTitle(feed), result.value.kept) : t('removed', feedDisplayTitle(feed)));
  }

  const drag = useFeedDrag(groups, (feedId, folderId) => void move(feedId, folderId), onStatus, {
    picked: (feed, folder) => t('dragPicked', feed, folder),
    over: (folder) => t('dragOver', folder),
    dropped: (feed, folder) => t('dragDropped', feed, folder),
    cancelled: (feed) => t('dragCancelled', feed),
  });

  const rows = (list: FeedRow[]) =>
    list.map((feed) => (
      <FeedItem key={feed.id} feed={feed} counts={counts.get(feed.id)} folders={folders} drag={drag} onMove={(id, folderId) => void move(id, folderId)} onRemove={(row, keep) => void remove(row, keep)} onStatus={onStatus} />
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
              <FolderGroup key={folder.id} folder={folder} name={folder.name} first={index === 0} last={index === folders.length - 1} feeds={inside.length} drag={drag} onStatus={onStatus}>
                {rows(inside)}
              </FolderGroup>
            );
          })}
          <FolderGroup folder={undefined} name={t('noFolder')} first={false} last={false} feeds={loose.length} drag={drag} onStatus={onStatus}>
            {rows(loose)}
          </FolderGroup>
        </div>
      )}
      {removed.length > 0 && <RemovedFeeds feeds={removed} counts={counts} onStatus={onStatus} />}
    </>
  );
}
