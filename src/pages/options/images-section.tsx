// Options → Images: when pictures load, image rules, Referer rules, a candidate tester and offline pictures.
// Each part saves through the worker's update-settings command; the forms start from the stored settings.
import { t } from '../../ui/i18n';
import { useSettings } from '../../ui/settings';
import { ImagesLoading } from './images-loading';
import { ImagesOffline } from './images-offline';
import { ImagesReferer } from './images-referer';
import { ImagesRules } from './images-rules';
import { useSaver } from './images-save';
import { ImagesTest } from './images-test';
import './images-section.css';

/** Props: where to announce a saved change (the page's status line). */
export function ImagesSection({ onStatus }: { onStatus: (text: string) => void }) {
  const settings = useSettings();
  const loading = useSaver(onStatus);
  const rules = useSaver(onStatus);
  const referer = useSaver(onStatus);
  const offline = useSaver(onStatus);
  return (
    <section aria-labelledby="images-heading" class="images-section">
      <h2 id="images-heading">{t('imagesHeading')}</h2>
      {!settings ? (
        <p class="muted">{t('loading')}</p>
      ) : (
        <>
          <ImagesLoading value={settings.imageLoading} saver={loading} />
          <h3>{t('imagesRulesHeading')}</h3>
          <ImagesRules rules={settings.imageRules} saver={rules} />
          <h3>{t('imagesTestHeading')}</h3>
          <ImagesTest rules={settings.imageRules} />
          <h3>{t('imagesRefererHeading')}</h3>
          <ImagesReferer rules={settings.refererRules} saver={referer} />
          <h3>{t('imagesOfflineHeading')}</h3>
          <ImagesOffline days={settings.offlineRecentDays} budgetMb={settings.offlineBudgetMb} saver={offline} />
        </>
      )}
    </section>
  );
}
