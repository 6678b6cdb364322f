// Offline pictures: starred entries' are always kept; optionally the last N days' too, within a budget. Shows
// how much the kept pictures take, live from the database.
import { useState } from 'preact/hooks';
import { db } from '../../db/schema';
import { ErrorAlert } from '../../ui/error-alert';
import { t, tPlural, uiLocale } from '../../ui/i18n';
import { ROUND_THROTTLE_MS, useTableQuery } from '../../ui/table-query';
import type { Saver } from './images-save';

const MB = 1024 * 1024;

/** Props: the stored days and budget, and the saver. */
export function ImagesOffline({ days, budgetMb, saver }: { days: number; budgetMb: number; saver: Saver }) {
  const [dayText, setDayText] = useState(String(days));
  const [budgetText, setBudgetText] = useState(String(budgetMb));
  // By table, throttled (table-query.ts): open through a round, this page must not pay for the round's writes.
  const usage = useTableQuery(async () => (await db.images.toArray()).reduce((sum, row) => ({ count: sum.count + 1, bytes: sum.bytes + row.size }), { count: 0, bytes: 0 }), ['images'], { throttleMs: ROUND_THROTTLE_MS });
  const megabytes = (bytes: number) => new Intl.NumberFormat(uiLocale(), { maximumFractionDigits: 1 }).format(bytes / MB);
  return (
    <form
      class="images-offline"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void saver.save({ offlineRecentDays: Number(dayText), offlineBudgetMb: Number(budgetText) });
      }}
    >
      <p class="hint">{t('imagesOfflineHint')}</p>
      <label for="offline-days">{t('imagesRecentDaysLabel')}</label>
      <input id="offline-days" type="number" min={0} max={365} step={1} value={dayText} onInput={(event) => setDayText(event.currentTarget.value)} />
      <label for="offline-budget">{t('imagesBudgetLabel')}</label>
      <input id="offline-budget" type="number" min={10} max={100000} step={10} value={budgetText} onInput={(event) => setBudgetText(event.currentTarget.value)} />
      <p class="usage" data-testid="offline-usage">
        {usage.status === 'ready' ? tPlural('imagesUsage', usage.value.count, megabytes(usage.value.bytes)) : t('loading')}
      </p>
      <div class="actions">
        <button type="submit" class="primary" disabled={saver.busy} aria-busy={saver.busy}>
          {t('imagesSaveOffline')}
        </button>
      </div>
      {saver.error && <ErrorAlert error={saver.error} />}
    </form>
  );
}
