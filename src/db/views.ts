// The lists a user reads: every view is an index range in sortAt order (newest first, ties by id), so a page
// reads only the rows it shows and counts come from `feedCounts`, never from scanning entries.
import type { EntryRow } from './model';
import { db as defaultDb, type EntryCollection, type ReaderDB } from './schema';

/** A list of entries the popup shows and the reader walks. */
export type ListView =
  | { kind: 'unread' }
  | { kind: 'all' }
  | { kind: 'starred' }
  | { kind: 'feed'; feedId: number; unreadOnly: boolean }
  | { kind: 'folder'; folderId: number; unreadOnly: boolean };

/** An index, the fixed leading key parts of the range, and (folders only) a row filter. */
interface ViewRange {
  index: string;
  prefix: number[];
  filter?: (row: EntryRow) => boolean;
}

async function rangeOf(db: ReaderDB, view: ListView, unreadOnly = false): Promise<ViewRange> {
  switch (view.kind) {
    case 'unread':
      return { index: '[read+sortAt]', prefix: [0] };
    case 'all':
      return unreadOnly ? { index: '[read+sortAt]', prefix: [0] } : { index: 'sortAt', prefix: [] };
    case 'starred':
      return unreadOnly ? { index: '[starred+sortAt]', prefix: [1], filter: (row) => row.read === 0 } : { index: '[starred+sortAt]', prefix: [1] };
    case 'feed':
      return view.unreadOnly || unreadOnly ? { index: '[feedId+read+sortAt]', prefix: [view.feedId, 0] } : { index: '[feedId+sortAt]', prefix: [view.feedId] };
    case 'folder': {
      const feeds = new Set(await db.feeds.where('folderId').equals(view.folderId).primaryKeys());
      const inFolder = (row: EntryRow) => feeds.has(row.feedId);
      return view.unreadOnly || unreadOnly ? { index: '[read+sortAt]', prefix: [0], filter: inFolder } : { index: 'sortAt', prefix: [], filter: inFolder };
    }
  }
}

function key(prefix: readonly number[], sortAt: number): number | number[] {
  return prefix.length === 0 ? sortAt : [...prefix, sortAt];
}

/** The rows of `range` with sortAt between `low` and `high` (inclusive), newest first. */
function between(db: ReaderDB, range: ViewRange, low: number, high: number): EntryCollection {
  const collection = db.entries.where(range.index).between(key(range.prefix, low), key(range.prefix, high), true, true).reverse();
  return range.filter ? collection.filter(range.filter) : collection;
}

/** `limit` entries of `view` from position `offset`, newest first. */
export async function viewEntries(view: ListView, offset: number, limit: number, db: ReaderDB = defaultDb): Promise<EntryRow[]> {
  return between(db, await rangeOf(db, view), -Infinity, Infinity).offset(offset).limit(limit).toArray();
}

/** How many entries `view` lists, from the per-feed counts. */
export async function viewCount(view: ListView, db: ReaderDB = defaultDb): Promise<number> {
  const field = view.kind === 'starred' ? 'starred' : view.kind === 'unread' || (view.kind !== 'all' && view.unreadOnly) ? 'unread' : 'total';
  const rows =
    view.kind === 'feed'
      ? await db.feedCounts.where('feedId').equals(view.feedId).toArray()
      : view.kind === 'folder'
        ? await db.feedCounts.bulkGet(await db.feeds.where('folderId').equals(view.folderId).primaryKeys())
        : await db.feedCounts.toArray();
  return rows.reduce((sum, row) => sum + (row?.[field] ?? 0), 0);
}

/** The entry after `entry` in `view` ('older' = further down the list) or before it ('newer'); `entry` itself need not be in the view. */
export async function viewAdjacent(view: ListView, entry: Pick<EntryRow, 'id' | 'sortAt'>, direction: 'older' | 'newer', db: ReaderDB = defaultDb): Promise<EntryRow | undefined> {
  const range = await rangeOf(db, view);
  // Ties on sortAt are ordered by id inside each index, so the id breaks them the same way the list does.
  if (direction === 'older') return between(db, range, -Infinity, entry.sortAt).filter((row) => row.sortAt < entry.sortAt || row.id < entry.id).first();
  return between(db, range, entry.sortAt, Infinity).reverse().filter((row) => row.sortAt > entry.sortAt || row.id > entry.id).first();
}

/** The highest entry id stored: a page sends it with "mark all read" so entries that arrive later stay unread. */
export async function latestEntryId(db: ReaderDB = defaultDb): Promise<number> {
  return ((await db.entries.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

/** The unread entries of `view` with id ≤ `maxId` (what the worker marks read for "mark all read"). */
export async function unreadUpTo(db: ReaderDB, view: ListView, maxId: number): Promise<EntryCollection> {
  return between(db, await rangeOf(db, view, true), -Infinity, Infinity).filter((row) => row.id <= maxId && row.read === 0);
}

/** A view as text for the reader's address (#entry=1&view=feed:3:u), and back. */
export function encodeView(view: ListView): string {
  if (view.kind === 'feed') return `feed:${view.feedId}:${view.unreadOnly ? 'u' : 'a'}`;
  if (view.kind === 'folder') return `folder:${view.folderId}:${view.unreadOnly ? 'u' : 'a'}`;
  return view.kind;
}

/** The view `text` names, or undefined when it names none. */
export function decodeView(text: string): ListView | undefined {
  if (text === 'unread' || text === 'all' || text === 'starred') return { kind: text };
  const match = /^(feed|folder):([1-9]\d{0,15}):([ua])$/.exec(text);
  if (!match) return undefined;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id)) return undefined;
  const unreadOnly = match[3] === 'u';
  return match[1] === 'feed' ? { kind: 'feed', feedId: id, unreadOnly } : { kind: 'folder', folderId: id, unreadOnly };
}
