// Storage and about: the full-disk notice (storage-notice.tsx), how much the browser says the extension's data
// takes (navigator.storage.estimate, the same origin as the worker's database), whether it is kept when space
// runs low — with a button asking the browser to keep it, since Chromium's worker cannot ask (quota.ts) — the
// library's size from the exact per-feed counts, and the version.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { feedCounts } from '../../db/queries';
import { t, uiLocale } from '../../ui/i18n';
import { ROUND_THROTTLE_MS, useTableQuery } from '../../ui/table-query';
import { StorageNotice } from './storage-notice';

interface Estimate {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

/** What the last request to keep the data got: nothing asked yet, or the browser's no. */
type Ask = 'idle' | 'asking' | 'refused';

/** The section's facts. */
export function StorageSection() {
  const [estimate, setEstimate] = useState<Estimate | undefined>();
  const [ask, setAsk] = useState<Ask>('idle');
  const [asked, setAsked] = useState(0);
  // Every poll that adds entries rewrites its feed's counts: during a round, read them at most once a second.
  const counts = useTableQuery(() => feedCounts(), ['feedCounts'], { throttleMs: ROUND_THROTTLE_MS });
  const entries = counts.status === 'ready' ? [...counts.value.values()].reduce((sum, row) => sum + row.total, 0) : undefined;

  // Asked again whenever the number of entries changes (a poll, a restore, a removal).
  useEffect(() => {
    let live = true;
    void Promise.all([navigator.storage?.estimate?.(), navigator.storage?.persisted?.()]).then(([found, persisted]) => {
      if (live) setEstimate({ usage: found?.usage, quota: found?.quota, persisted });
    });
    return () => {
      live = false;
    };
  }, [entries, asked]);

  // The browser decides alone (Chromium by how the extension is used, Firefox may ask the user); no means no.
  const askToKeep = async () => {
    setAsk('asking');
    const granted = await navigator.storage.persist().catch(() => false);
    setAsk(granted ? 'idle' : 'refused');
    setAsked((count) => count + 1);
  };

  const size = (bytes: number | undefined) => (bytes === undefined ? '…' : new Intl.NumberFormat(uiLocale(), { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000));
  return (
    <>
      <StorageNotice />
      <dl class="facts">
        <dt>{t('storageUsed')}</dt>
        <dd data-testid="storage-used">{estimate?.quota ? t('storageOf', size(estimate.usage), size(estimate.quota)) : size(estimate?.usage)}</dd>
        <dt>{t('storagePersisted')}</dt>
        <dd>
          {estimate?.persisted === undefined ? '…' : t(estimate.persisted ? 'yes' : 'storageNotPersisted')}
          {estimate?.persisted === false && typeof navigator.storage?.persist === 'function' && (
            <>
              {' '}
              <button type="button" onClick={() => void askToKeep()} disabled={ask === 'asking'} aria-busy={ask === 'asking'}>
                {t('storagePersistAsk')}
              </button>
            </>
          )}
          {ask === 'refused' && <p role="status">{t('storagePersistRefused')}</p>}
        </dd>
        <dt>{t('storageEntries')}</dt>
        <dd>{entries === undefined ? '…' : new Intl.NumberFormat(uiLocale()).format(entries)}</dd>
        <dt>{t('version')}</dt>
        <dd>{browser.runtime.getManifest().version}</dd>
      </dl>
    </>
  );
}
