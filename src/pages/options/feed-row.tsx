// One subscription in the feeds list: a grip to drag it (pointer or keyboard), its name, address, state and
// counts, then Move to…, Settings (the per-feed settings, opened in place) and Remove.
import { useState } from 'preact/hooks';
import { feedDisplayTitle, type FeedCountRow, type FeedRow, type FolderRow } from '../../db/model';
import { t } from '../../ui/i18n';
import { FeedSettings } from './feed-settings';
import { feedStatus } from './feed-status';
import type { useFeedDrag } from './feed-drag';
import { MoveMenu } from './move-menu';
import { RemoveFeed } from './remove-feed';

/** Props: the feed, its counts, the folders, the drag helpers, and the actions the list performs. */
export interface FeedRowProps {
  feed: FeedRow;
  counts: FeedCountRow | undefined;
  folders: FolderRow[];
  drag: ReturnType<typeof useFeedDrag>;
  onMove: (feedId: number, folderId: number) => void;
  onRemove: (feed: FeedRow, keepStarred: boolean) => void;
  onStatus: (text: string) => void;
}

/** `<li class="feed-row">`. */
export function FeedItem({ feed, counts, folders, drag, onMove, onRemove, onStatus }: FeedRowProps) {
  const [open, setOpen] = useState(false);
  const name = feedDisplayTitle(feed);
  const status = feedStatus(feed);
  const panel = `feed-settings-${feed.id}`;
  return (
    <li class={drag.carrying === feed.id ? 'feed-row carried' : 'feed-row'} data-feed-id={feed.id}>
      {/* Only this line drags: text in the settings panel below stays selectable. */}
      <div class="feed-line" {...drag.row(feed.id)}>
        <button type="button" class="grip" aria-label={t('dragFeedLabel', name)} aria-describedby="drag-help" {...drag.grip(feed.id, name, feed.folderId)}>
          <span aria-hidden="true">⠿</span>
        </button>
        <div class="info">
          <span class="name">{name}</span>
          <span class="url">{feed.url}</span>
          <p class={status.problem ? 'state problem' : 'state'}>{status.text}</p>
          {counts && <p class="hint">{t('feedCounts', counts.unread, counts.starred, counts.total)}</p>}
        </div>
        <div class="actions">
          <MoveMenu feedId={feed.id} feedName={name} folderId={feed.folderId} folders={folders} onMove={(folderId) => onMove(feed.id, folderId)} />
          <button type="button" aria-expanded={open} aria-controls={panel} aria-label={t('feedSettingsLabel', name)} onClick={() => setOpen(!open)}>
            {t('feedSettingsButton')}
          </button>
          <RemoveFeed feedId={feed.id} name={name} starred={counts?.starred ?? 0} onRemove={(keep) => onRemove(feed, keep)} />
        </div>
      </div>
      {open && <FeedSettings id={panel} feed={feed} counts={counts} onStatus={onStatus} />}
    </li>
  );
}
