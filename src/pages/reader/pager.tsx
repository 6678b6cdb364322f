// Previous and next within the list the reader was opened from (#entry=…&view=…): links to the neighbours,
// with their titles, kept current as entries arrive or change.
import type { EntryRow } from '../../db/model';
import { encodeList, type ReaderList } from '../../db/reader-list';
import { t } from '../../ui/i18n';
import { useLiveQuery } from '../../ui/live-query';
import { hashForEntry } from './entry-hash';
import { listAdjacent } from './list-walk';
import { stepTo, trailOf } from './trail';

/** The entries before and after `entry` in `view` (and the trail through it), live. */
export function useNeighbours(entry: Pick<EntryRow, 'id' | 'sortAt'>, view: ReaderList): { newer?: EntryRow; older?: EntryRow } {
  const key = encodeList(view);
  const newer = useLiveQuery(() => listAdjacent(view, entry, 'newer', trailOf(view)), [entry.id, entry.sortAt, key]);
  const older = useLiveQuery(() => listAdjacent(view, entry, 'older', trailOf(view)), [entry.id, entry.sortAt, key]);
  return { newer: newer.status === 'ready' ? newer.value : undefined, older: older.status === 'ready' ? older.value : undefined };
}

/** The pager under the entry: previous (newer, k) on one side, next (older, j) on the other. */
export function Pager({ entry, view }: { entry: EntryRow; view: ReaderList }) {
  const { newer, older } = useNeighbours(entry, view);
  return (
    <nav class="pager" aria-label={t('pagerLabel')}>
      <Neighbour target={newer} view={view} label={t('previousEntry')} keys="k" side="previous" />
      <Neighbour target={older} view={view} label={t('nextEntry')} keys="j" side="next" />
    </nav>
  );
}

function Neighbour({ target, view, label, keys, side }: { target: EntryRow | undefined; view: ReaderList; label: string; keys: string; side: 'previous' | 'next' }) {
  if (!target) return <span class={`pager-${side} pager-none`} aria-hidden="true" />;
  return (
    <a class={`pager-${side}`} href={hashForEntry(target.id, view)} aria-keyshortcuts={keys} onClick={() => stepTo(target.id)}>
      <span class="pager-label">{side === 'previous' ? `← ${label}` : `${label} →`}</span>
      <span class="pager-title">{target.title.trim() || t('untitled')}</span>
    </a>
  );
}
