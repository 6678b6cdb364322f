// The options page: subscribe to a feed, see and remove subscriptions. A polite status line announces
// what just happened; errors go to the form's alert.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../ui/i18n';
import { FeedList } from './feed-list';
import { SubscribeForm } from './subscribe-form';

/** The whole options page. */
export function OptionsApp() {
  const [status, setStatus] = useState('');
  useEffect(() => {
    document.title = t('optionsTitle');
  }, []);
  return (
    <main class="options">
      <h1>{t('extName')}</h1>
      <section aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading">{t('subscribeHeading')}</h2>
        <SubscribeForm onStatus={setStatus} />
      </section>
      <p class="status" role="status">{status}</p>
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('feedsHeading')}</h2>
        <FeedList onStatus={setStatus} />
      </section>
    </main>
  );
}
