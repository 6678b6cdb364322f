// One line above the popup's list while access to websites is withdrawn, with the way to fix it. The fix
// happens on the options page rather than here: in Firefox a permission prompt closes the popup, which
// would lose the answer along with the page that asked.
import { t } from '../../ui/i18n';
import { openOptionsPage } from '../../ui/options-page';

/** The notice; role="alert", so it is announced as the popup opens. */
export function AccessNotice() {
  return (
    <p class="access-notice" role="alert">
      <span>{t('accessMissingShort')}</span>
      <button type="button" class="link" onClick={openOptionsPage}>
        {t('accessFix')}
      </button>
    </p>
  );
}
