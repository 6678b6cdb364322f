// The toolbar popup: unread entries newest first, refresh, mark all read. Text only: titles are shown as
// plain strings, never as HTML.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { feedDisplayTitle, type EntryRow, type FeedRow } from '../../db/model';
import { allFeeds } from '../../db/queries';
import { latestEntryId, viewCount, viewEntries, type ListView } from '../../db/views';
import type { AppError } from '../../shared/errors';
import { useHostAccess } from '../../ui/host-access';
import { t } from '../../ui/i18n';
import { useLiveQuery, type Live } from '../../ui/live-query';
import { openOptionsPage } from '../../ui/options-page';
import { command } from '../../ui/send';
import { ErrorAlert } from '../../ui/error-alert';
import { AccessNotice } from './access-notice';
import { EntryList } from './entry-list';
import { PopupHeader } from './popup-header';

/** Rendering more than this many rows buys nothing in a 540px popup; the footer says how many are hidden. */
export const ENTRY_CAP = 200;

const UNREAD: ListView = { kind: 'unread' };

/** The rows shown and the newest entry id when they were read ("mark all read" goes no further). */
async function unreadList(): Promise<{ rows: EntryRow[]; maxId: number }> {
  const [rows, maxId] = await Promise.all([viewEntries(UNREAD, 0, ENTRY_CAP), latestEntryId()]);
  return { rows, maxId };
}

/** The whole popup. */
export function PopupApp() {
  const list = useLiveQuery(unreadList, []);
  const entries: Live<EntryRow[]> = list.status === 'ready' ? { status: 'ready', value: list.value.rows } : list;
  const count = useLiveQuery(() => viewCount(UNREAD), []);
  const feeds = useLiveQuery(() => allFeeds(), []);
  const [refreshing, setRefreshing] = useState(false);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(0);
  const [error, setError] = useState<AppError | undefined>();
  const access = useHostAccess();
  const feedTitles = useMemo(() => new Map((feeds.status === 'ready' ? feeds.value : []).map((feed) => [feed.id, feedDisplayTitle(feed)])), [feeds]);

  // Put focus on the first entry once, so the keyboard works from the moment the popup opens.
  const firstReady = entries.status === 'ready' && entries.value.length > 0;
  useEffect(() => {
    if (firstReady) document.querySelector<HTMLButtonElement>('.entries button')?.focus();
  }, [firstReady]);

  async function refresh() {
    setRefreshing(true);
    setError(undefined);
    setStatus(t('refreshing'));
    const result = await command('refresh', {});
    setRefreshing(false);
    if (!result.ok) {
      setStatus('');
      setError(result.error);
      return;
    }
    setFailed(result.value.failed);
    setStatus(result.value.failed > 0 ? t('refreshFailed', result.value.failed) : t('refreshDone', result.value.feeds, result.value.added));
  }

  async function open(entryId: number) {
    const result = await command('open-entry', { entryId });
    if (result.ok) window.close();
    else setError(result.error);
  }

  async function markAllRead() {
    setError(undefined);
    if (list.status !== 'ready') return;
    const result = await command('mark-view-read', { view: UNREAD, maxId: list.value.maxId });
    if (result.ok) setStatus(t('markedAllRead', result.value.count));
    else setError(result.error);
  }

  const total = count.status === 'ready' ? count.value : undefined;
  return (
    <>
      <PopupHeader count={total} refreshing={refreshing} failed={failed} onRefresh={() => void refresh()} />
      <p class="status" role="status">{status}</p>
      {access === false && <AccessNotice />}
      {error && <ErrorAlert error={error} />}
      <main class="popup-main">
        <Body entries={entries} feeds={feeds} feedTitles={feedTitles} onOpen={(id) => void open(id)} />
      </main>
      <footer class="popup-footer">
        <span class="muted">{entries.status === 'ready' && total !== undefined && total > entries.value.length ? t('moreEntries', entries.value.length, total) : ''}</span>
        <button type="button" onClick={() => void markAllRead()} disabled={!total}>
          {t('markAllRead')}
        </button>
      </footer>
    </>
  );
}

type BodyProps = {
  entries: Live<EntryRow[]>;
  feeds: Live<FeedRow[]>;
  feedTitles: ReadonlyMap<number, string>;
  onOpen: (entryId: number) => void;
};

/** Loading, error, empty (with a hint when there are no feeds at all) or the list. */
function Body({ entries, feeds, feedTitles, onOpen }: BodyProps) {
  if (entries.status === 'error') return <p class="alert" role="alert">{t('loadFailed', entries.error.message)}</p>;
  if (entries.status === 'loading') return <p class="empty">{t('loading')}</p>;
  if (entries.value.length === 0) {
    const noFeeds = feeds.status === 'ready' && feeds.value.length === 0;
    return (
      <div class="empty">
        <strong>{t('noUnread')}</strong>
        <p>{noFeeds ? t('noFeedsHint') : t('noUnreadHint')}</p>
        {noFeeds && (
          <button type="button" class="primary" onClick={openOptionsPage}>
            {t('addFeeds')}
          </button>
        )}
      </div>
    );
  }
  return <EntryList entries={entries.value} feedTitles={feedTitles} onOpen={onOpen} now={Date.now()} />;
}
