// Previous and next in the list the reader came from. A view's neighbours come from its index range, joined
// with the entries shown on the way (trail.ts) that the view has since dropped (read ones leave Unread); a
// search's from its results, in their order. The search code loads with the first search list, as in the popup.
import type { EntryRow } from '../../db/model';
import type { ReaderList } from '../../db/reader-list';
import { db as defaultDb, type ReaderDB } from '../../db/schema';
import { viewAdjacent } from '../../db/views';

/** 'older' is further down the list (next, j), 'newer' further up (previous, k). */
export type Direction = 'older' | 'newer';

/** The results of the last query searched here: the list stays as it was when the reader first walked it. */
let results: { query: string; ids: Promise<number[]> } | undefined;

/** The entry before or after `entry` in `list`; `trail` holds the ids shown on the way through a view. */
export async function listAdjacent(list: ReaderList, entry: Pick<EntryRow, 'id' | 'sortAt'>, direction: Direction, trail: readonly number[], db: ReaderDB = defaultDb): Promise<EntryRow | undefined> {
  if (list.kind === 'search') return searchAdjacent(list.query, entry.id, direction, db);
  const [inView, shown] = await Promise.all([viewAdjacent(list, entry, direction, db), db.entries.bulkGet(trail.filter((id) => id !== entry.id))]);
  let best = inView;
  for (const row of shown) {
    if (!row || !beyond(row, entry, direction)) continue;
    if (!best || beyond(best, row, direction)) best = row;
  }
  return best;
}

/** True when `row` comes after `from` going `direction` (lists are newest first, ties by id). */
function beyond(row: Pick<EntryRow, 'id' | 'sortAt'>, from: Pick<EntryRow, 'id' | 'sortAt'>, direction: Direction): boolean {
  const newer = row.sortAt > from.sortAt || (row.sortAt === from.sortAt && row.id > from.id);
  const same = row.sortAt === from.sortAt && row.id === from.id;
  return !same && (direction === 'newer' ? newer : !newer);
}

async function searchAdjacent(query: string, id: number, direction: Direction, db: ReaderDB): Promise<EntryRow | undefined> {
  const search = () => (results = { query, ids: import('../../search/search').then((module) => module.searchEntries(query, db)) });
  let ids = await (results?.query === query ? results : search()).ids;
  // An entry the earlier results do not hold was opened from a newer search for the same words.
  if (!ids.includes(id)) ids = await search().ids;
  const at = ids.indexOf(id);
  if (at < 0) return undefined;
  // A result deleted since the search is stepped over.
  const rest = direction === 'older' ? ids.slice(at + 1) : ids.slice(0, at).reverse();
  for (const next of rest) {
    const row = await db.entries.get(next);
    if (row) return row;
  }
  return undefined;
}
