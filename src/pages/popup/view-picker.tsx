// Unread / All / Starred with their counts, and the feed or folder to read (failing feeds marked ⚠).
import { feedDisplayTitle, type FeedCountRow, type FeedRow, type FolderRow } from '../../db/model';
import { t } from '../../ui/i18n';
import { scopeCounts, scopeFrom, scopeValue, type Filter, type Scope } from './view-state';

/** Props: the current choice, the library, and how to change the choice. */
export interface ViewPickerProps {
  filter: Filter;
  scope: Scope;
  feeds: FeedRow[];
  folders: FolderRow[];
  counts: ReadonlyMap<number, FeedCountRow>;
  onFilter: (filter: Filter) => void;
  onScope: (scope: Scope) => void;
}

/** The picker row. */
export function ViewPicker({ filter, scope, feeds, folders, counts, onFilter, onScope }: ViewPickerProps) {
  const over = scopeCounts(filter === 'starred' ? { kind: 'everything' } : scope, feeds, counts);
  const everything = scopeCounts({ kind: 'everything' }, feeds, counts);
  const choices: [Filter, string, number | undefined][] = [
    ['unread', t('viewUnread'), over.unread],
    ['all', t('viewAll'), undefined],
    ['starred', t('viewStarred'), everything.starred],
  ];
  // One collator for the whole sort: localeCompare builds one per call, which shows at a few hundred feeds.
  const collator = new Intl.Collator();
  const sorted = feeds.map((feed) => ({ feed, name: feedDisplayTitle(feed) })).sort((a, b) => collator.compare(a.name, b.name));
  const label = (name: string, unread: number) => (unread > 0 ? `${name} (${unread})` : name);
  return (
    <nav class="view-picker" aria-label={t('viewsLabel')}>
      <div class="filters">
        {choices.map(([value, name, count]) => (
          <button key={value} type="button" aria-pressed={filter === value} onClick={() => onFilter(value)}>
            {name}
            {count !== undefined && <span class="badge" data-testid={`count-${value}`}>{count}</span>}
          </button>
        ))}
      </div>
      <select aria-label={t('scopeLabel')} value={filter === 'starred' ? '' : scopeValue(scope)} onChange={(event) => onScope(scopeFrom(event.currentTarget.value))}>
        <option value="">{label(t('allFeeds'), everything.unread)}</option>
        {folders.length > 0 && (
          <optgroup label={t('foldersLabel')}>
            {folders.map((folder) => (
              <option key={folder.id} value={scopeValue({ kind: 'folder', folderId: folder.id })}>
                {label(folder.name, scopeCounts({ kind: 'folder', folderId: folder.id }, feeds, counts).unread)}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t('feedsLabel')}>
          {sorted.map(({ feed, name }) => (
            <option key={feed.id} value={scopeValue({ kind: 'feed', feedId: feed.id })}>
              {(feed.lastError ? '⚠ ' : '') + label(name, counts.get(feed.id)?.unread ?? 0)}
            </option>
          ))}
        </optgroup>
      </select>
    </nav>
  );
}
