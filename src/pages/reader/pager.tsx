// Previous and next within the list the reader was opened from (#entry=…&view=…): links to the neighbours,
// with their titles, kept current as entries arrive or change.
import type { EntryRow } from '../../db/model';
import { encodeView, viewAdjacent, type ListView } from '../../db/views';
import { t } from '../../ui/i18n';
import { useLiveQuery } from '../../ui/live-query';
import { hashForEntry } from './entry-hash';

/** The entries before and after `entry` in `view`, live. */
export function useNeighbours(entry: Pick<EntryRow, 'id' | 'sortAt'>, view: ListView): { newer?: EntryRow; older?: EntryRow } {
  const key = encodeView(view);
  const newer = useLiveQuery(() => viewAdjacent(view, entry, 'newer'), [entry.id, entry.sortAt, key]);
  const older = useLiveQuery(() => viewAdjacent(view, entry, 'older'), [entry.id, entry.sortAt, key]);
  return { newer: newer.status === 'ready' ? newer.value : undefined, older: older.status === 'ready' ? older.value : undefined };
}

/** The pager under the entry: previous (newer, k) on one side, next (older, j) on the other. */
export function Pager({ entry, view }: { entry: EntryRow; view: ListView }) {
  const { newer, older } = useNeighbours(entry, view);
  return (
    <nav class="pager" aria-label={t('pagerLabel')}>
      <Neighbour target={newer} view={view} label={t('previousEntry')} keys="k" side="previous" />
      <Neighbour target={older} view={view} label={t('nextEntry')} keys="j" side="next" />
    </nav>
  );
}

function Neighbour({ target, view, label, keys, side }: { target: EntryRow | undefined; view: ListView; label: string; keys: string; side: 'previous' | 'next' }) {
  if (!target) return <span class={`pager-${side} pager-none`} aria-hidden="true" />;
  return (
    <a class={`pager-${side}`} href={hashForEntry(target.id, view)} aria-keyshortcuts={keys}>
      <span class="pager-label">{side === 'previous' ? `← ${label}` : `${label} →`}</span>
      <span class="pager-title">{target.title.trim() || t('untitled')}</span>
    </a>
  );
}
