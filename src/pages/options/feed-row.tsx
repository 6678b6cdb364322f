// One subscription in the feeds list: a grip to drag it (pointer or keyboard), its name, address, state and
// counts, then Move to…, Settings (the per-feed settings, opened in place) and Remove. Memoized on what it
// shows (same-row.ts): a round writes every feed row several times (claims, bookkeeping), and a list of
// 1,000 feeds redrawn on each write took most of the CPU of that round. The open settings panel reads its feed
// live by itself.
import { Component } from 'preact';
import { useState } from 'preact/hooks';
import { feedDisplayTitle, type FeedCountRow, type FeedRow, type FolderRow } from '../../db/model';
import { t, tPlural } from '../../ui/i18n';
import type { FeedDragHandlers } from './feed-drag';
import { feedStatus } from './feed-status';
import { LiveFeedSettings } from './feed-settings';
import { MoveMenu } from './move-menu';
import { RemoveFeed } from './remove-feed';
import { sameRow } from './same-row';

/** Props: the feed, its counts, the folders, the drag, the list's minute clock, and the actions. */
export interface FeedRowProps {
  feed: FeedRow;
  counts: FeedCountRow | undefined;
  folders: FolderRow[];
  /** True while this feed is carried by the keyboard drag. */
  carried: boolean;
  drag: FeedDragHandlers;
  /** The list's clock, which ticks once a minute: a new value draws the row again, so "Updated 5 minutes ago"
   * moves on while the page stays open (the text itself is told from the time of drawing). */
  minute: number;
  onMove: (feedId: number, folderId: number) => void;
  onRemove: (feed: FeedRow, keepStarred: boolean) => void;
  onStatus: (text: string) => void;
}

function FeedLine({ feed, counts, folders, carried, drag, onMove, onRemove, onStatus }: FeedRowProps) {
  const [open, setOpen] = useState(false);
  const name = feedDisplayTitle(feed);
  const status = feedStatus(feed);
  const panel = `feed-settings-${feed.id}`;
  return (
    <li class={carried ? 'feed-row carried' : 'feed-row'} data-feed-id={feed.id}>
      {/* Only this line drags: text in the settings panel below stays selectable. */}
      <div class="feed-line" {...drag.row(feed.id)}>
        <button type="button" class="grip" aria-label={t('dragFeedLabel', name)} aria-describedby="drag-help" aria-pressed={carried} {...drag.grip(feed.id, name, feed.folderId)}>
          <span aria-hidden="true">⠿</span>
        </button>
        <div class="info">
          <span class="name">{name}</span>
          <span class="url">{feed.url}</span>
          <p class={status.problem ? 'state problem' : 'state'}>{status.text}</p>
          {counts && <p class="hint">{tPlural('feedCounts', counts.total, counts.unread, counts.starred)}</p>}
        </div>
        <div class="actions">
          <MoveMenu feedId={feed.id} feedName={name} folderId={feed.folderId} folders={folders} onMove={(folderId) => onMove(feed.id, folderId)} />
          <button type="button" aria-expanded={open} aria-controls={panel} aria-label={t('feedSettingsLabel', name)} onClick={() => setOpen(!open)}>
            {t('feedSettingsButton')}
          </button>
          <RemoveFeed feedId={feed.id} name={name} starred={counts?.starred ?? 0} onRemove={(keep) => onRemove(feed, keep)} />
        </div>
      </div>
      {open && <LiveFeedSettings id={panel} feed={feed} counts={counts} onStatus={onStatus} />}
    </li>
  );
}

/** `<li class="feed-row">`, drawn again only when what it shows changed (its own state changes still draw it). */
export class FeedItem extends Component<FeedRowProps> {
  override shouldComponentUpdate(next: FeedRowProps): boolean {
    return !sameRow(this.props, next);
  }

  override render(props: FeedRowProps) {
    return <FeedLine {...props} />;
  }
}
