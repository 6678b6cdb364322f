// The entries the reader showed, in order, while walking one list: opening marks an entry read, so it leaves an
// unread list, and previous must still reach it. Kept in sessionStorage, so a reload of the tab keeps it; a
// new list, or an entry the worker opened from the popup, starts a new trail.
import { encodeList, type ReaderList } from '../../db/reader-list';

const KEY = 'mirror-reader-trail';
/** The oldest ids drop off beyond this many. */
const MAX_ENTRIES = 1000;

interface Trail {
  list: string;
  ids: number[];
}

/** The entry the reader is about to step to itself (j/k, the pager): it continues the trail. */
let stepping: number | undefined;

/** Say that the reader itself goes to entry `id` next, so the trail goes on through it. */
export function stepTo(id: number): void {
  stepping = id;
}

/**
 * Note that entry `id` is shown within `list`: it joins the trail when the reader stepped to it or it is on the
 * trail already (a reload, the browser's back button); otherwise a trail starts with it.
 */
export function recordShown(list: ReaderList, id: number): void {
  const key = encodeList(list);
  const trail = readTrail();
  const continues = trail !== undefined && trail.list === key && (stepping === id || trail.ids.includes(id));
  stepping = undefined;
  const ids = continues ? (trail.ids.includes(id) ? trail.ids : [...trail.ids, id].slice(-MAX_ENTRIES)) : [id];
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ list: key, ids } satisfies Trail));
  } catch {
    // Storage full or refused: previous then reaches only what the list still holds.
  }
}

/** The ids shown on the trail through `list`, or [] when the trail is of another list. */
export function trailOf(list: ReaderList): number[] {
  const trail = readTrail();
  return trail?.list === encodeList(list) ? trail.ids : [];
}

function readTrail(): Trail | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<Trail> | null;
    if (typeof value?.list !== 'string' || !Array.isArray(value.ids)) return undefined;
    return { list: value.list, ids: value.ids.filter((id): id is number => Number.isSafeInteger(id) && id > 0) };
  } catch {
    return undefined;
  }
}
