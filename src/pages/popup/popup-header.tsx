// The popup's header: title, unread count (the number alone in data-testid="unread-count"), Refresh with
// the round's live progress (the worker's `status` row 'round'), and the way to the options page.
import type { RoundStatus } from '../../db/status';
import { t, tPlural } from '../../ui/i18n';
import { openOptionsPage } from '../../ui/options-page';

/** Props: the count (undefined while loading: the element stays empty, never a non-number), refresh state and action. */
export interface PopupHeaderProps {
  count: number | undefined;
  refreshing: boolean;
  round: RoundStatus | undefined;
  onRefresh: () => void;
}

/** The header row, and the progress of a round while one runs. */
export function PopupHeader({ count, refreshing, round, onRefresh }: PopupHeaderProps) {
  const running = round !== undefined && round.finishedAt === undefined;
  return (
    <header class="popup-header">
      <div class="header-row">
        <h1>{t('extName')}</h1>
        <span class="count">
          <span data-testid="unread-count">{count ?? ''}</span> <span class="muted">{t('unread')}</span>
        </span>
        {/* A round left unfinished by a stopped worker is resumed (or extended) by Refresh, so only this popup's own pending Refresh disables it. */}
        <button type="button" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing || running}>
          {t('refresh')}
        </button>
        <button type="button" class="link" onClick={openOptionsPage}>
          {t('options')}
        </button>
      </div>
      {running && (
        <div class="round-progress">
          <progress max={Math.max(round.total, 1)} value={round.done} aria-label={t('refreshProgressLabel')} />
          <span>{tPlural('refreshProgress', round.total, round.done)}</span>
        </div>
      )}
    </header>
  );
}
