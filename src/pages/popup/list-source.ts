// What the popup's list shows: a view (an index range) or search results (ids), as a count and windows of
// rows. Counts of views come from feedCounts; a window reads only the list rows it shows, together with the
// newest entry id, so "mark all read" covers exactly what was listed.
import type { EntryRow } from '../../db/model';
import { db } from '../../db/schema';
import { latestEntryId, viewEntries, type ListView } from '../../db/views';

/** A view, or the results of a search. */
export type ListSource = { kind: 'view'; view: ListView } | { kind: 'search'; query: string };

/** Rows from position `offset`, and the newest entry id when they were read. */
export interface ListWindow {
  offset: number;
  rows: EntryRow[];
  maxId: number;
}

/** Rows read per window step: a window starts and ends on a multiple, so small scrolls reuse it. */
export const WINDOW_STEP = 40;

/** The window that covers positions [first, last], widened to WINDOW_STEP boundaries. */
export function windowFor(first: number, last: number): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(first / WINDOW_STEP) * WINDOW_STEP);
  const end = (Math.floor(Math.max(last, first) / WINDOW_STEP) + 1) * WINDOW_STEP;
  return { offset, limit: end - offset };
}

/** A window of a view and the newest id, read in one transaction. */
export function viewWindow(view: ListView, offset: number, limit: number): Promise<ListWindow> {
  return db.transaction('r', [db.entries, db.feeds], async () => {
    const [rows, maxId] = await Promise.all([viewEntries(view, offset, limit), latestEntryId()]);
    return { offset, rows, maxId };
  });
}

/** A window of search results. */
export async function searchWindow(ids: readonly number[], offset: number, limit: number): Promise<ListWindow> {
  const rows = (await db.entries.bulkGet(ids.slice(offset, offset + limit))).filter((row): row is EntryRow => row !== undefined);
  return { offset, rows, maxId: 0 };
}
