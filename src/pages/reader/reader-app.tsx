// The reader tab: one entry at a time, chosen by the #entry=<id>&view=<list> hash. Opening an entry marks it
// read; j/k walk the list it was opened from; star, read/unread and the reading settings go to the worker as
// commands and come back through Dexie.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { feedDisplayTitle, type EntryRow } from '../../db/model';
import { bodyById, entryById, feedById } from '../../db/queries';
import type { AppError } from '../../shared/errors';
import { httpUrl } from '../../shared/url';
import { ErrorAlert } from '../../ui/error-alert';
import { t } from '../../ui/i18n';
import { useLiveQuery, type Live } from '../../ui/live-query';
import { command } from '../../ui/send';
import { updateSettings, useSettings } from '../../ui/settings';
import { entryLanguage } from './entry-lang';
import { EntryView } from './entry-view';
import { hashForEntry, useEntryId } from './entry-hash';
import { useFullArticle } from './full-article';
import { listAdjacent } from './list-walk';
import { HelpDialog } from './help-dialog';
import { stepFontSize } from './reading-settings';
import { useReadingStyle } from './reading-style';
import { useScrollMemory } from './scroll-memory';
import { useReaderShortcuts, type ReaderActions } from './shortcuts';
import { recordShown, stepTo, trailOf } from './trail';

/** The whole reader page. */
export function ReaderApp() {
  const { id, view } = useEntryId();
  const entry = useLiveQuery(() => (id === undefined ? Promise.resolve(undefined) : entryById(id)), [id]);
  const current = entry.status === 'ready' && entry.value?.id === id ? entry.value : undefined;
  const body = useLiveQuery(() => (id === undefined ? Promise.resolve(undefined) : bodyById(id)), [id]);
  const currentBody = body.status === 'ready' && body.value?.id === id ? body.value : undefined;
  const feed = useLiveQuery(() => (current ? feedById(current.feedId) : Promise.resolve(undefined)), [current?.feedId]);
  const feedRow = feed.status === 'ready' ? feed.value : undefined;
  const feedTitle = feedRow ? feedDisplayTitle(feedRow) : '';
  const settings = useSettings();
  const article = useFullArticle(id ?? 0, currentBody);
  const [help, setHelp] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppError | undefined>();
  const [shownId, setShownId] = useState<number | undefined>();
  const marked = useRef<number | undefined>(undefined);

  useReadingStyle(settings);
  // Back to where the user was once the body is on the page in the user's text size.
  useScrollMemory(current?.id, current !== undefined && shownId === current.id && settings !== undefined);

  // Opening marks read once per entry, so "m" (mark unread) is not undone by the next live update.
  useEffect(() => {
    if (!current || marked.current === current.id) return;
    marked.current = current.id;
    recordShown(view, current.id);
    setStatus('');
    if (current.read === 0) void run(command('mark-read', { entryIds: [current.id], read: true }));
  }, [current]);

  useEffect(() => {
    document.title = current ? [current.title.trim() || t('untitled'), feedTitle].filter(Boolean).join(' · ') : t('extName');
  }, [current?.title, feedTitle]);

  /** Show a command's error, or clear the last one. */
  async function run(reply: Promise<{ ok: true } | { ok: false; error: AppError }>) {
    const result = await reply;
    setError(result.ok ? undefined : result.error);
  }

  async function go(direction: 'older' | 'newer') {
    if (!current) return;
    const target = await listAdjacent(view, current, direction, trailOf(view));
    if (!target) return setStatus(t('noMoreInList'));
    stepTo(target.id);
    location.hash = hashForEntry(target.id, view);
  }

  const textSize = (step: 1 | -1) => {
    if (settings) void run(updateSettings({ readerFontSize: stepFontSize(settings.readerFontSize, step) }));
  };

  const actions: ReaderActions = {
    next: () => void go('older'),
    previous: () => void go('newer'),
    toggleStar: () => {
      if (current) void run(command('set-starred', { entryIds: [current.id], starred: current.starred === 0 }));
    },
    toggleRead: () => {
      if (current) void run(command('mark-read', { entryIds: [current.id], read: current.read === 0 }));
    },
    openOriginal: () => {
      const original = current?.url ? httpUrl(current.url) : undefined;
      if (original) window.open(original, '_blank', 'noopener,noreferrer');
    },
    toggleFullArticle: () => {
      if (current?.url && httpUrl(current.url)) article.toggle();
    },
    smallerText: () => textSize(-1),
    largerText: () => textSize(1),
    toggleHelp: () => setHelp((open) => !open),
    closePanels: () => {
      setHelp(false);
      setSettingsOpen(false);
    },
  };
  useReaderShortcuts(actions);

  const lang = current ? entryLanguage(feedRow?.language, `${current.title} ${current.snippet ?? ''}`) : '';
  return (
    <main class="reader">
      {error && <ErrorAlert error={error} />}
      <Content id={id} entry={entry} current={current}>
        {current && (
          <EntryView
            entry={current}
            body={currentBody}
            feedTitle={feedTitle}
            lang={lang}
            view={view}
            article={article}
            settings={settings}
            settingsOpen={settingsOpen}
            onSettings={() => setSettingsOpen((open) => !open)}
            onShown={() => setShownId(current.id)}
            actions={actions}
          />
        )}
      </Content>
      <p class="status" role="status">{status}</p>
      {help && <HelpDialog onClose={() => setHelp(false)} />}
    </main>
  );
}

type ContentProps = {
  id: number | undefined;
  entry: Live<EntryRow | undefined>;
  current: EntryRow | undefined;
  children: ComponentChildren;
};

/** No entry named, loading, failed, gone, or the entry itself. */
function Content({ id, entry, current, children }: ContentProps) {
  if (id === undefined) return <Empty title={t('noEntrySelected')} hint={t('noEntryHint')} />;
  if (entry.status === 'error') return <p class="alert" role="alert">{t('loadFailed', entry.error.message)}</p>;
  if (current) return <>{children}</>;
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

