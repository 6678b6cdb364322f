// The options page's first section while access to websites is withdrawn: what is wrong, what it breaks,
// and the button that asks for it again. It goes away by itself once access is granted (useHostAccess).
import { useState } from 'preact/hooks';
import { requestFailedText, requestHostAccess } from '../../ui/host-access';
import { t } from '../../ui/i18n';

/** A region named by its heading, above everything else on the page. */
export function AccessBanner() {
  const [refusal, setRefusal] = useState('');

  function allow() {
    setRefusal('');
    // A "yes" needs no handling here: it fires permissions.onAdded, which hides the banner; a "no" leaves it.
    requestHostAccess().catch((error: unknown) => setRefusal(requestFailedText(error)));
  }

  return (
    <section class="access-banner" aria-labelledby="access-heading">
      <h2 id="access-heading">{t('accessMissingHeading')}</h2>
      <p>{t('accessMissingBody')}</p>
      <button type="button" class="primary" onClick={allow}>
        {t('allowAccess')}
      </button>
      {refusal && <p class="detail" role="alert">{refusal}</p>}
    </section>
  );
}
