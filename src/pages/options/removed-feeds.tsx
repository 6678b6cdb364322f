// Feeds the user removed but whose starred entries they kept: not polled, listed here with how many entries
// they hold. Subscribe again resumes the feed (with those entries); Delete removes it and them.
import { feedDisplayTitle, type FeedCountRow, type FeedRow } from '../../db/model';
import { t, tPlural } from '../../ui/i18n';
import { command } from '../../ui/send';

/** Props: the removed feeds, their counts, where to announce. */
export interface RemovedFeedsProps {
  feeds: FeedRow[];
  counts: Map<number, FeedCountRow>;
  onStatus: (text: string) => void;
}

/** `<section>` "Removed feeds". */
export function RemovedFeeds({ feeds, counts, onStatus }: RemovedFeedsProps) {
  return (
    <section class="removed" aria-labelledby="removed-heading">
      <h3 id="removed-heading">{t('removedHeading')}</h3>
      <p class="hint">{t('removedHint')}</p>
      <ul class="feeds" aria-label={t('removedHeading')}>
        {feeds.map((feed) => {
          const name = feedDisplayTitle(feed);
          return (
            <li key={feed.id} class="feed-row">
              <div class="feed-line">
                <div class="info">
                  <span class="name">{name}</span>
                  <span class="url">{feed.url}</span>
                  <p class="hint">{tPlural('removedKeeps', counts.get(feed.id)?.starred ?? 0)}</p>
                </div>
                <div class="actions">
                  <button type="button" aria-label={t('resubscribeLabel', name)} onClick={() => void command('update-feed', { feedId: feed.id, patch: { paused: false } }).then((result) => result.ok && onStatus(t('resubscribed', name)))}>
                    {t('resubscribe')}
                  </button>
                  <button type="button" class="danger" aria-label={t('deleteRemovedLabel', name)} onClick={() => void command('remove-feed', { feedId: feed.id, keepStarred: false }).then((result) => result.ok && onStatus(t('removed', name)))}>
                    {t('delete')}
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
