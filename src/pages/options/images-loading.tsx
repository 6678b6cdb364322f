// "Load pictures": always, only from the mirror's CDN copies, or only on click. Saved as soon as it changes.
import { IMAGE_LOADINGS, type ImageLoading } from '../../images';
import { ErrorAlert } from '../../ui/error-alert';
import { t, type MessageKey } from '../../ui/i18n';
import type { Saver } from './images-save';

const LABELS: Record<ImageLoading, MessageKey> = { always: 'imagesLoadingAlways', 'cdn-only': 'imagesLoadingCdnOnly', 'on-click': 'imagesLoadingOnClick' };

/** Props: the stored setting and the saver. */
export function ImagesLoading({ value, saver }: { value: ImageLoading; saver: Saver }) {
  return (
    <fieldset class="images-loading">
      <legend>{t('imagesLoadingLegend')}</legend>
      {IMAGE_LOADINGS.map((loading) => (
        <label key={loading} class="choice">
          <input type="radio" name="image-loading" value={loading} checked={value === loading} disabled={saver.busy} onChange={() => void saver.save({ imageLoading: loading })} />
          {t(LABELS[loading])}
        </label>
      ))}
      <p class="hint">{t('imagesLoadingHint')}</p>
      {saver.error && <ErrorAlert error={saver.error} />}
    </fieldset>
  );
}
