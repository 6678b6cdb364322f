// When a feed's row in the options list must be drawn again: only when something it shows changed. The
// worker rewrites a feed row on every poll (a claim, then the bookkeeping: next poll, ETag, body hash), and a
// round's writes reach the page as new row objects, equal in all the row shows.
import type { FeedCountRow, FeedRow, FolderRow } from '../../db/model';
import type { FeedRowProps } from './feed-row';

/** The feed fields the row's line shows or acts on (name, address, status line, folder for Move to…). */
const SHOWN: readonly (keyof FeedRow)[] = ['id', 'url', 'title', 'customTitle', 'folderId', 'paused', 'pauseReason', 'lastFetchedAt'];

/** True when a row drawn with `before` would look and act the same with `after` (memo's comparison). */
export function sameRow(before: FeedRowProps, after: FeedRowProps): boolean {
  return (
    sameFeed(before.feed, after.feed) &&
    sameCounts(before.counts, after.counts) &&
    sameFolders(before.folders, after.folders) &&
    before.carried === after.carried &&
    before.minute === after.minute &&
    before.drag === after.drag &&
    before.onMove === after.onMove &&
    before.onRemove === after.onRemove &&
    before.onStatus === after.onStatus
  );
}

function sameFeed(before: FeedRow, after: FeedRow): boolean {
  if (before === after) return true;
  // The error is data ({ code, params }) and small: its JSON tells whether the words shown would differ.
  return SHOWN.every((key) => before[key] === after[key]) && JSON.stringify(before.lastError) === JSON.stringify(after.lastError);
}

function sameCounts(before: FeedCountRow | undefined, after: FeedCountRow | undefined): boolean {
  if (before === after) return true;
  return before !== undefined && after !== undefined && before.unread === after.unread && before.starred === after.starred && before.total === after.total;
}

/** The same folders, by id and name, in the same order. */
export function sameFolders(before: readonly FolderRow[], after: readonly FolderRow[]): boolean {
  return before === after || (before.length === after.length && before.every((folder, index) => folder.id === after[index]?.id && folder.name === after[index]?.name));
}
