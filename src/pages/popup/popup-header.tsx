// The popup's header: title, unread count (the number alone in data-testid="unread-count"), Refresh with
// its busy state and failure count, and the way to the options page.
import { t } from '../../ui/i18n';
import { openOptionsPage } from '../../ui/options-page';

/** Props: the count (undefined while loading: the element stays empty, never a non-number), refresh state and action. */
export interface PopupHeaderProps {
  count: number | undefined;
  refreshing: boolean;
  failed: number;
  onRefresh: () => void;
}

/** The header row. */
export function PopupHeader({ count, refreshing, failed, onRefresh }: PopupHeaderProps) {
  return (
    <header class="popup-header">
      <h1>{t('extName')}</h1>
      <span class="count">
        <span data-testid="unread-count">{count ?? ''}</span> <span class="muted">{t('unread')}</span>
      </span>
      {failed > 0 && <span class="failed">{t('refreshFailedCount', failed)}</span>}
      <button type="button" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing}>
        {t('refresh')}
      </button>
      <button type="button" class="link" onClick={openOptionsPage}>
        {t('options')}
      </button>
    </header>
  );
}
