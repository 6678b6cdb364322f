// The feeds the current tab's page advertises, each subscribed in one click (or previewed on the options
// page first). The tab is the active one of the popup's window; `#tab=<id>` names another (a popup opened as
// a tab, as the tests do).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PageFeed } from '../../background/page-feeds';
import type { AppError } from '../../shared/errors';
import { t } from '../../ui/i18n';
import { command } from '../../ui/send';

/** The tab the popup is about. */
async function currentTab(): Promise<number | undefined> {
  const named = /(?:^#|&)tab=(\d+)/.exec(location.hash);
  if (named) return Number(named[1]);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Props: what to say after subscribing, and where a failure goes. */
export interface PageFeedsProps {
  onSubscribed: (title: string) => void;
  onError: (error: AppError) => void;
}

/** The box, or nothing when the page offers no feed. */
export function PageFeeds({ onSubscribed, onError }: PageFeedsProps) {
  const [feeds, setFeeds] = useState<PageFeed[]>([]);
  const [tabId, setTabId] = useState<number | undefined>();
  const [busy, setBusy] = useState('');
  const load = async (tab: number) => {
    const result = await command('page-feeds', { tabId: tab });
    if (result.ok) setFeeds(result.value.feeds);
  };
  useEffect(() => {
    void currentTab().then((tab) => {
      setTabId(tab);
      if (tab !== undefined) void load(tab);
    });
  }, []);
  if (feeds.length === 0) return null;

  const subscribe = async (feed: PageFeed) => {
    setBusy(feed.url);
    const result = await command('subscribe', { url: feed.url });
    setBusy('');
    if (!result.ok) onError(result.error);
    else onSubscribed(result.value.title);
    if (tabId !== undefined) await load(tabId);
  };
  const preview = (feed: PageFeed) => void browser.tabs.create({ url: browser.runtime.getURL(`src/pages/options/index.html#subscribe=${encodeURIComponent(feed.url)}`) });

  return (
    <section class="page-feeds" aria-labelledby="page-feeds-heading">
      <h2 id="page-feeds-heading">{t('pageFeedsHeading')}</h2>
      <ul>
        {feeds.map((feed) => {
          const name = feed.title || feed.url;
          return (
            <li key={feed.url}>
              <span class="name" title={feed.url}>{name}</span>
              {feed.feedId !== undefined ? (
                <span class="muted">{t('pageFeedSubscribed')}</span>
              ) : (
                <>
                  <button type="button" class="link" aria-label={t('pageFeedPreviewOf', name)} onClick={() => preview(feed)}>
                    {t('pageFeedPreview')}
                  </button>
                  <button type="button" class="primary" aria-label={t('pageFeedSubscribeTo', name)} disabled={busy === feed.url} aria-busy={busy === feed.url} onClick={() => void subscribe(feed)}>
                    {t('pageFeedSubscribe')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
