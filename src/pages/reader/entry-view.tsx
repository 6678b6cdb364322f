// One entry: feed name, the title as the page's only <h1>, date and author in the reader's language, the
// toolbar, categories, the body (the feed's or the full article), attachments, then previous/next.
import type { BodyRow, EntryRow } from '../../db/model';
import type { Settings } from '../../db/settings';
import type { ReaderList } from '../../db/reader-list';
import { hostOf, httpUrl } from '../../shared/url';
import { ErrorAlert } from '../../ui/error-alert';
import { t, uiLocale } from '../../ui/i18n';
import { longDate } from '../../ui/time';
import { Enclosures } from './enclosures';
import { EntryBody } from './entry-body';
import { EntryToolbar } from './entry-toolbar';
import type { FullArticle } from './full-article';
import { Pager } from './pager';
import { ReadingSettings } from './reading-settings';
import type { ReaderActions } from './shortcuts';

/** Props: the entry and its body (undefined while it loads), where it was opened from, and the reader's state. */
export interface EntryViewProps {
  entry: EntryRow;
  body: BodyRow | undefined;
  feedTitle: string;
  /** The entry's language (entry-lang.ts), '' when unknown. */
  lang: string;
  view: ReaderList;
  article: FullArticle;
  settings: Settings | undefined;
  settingsOpen: boolean;
  onSettings(): void;
  /** The body is on the page (see EntryBody). */
  onShown(): void;
  actions: ReaderActions;
}

/** The entry page. */
export function EntryView({ entry, body, feedTitle, lang, view, article, settings, settingsOpen, onSettings, onShown, actions }: EntryViewProps) {
  const at = entry.publishedAt ?? entry.updatedAt ?? entry.sortAt;
  // Only web addresses get a link: a stored javascript: or data: URL must never become clickable.
  const original = entry.url ? httpUrl(entry.url) : undefined;
  const shown = article.shown;
  return (
    <>
      <header lang={lang}>
        {feedTitle && <p class="feed-name">{feedTitle}</p>}
        <h1>{entry.title.trim() || t('untitled')}</h1>
        <p class="byline" lang="">
          <time dateTime={new Date(at).toISOString()}>{longDate(at, uiLocale())}</time>
          {entry.author && <> · <span lang={lang}>{t('byAuthor', entry.author)}</span></>}
        </p>
        <EntryToolbar entry={entry} original={original} article={article} settingsOpen={settingsOpen} onSettings={onSettings} actions={actions} />
        {settingsOpen && <ReadingSettings settings={settings} />}
        {article.load.phase === 'failed' && <ErrorAlert error={article.load.error} />}
        {shown && (
          <p class="article-source">
            {t('fullArticleFrom', hostOf(shown.url) ?? shown.url)} ·{' '}
            <button type="button" class="link" onClick={article.reload} disabled={article.load.phase === 'loading'}>
              {t('reloadFullArticle')}
            </button>
          </p>
        )}
        {body && body.categories.length > 0 && (
          <ul class="categories" aria-label={t('categoriesLabel')}>
            {body.categories.map((category) => (
              <li key={category}>{category}</li>
            ))}
          </ul>
        )}
      </header>
      {body && <EntryBody entry={entry} body={body} article={shown} lang={lang} onShown={onShown} />}
      {body && <Enclosures enclosures={body.enclosures} bodyHtml={shown?.html ?? body.contentHtml ?? body.summaryHtml ?? ''} />}
      <Pager entry={entry} view={view} />
    </>
  );
}

