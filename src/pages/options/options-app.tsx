// The options page: subscribe to a feed, see and remove subscriptions. A polite status line announces
// what just happened; errors go to the form's alert. While access to websites is withdrawn, a banner
// on top says so and asks for it again.
import { useEffect, useState } from 'preact/hooks';
import { useHostAccess } from '../../ui/host-access';
import { t } from '../../ui/i18n';
import { AccessBanner } from './access-banner';
import { FeedList } from './feed-list';
import { ImagesSection } from './images-section';
import { SubscribeForm } from './subscribe-form';

/** The whole options page. */
export function OptionsApp() {
  const [status, setStatus] = useState('');
  const access = useHostAccess();
  useEffect(() => {
    document.title = t('optionsTitle');
  }, []);
  return (
    <main class="options">
      <h1>{t('extName')}</h1>
      {access === false && <AccessBanner />}
      <section aria-labelledby="subscribe-heading">
        <h2 id="subscribe-heading">{t('subscribeHeading')}</h2>
        <SubscribeForm access={access} onStatus={setStatus} />
      </section>
      <p class="status" role="status">{status}</p>
      <section aria-labelledby="feeds-heading">
        <h2 id="feeds-heading">{t('feedsHeading')}</h2>
        <FeedList onStatus={setStatus} />
      </section>
      <ImagesSection onStatus={setStatus} />
    </main>
  );
}
