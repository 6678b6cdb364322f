// The full-disk notice of the storage section: how many old entries the worker removed to make room (the
// storage status row), shown until the user dismisses it.
import { useState } from 'preact/hooks';
import { db } from '../../db/schema';
import type { StorageStatus } from '../../db/status';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t, uiLocale } from '../../ui/i18n';
import { useLiveQuery } from '../../ui/live-query';
import { command } from '../../ui/send';

/** The notice, when the worker recorded a full disk the user has not dismissed yet. */
export function StorageNotice() {
  // One row the worker writes only when the disk is full (or after retention): a plain live query.
  const storage = useLiveQuery(async () => (await db.status.get('storage')) as StorageStatus | undefined, []);
  const [error, setError] = useState<AppError | undefined>();
  const [busy, setBusy] = useState(false);
  const fullAt = storage.status === 'ready' ? storage.value?.fullAt : undefined;
  if (fullAt === undefined) return null;
  const pruned = (storage.status === 'ready' && storage.value?.prunedEntries) || 0;

  async function dismiss(shown: number) {
    setBusy(true);
    setError(undefined);
    const result = await command('dismiss-storage-notice', { fullAt: shown });
    setBusy(false);
    if (!result.ok) setError(result.error);
  }

  return (
    <div class="alert storage-notice" role="alert">
      <p>{pruned > 0 ? t('storageFullPruned', new Intl.NumberFormat(uiLocale()).format(pruned)) : t('storageFullNothingPruned')}</p>
      <button type="button" disabled={busy} onClick={() => void dismiss(fullAt)}>
        {t('dismissStorageNotice')}
      </button>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
