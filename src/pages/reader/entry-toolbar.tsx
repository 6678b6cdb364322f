// The entry's actions under its title: open the original (v), star (s), read/unread (m), the full article (o),
// the reading settings, the shortcuts (?). Every button says its shortcut in aria-keyshortcuts.
import type { EntryRow } from '../../db/model';
import { t } from '../../ui/i18n';
import type { FullArticle } from './full-article';
import type { ReaderActions } from './shortcuts';

/** Props: the entry, its original address (http(s) only), the full-article state, whether the settings are open. */
export interface EntryToolbarProps {
  entry: EntryRow;
  original: string | undefined;
  article: FullArticle;
  settingsOpen: boolean;
  onSettings(): void;
  actions: ReaderActions;
}

/** The label of the full-article button in each state. */
export function articleButtonLabel(article: Pick<FullArticle, 'stored' | 'shown' | 'load'>): string {
  if (article.load.phase === 'loading') return t('loadingFullArticle');
  if (!article.stored) return t('loadFullArticle');
  return article.shown ? t('showFeedText') : t('showFullArticle');
}

/** The toolbar. */
export function EntryToolbar({ entry, original, article, settingsOpen, onSettings, actions }: EntryToolbarProps) {
  const loading = article.load.phase === 'loading';
  return (
    <div class="actions">
      {original && (
        <a class="button" href={original} target="_blank" rel="noopener noreferrer" aria-keyshortcuts="v">
          {t('openOriginal')}
        </a>
      )}
      <button type="button" class="star" aria-pressed={entry.starred === 1} onClick={actions.toggleStar} aria-keyshortcuts="s">
        <span aria-hidden="true">{entry.starred === 1 ? '★' : '☆'}</span> {t('star')}
      </button>
      <button type="button" onClick={actions.toggleRead} aria-keyshortcuts="m">
        {entry.read ? t('markUnread') : t('markRead')}
      </button>
      {original && (
        <button type="button" onClick={actions.toggleFullArticle} aria-keyshortcuts="o" disabled={loading} aria-busy={loading}>
          {articleButtonLabel(article)}
        </button>
      )}
      {/* Secondary, at the end of the row: named for screen readers, titled for the mouse. */}
      <button type="button" class="icon" aria-label={t('readingSettings')} title={t('readingSettings')} aria-expanded={settingsOpen} aria-controls="reading-settings" onClick={onSettings}>
        Aa
      </button>
      <button type="button" class="icon" aria-label={t('helpTitle')} title={`${t('helpTitle')} (?)`} onClick={actions.toggleHelp} aria-keyshortcuts="?">
        ?
      </button>
    </div>
  );
}
