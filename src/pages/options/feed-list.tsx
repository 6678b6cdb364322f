// The subscriptions: title, address, last error, and Remove with an in-page confirmation.
import { useEffect, useRef, useState } from 'preact/hooks';
import { allFeeds } from '../../db/queries';
import { feedDisplayTitle, type FeedRow } from '../../db/model';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t, uiLocale } from '../../ui/i18n';
import { useLiveQuery } from '../../ui/live-query';
import { command } from '../../ui/send';
import { relativeTime } from '../../ui/time';
import { errorText } from '../../ui/user-error';

/** Props: where to announce removals. */
export interface FeedListProps {
  onStatus: (text: string) => void;
}

/** `<ul aria-label="Feeds">`, always present (empty when there are no feeds) so its state is observable. */
export function FeedList({ onStatus }: FeedListProps) {
  const feeds = useLiveQuery(() => allFeeds(), []);
  const [error, setError] = useState<AppError | undefined>();
  if (feeds.status === 'error') return <p class="alert" role="alert">{t('loadFailed', feeds.error.message)}</p>;
  const rows = feeds.status === 'ready' ? feeds.value : [];

  async function remove(feed: FeedRow) {
    setError(undefined);
    const result = await command('unsubscribe', { feedId: feed.id });
    if (result.ok) onStatus(t('removed', feedDisplayTitle(feed)));
    else setError(result.error);
  }

  return (
    <>
      {error && <ErrorAlert error={error} />}
      {feeds.status === 'loading' && <p class="muted">{t('loading')}</p>}
      {feeds.status === 'ready' && rows.length === 0 && <p class="empty">{t('noFeeds')}</p>}
      <ul class="feeds" aria-label={t('feedsLabel')}>
        {rows.map((feed) => (
          <FeedItem key={feed.id} feed={feed} onRemove={() => void remove(feed)} />
        ))}
      </ul>
    </>
  );
}

/** One subscription; Remove turns into "Remove …? Yes, remove / Cancel". */
function FeedItem({ feed, onRemove }: { feed: FeedRow; onRemove: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const title = feedDisplayTitle(feed);
  const asked = useRef(false);

  // Focus follows the question: onto Cancel (the safe choice) when asked, back to Remove when cancelled.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (asked.current) removeButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);

  return (
    <li>
      <div class="info">
        <span class="name">{title}</span>
        <span class="url">{feed.url}</span>
        <p class="hint">{feed.lastFetchedAt ? t('feedUpdated', relativeTime(feed.lastFetchedAt, Date.now(), uiLocale())) : t('feedNeverUpdated')}</p>
        {feed.lastError && <p class="feed-error">{t('feedLastError', errorText(feed.lastError))}</p>}
      </div>
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby={`confirm-${feed.id}`}>
          <p id={`confirm-${feed.id}`}>{t('removeConfirm', title)}</p>
          <button type="button" class="danger" onClick={onRemove}>
            {t('removeYes')}
          </button>
          <button type="button" ref={cancel} onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <button type="button" ref={removeButton} aria-label={t('removeFeed', title)} onClick={() => setConfirming(true)}>
          {t('remove')}
        </button>
      )}
    </li>
  );
}
