// The toolbar popup: the chosen list (a view or search results) in a virtualized list, Refresh with
// progress, Mark all read, failing feeds, and the feeds the current page offers. Text only: titles are shown
// as plain strings, never as HTML. Data comes from Dexie; every change goes to the worker as a command.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { feedDisplayTitle, type EntryRow } from '../../db/model';
import { allFeeds, allFolders, feedCounts } from '../../db/queries';
import { db } from '../../db/schema';
import { checkedList } from '../../db/reader-list';
import type { RoundStatus } from '../../db/status';
import type { ListView } from '../../db/views';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { useHostAccess } from '../../ui/host-access';
import { t, tPlural } from '../../ui/i18n';
import { useLiveQuery } from '../../ui/live-query';
import { command } from '../../ui/send';
import { AccessNotice } from './access-notice';
import { FailingFeeds } from './failing-feeds';
import { ListBody } from './list-body';
import { PageFeeds } from './page-feeds';
import { PopupHeader } from './popup-header';
import { SearchBox } from './search-box';
import { ViewPicker } from './view-picker';
import { listViewOf, type Filter, type Scope } from './view-state';

/** The whole popup. */
export function PopupApp() {
  const [filter, setFilter] = useState<Filter>('unread');
  const [scope, setScope] = useState<Scope>({ kind: 'everything' });
  const [query, setQuery] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppError | undefined>();
  const feeds = useLiveQuery(() => allFeeds(), []);
  const folders = useLiveQuery(() => allFolders(), []);
  const counts = useLiveQuery(() => feedCounts(), []);
  const round = useLiveQuery(async () => (await db.status.get('round')) as RoundStatus | undefined, []);
  const access = useHostAccess();
  const view: ListView = listViewOf(filter, scope);
  const feedList = feeds.status === 'ready' ? feeds.value : [];
  const feedTitles = useMemo(() => new Map(feedList.map((feed) => [feed.id, feedDisplayTitle(feed)])), [feeds]);
  const unread = counts.status === 'ready' ? [...counts.value.values()].reduce((sum, row) => sum + row.unread, 0) : undefined;

  // A reply that failed shows its error; a reply that worked says what it did in the status line.
  async function run<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: AppError }>, done?: (value: T) => string) {
    setError(undefined);
    const result = await promise;
    if (!result.ok) setError(result.error);
    else if (done) setStatus(done(result.value));
  }

  async function refresh() {
    setRefreshing(true);
    setStatus(t('refreshing'));
    await run(command('refresh', {}), (value) => (value.failed > 0 ? tPlural('refreshFailed', value.failed) : t('refreshDone', tPlural('countFeeds', value.feeds), tPlural('countNewEntries', value.added))));
    setRefreshing(false);
  }

  const open = async (entry: EntryRow) => {
    // A search the reader's list cannot carry (a tab pasted in, over 500 characters) opens the entry alone.
    const list = query === '' ? view : checkedList({ kind: 'search', query });
    const result = await command('open-entry', list ? { entryId: entry.id, view: list } : { entryId: entry.id });
    if (result.ok) window.close();
    else setError(result.error);
  };

  return (
    <>
      <PopupHeader count={unread} refreshing={refreshing} round={round.status === 'ready' ? round.value : undefined} onRefresh={() => void refresh()} />
      <PageFeeds onSubscribed={(title) => setStatus(t('subscribed', title))} onError={setError} />
      <SearchBox onSearch={setQuery} onLeave={() => document.querySelector<HTMLButtonElement>('.entries .open[tabindex="0"]')?.focus()} />
      {query === '' && (
        <ViewPicker filter={filter} scope={scope} feeds={feedList} folders={folders.status === 'ready' ? folders.value : []} counts={counts.status === 'ready' ? counts.value : new Map()}
          onFilter={(next) => {
            setFilter(next);
            if (next === 'starred') setScope({ kind: 'everything' });
          }}
          onScope={(next) => {
            setScope(next);
            if (filter === 'starred') setFilter('unread');
          }}
        />
      )}
      <p class="status" role="status">{status}</p>
      {access === false && <AccessNotice />}
      {error && <ErrorAlert error={error} />}
      <FailingFeeds feeds={feedList.filter((feed) => scope.kind !== 'feed' || feed.id === scope.feedId)} />
      <ListBody
        source={query === '' ? { kind: 'view', view } : { kind: 'search', query }}
        feeds={feeds}
        feedTitles={feedTitles}
        onOpen={(entry) => void open(entry)}
        onToggleRead={(entry) => void run(command('mark-read', { entryIds: [entry.id], read: entry.read === 0 }))}
        onToggleStar={(entry) => void run(command('set-starred', { entryIds: [entry.id], starred: entry.starred === 0 }))}
        onMarkAll={(promise) => void run(promise, (value) => tPlural('markedAllRead', value.count))}
      />
    </>
  );
}
