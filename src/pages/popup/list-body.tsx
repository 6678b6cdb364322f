// The list area: reads the count and the rows on screen for a view or a search, shows the list or what to do
// when it is empty, and the footer's Mark all read — for a view, the entries with ids up to the newest id
// read together with the rows shown; for a search, exactly the results listed.
import { useEffect, useState } from 'preact/hooks';
import type { EntryRow, FeedRow } from '../../db/model';
import { encodeView, viewCount } from '../../db/views';
import type { Result } from '../../shared/messages';
import { t, tPlural } from '../../ui/i18n';
import { useLiveQuery, type Live } from '../../ui/live-query';
import { openOptionsPage } from '../../ui/options-page';
import { command } from '../../ui/send';
import { EntryList } from './entry-list';
import { searchWindow, viewWindow, windowFor, type ListSource, type ListWindow } from './list-source';
import { loadSearch } from './search-loader';

/** Props: what to list, the feeds (for names and the empty state), and the actions. */
export interface ListBodyProps {
  source: ListSource;
  feeds: Live<FeedRow[]>;
  feedTitles: ReadonlyMap<number, string>;
  onOpen: (entry: EntryRow) => void;
  onToggleRead: (entry: EntryRow) => void;
  onToggleStar: (entry: EntryRow) => void;
  onMarkAll: (reply: Promise<Result<{ count: number }>>) => void;
}

/** The list with its footer. */
export function ListBody({ source, feeds, feedTitles, onOpen, onToggleRead, onToggleStar, onMarkAll }: ListBodyProps) {
  const key = source.kind === 'view' ? encodeView(source.view) : `search:${source.query}`;
  const [range, setRange] = useState({ key, ...windowFor(0, 0) });
  const current = range.key === key ? range : { key, ...windowFor(0, 0) };
  // Each answer carries the key it was read for: a live query keeps its last value while the next one runs,
  // which for a moment would be the previous list's.
  const search = useSearchModule(source.kind === 'search');
  // The module is loaded outside the live query: awaiting an import inside one would lose track of its reads.
  const ids = useLiveQuery(async () => ({ key, ids: source.kind === 'search' && search ? await search.searchEntries(source.query) : undefined }), [key, search]);
  const total = useLiveQuery(async () => ({ key, count: source.kind === 'view' ? await viewCount(source.view) : 0 }), [key]);
  const found = ids.status === 'ready' && ids.value.key === key ? ids.value.ids : undefined;
  const viewTotal = total.status === 'ready' && total.value.key === key ? total.value.count : undefined;
  const count = source.kind === 'search' ? found?.length : viewTotal;
  const rows = useLiveQuery(async (): Promise<(ListWindow & { key: string }) | undefined> => {
    if (source.kind === 'view') return { key, ...(await viewWindow(source.view, current.offset, current.limit)) };
    return found ? { key, ...(await searchWindow(found, current.offset, current.limit)) } : undefined;
  }, [key, current.offset, current.limit, found]);
  const shown = rows.status === 'ready' && rows.value?.key === key ? rows.value : undefined;
  const rowAt = (index: number) => (shown ? shown.rows[index - shown.offset] : undefined);
  const onRange = (first: number, last: number) => {
    if (first >= current.offset && last < current.offset + current.limit && current.key === key) return;
    setRange({ key, ...windowFor(first, last) });
  };

  const markAll = () => {
    if (source.kind === 'search') onMarkAll(command('mark-read', { entryIds: found ?? [], read: true }));
    else if (shown) onMarkAll(command('mark-view-read', { view: source.view, maxId: shown.maxId }));
  };
  const label = source.kind === 'search' ? t('searchResultsLabel') : t(source.view.kind === 'starred' ? 'starredEntriesLabel' : source.view.kind === 'unread' || (source.view.kind !== 'all' && source.view.unreadOnly) ? 'unreadEntriesLabel' : 'allEntriesLabel');

  return (
    <>
      <main class="popup-main">
        {rows.status === 'error' || ids.status === 'error' || total.status === 'error' ? (
          <p class="alert" role="alert">{t('loadFailed', [rows, ids, total].map((live) => (live.status === 'error' ? live.error.message : '')).join(' '))}</p>
        ) : count === undefined || !shown ? (
          <p class="empty">{t('loading')}</p>
        ) : count === 0 ? (
          <Empty source={source} noFeeds={feeds.status === 'ready' && feeds.value.length === 0} />
        ) : (
          <EntryList key={key} label={label} count={count} rowAt={rowAt} onRange={onRange} feedTitles={feedTitles} onOpen={onOpen} onToggleRead={onToggleRead} onToggleStar={onToggleStar} now={Date.now()} />
        )}
      </main>
      <footer class="popup-footer">
        <span class="muted" data-testid="list-count">{count === undefined ? '' : tPlural(source.kind === 'search' ? 'resultCount' : 'entryCount', count)}</span>
        <button type="button" onClick={markAll} disabled={!count || !shown}>
          {t('markAllRead')}
        </button>
      </footer>
    </>
  );
}

/** What an empty list says, and the way to the options page when there are no feeds at all. */
function Empty({ source, noFeeds }: { source: ListSource; noFeeds: boolean }) {
  if (source.kind === 'search') return <div class="empty"><strong>{t('noResults', source.query)}</strong></div>;
  const kind = source.view.kind === 'starred' ? 'starred' : source.view.kind === 'unread' || (source.view.kind !== 'all' && source.view.unreadOnly) ? 'unread' : 'all';
  return (
    <div class="empty">
      <strong>{t(kind === 'starred' ? 'noStarred' : kind === 'unread' ? 'noUnread' : 'noEntries')}</strong>
      <p>{noFeeds ? t('noFeedsHint') : t(kind === 'starred' ? 'noStarredHint' : 'noUnreadHint')}</p>
      {noFeeds && (
        <button type="button" class="primary" onClick={openOptionsPage}>
          {t('addFeeds')}
        </button>
      )}
    </div>
  );
}

/** The search module once a search needs it (undefined until then, and while it loads). */
function useSearchModule(needed: boolean): Awaited<ReturnType<typeof loadSearch>> | undefined {
  const [module, setModule] = useState<Awaited<ReturnType<typeof loadSearch>> | undefined>();
  useEffect(() => {
    if (!needed || module) return;
    let live = true;
    void loadSearch().then((loaded) => live && setModule(() => loaded));
    return () => {
      live = false;
    };
  }, [needed, module]);
  return module;
}
