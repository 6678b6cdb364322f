// One entry: feed name, the title as the page's only <h1>, date and author, actions, then the body.
import type { BodyRow, EntryRow } from '../../db/model';
import { httpUrl } from '../../shared/url';
import { t, uiLocale } from '../../ui/i18n';
import { longDate } from '../../ui/time';
import { EntryBody } from './entry-body';
import type { ReaderActions } from './shortcuts';

/** Props: the entry, its feed's title, and the reader's actions (shared with the shortcuts). */
export interface EntryViewProps {
  entry: EntryRow;
  /** Undefined while it loads (the header shows at once). */
  body: BodyRow | undefined;
  feedTitle: string;
  actions: ReaderActions;
}

/** The entry page. */
export function EntryView({ entry, body, feedTitle, actions }: EntryViewProps) {
  const at = entry.publishedAt ?? entry.updatedAt ?? entry.sortAt;
  // Only web addresses get a link: a stored javascript: or data: URL must never become clickable.
  const original = entry.url ? httpUrl(entry.url) : undefined;
  return (
    <>
      <header>
        {feedTitle && <p class="feed-name">{feedTitle}</p>}
        <h1>{entry.title.trim() || t('untitled')}</h1>
        <p class="byline">
          <time dateTime={new Date(at).toISOString()}>{longDate(at, uiLocale())}</time>
          {entry.author && <> · {t('byAuthor', entry.author)}</>}
        </p>
        <div class="actions">
          {original && (
            <a class="button" href={original} target="_blank" rel="noopener noreferrer">
              {t('openOriginal')}
            </a>
          )}
          <button type="button" onClick={actions.toggleRead} aria-keyshortcuts="m">
            {entry.read ? t('markUnread') : t('markRead')}
          </button>
          <button type="button" class="link" onClick={actions.toggleHelp} aria-keyshortcuts="?">
            {t('helpTitle')}
          </button>
        </div>
      </header>
      {body && <EntryBody entry={entry} body={body} />}
      <nav class="pager">
        <button type="button" onClick={actions.previous} aria-keyshortcuts="k p">
          ← {t('previousUnread')}
        </button>
        <button type="button" onClick={actions.next} aria-keyshortcuts="j n">
          {t('nextUnread')} →
        </button>
      </nav>
    </>
  );
}
