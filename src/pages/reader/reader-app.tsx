// The reader tab: one entry at a time, chosen by the #entry=<id> hash. Opening an entry marks it read;
// j/k (n/p) walk the unread entries in the popup's order.
import { useEffect, useRef, useState } from 'preact/hooks';
import { feedDisplayTitle, type BodyRow, type EntryRow } from '../../db/model';
import { bodyById, entryById, feedById } from '../../db/queries';
import { viewAdjacent } from '../../db/views';
import { httpUrl } from '../../shared/url';
import type { AppError } from '../../shared/errors';
import { ErrorAlert } from '../../ui/error-alert';
import { t } from '../../ui/i18n';
import { useLiveQuery, type Live } from '../../ui/live-query';
import { command } from '../../ui/send';
import { EntryView } from './entry-view';
import { hashForEntry, useEntryId } from './entry-hash';
import { HelpDialog } from './help-dialog';
import { useReaderShortcuts, type ReaderActions } from './shortcuts';

/** The whole reader page. */
export function ReaderApp() {
  const { id, view } = useEntryId();
  const entry = useLiveQuery(() => (id === undefined ? Promise.resolve(undefined) : entryById(id)), [id]);
  const current = entry.status === 'ready' && entry.value?.id === id ? entry.value : undefined;
  const body = useLiveQuery(() => (id === undefined ? Promise.resolve(undefined) : bodyById(id)), [id]);
  const currentBody = body.status === 'ready' && body.value?.id === id ? body.value : undefined;
  const feed = useLiveQuery(() => (current ? feedById(current.feedId) : Promise.resolve(undefined)), [current?.feedId]);
  const feedTitle = feed.status === 'ready' && feed.value ? feedDisplayTitle(feed.value) : '';
  const [help, setHelp] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppError | undefined>();
  const marked = useRef<number | undefined>(undefined);

  // Opening marks read once per entry, so "m" (mark unread) is not undone by the next live update.
  useEffect(() => {
    if (!current || marked.current === current.id) return;
    marked.current = current.id;
    setStatus('');
    if (current.read === 0) void setRead(current, true);
  }, [current]);

  useEffect(() => {
    document.title = current ? [current.title.trim() || t('untitled'), feedTitle].filter(Boolean).join(' · ') : t('extName');
  }, [current?.title, feedTitle]);

  async function setRead(target: EntryRow, read: boolean) {
    const result = await command('mark-read', { entryIds: [target.id], read });
    setError(result.ok ? undefined : result.error);
  }

  async function go(direction: 'older' | 'newer') {
    if (!current) return;
    const target = await viewAdjacent(view, current, direction);
    if (target) location.hash = hashForEntry(target.id, view);
    else setStatus(t('noMoreUnread'));
  }

  const actions: ReaderActions = {
    next: () => void go('older'),
    previous: () => void go('newer'),
    openOriginal: () => {
      const original = current?.url ? httpUrl(current.url) : undefined;
      if (original) window.open(original, '_blank', 'noopener,noreferrer');
    },
    toggleRead: () => {
      if (current) void setRead(current, current.read === 0);
    },
    toggleHelp: () => setHelp((open) => !open),
    closeHelp: () => setHelp(false),
  };
  useReaderShortcuts(actions);

  return (
    <main class="reader">
      {error && <ErrorAlert error={error} />}
      <Content id={id} entry={entry} current={current} body={currentBody} feedTitle={feedTitle} actions={actions} />
      <p class="status" role="status">{status}</p>
      {help && <HelpDialog onClose={actions.closeHelp} />}
    </main>
  );
}

type ContentProps = {
  id: number | undefined;
  entry: Live<EntryRow | undefined>;
  current: EntryRow | undefined;
  body: BodyRow | undefined;
  feedTitle: string;
  actions: ReaderActions;
};

/** No entry named, loading, failed, gone, or the entry itself. */
function Content({ id, entry, current, body, feedTitle, actions }: ContentProps) {
  if (id === undefined) return <Empty title={t('noEntrySelected')} hint={t('noEntryHint')} />;
  if (entry.status === 'error') return <p class="alert" role="alert">{t('loadFailed', entry.error.message)}</p>;
  if (current) return <EntryView entry={current} body={body} feedTitle={feedTitle} actions={actions} />;
  if (entry.status === 'ready' && entry.value === undefined) return <Empty title={t('entryGone')} hint={t('noEntryHint')} />;
  return <p class="muted">{t('loading')}</p>;
}

function Empty({ title, hint }: { title: string; hint: string }) {
  return (
    <div class="empty">
      <h1>{title}</h1>
      <p>{hint}</p>
    </div>
  );
}
