// The popup's choice of list: Unread, All or Starred, over everything, one folder or one feed; and the
// counts each choice shows, summed from feedCounts (never by counting entries).
import type { FeedCountRow, FeedRow } from '../../db/model';
import type { ListView } from '../../db/views';

/** Which entries: unread, all, or starred. */
export type Filter = 'unread' | 'all' | 'starred';

/** Over what: every feed, one folder, or one feed. */
export type Scope = { kind: 'everything' } | { kind: 'folder'; folderId: number } | { kind: 'feed'; feedId: number };

/** The list view for a filter and scope; Starred is over every feed (a starred list per feed is not a view). */
export function listViewOf(filter: Filter, scope: Scope): ListView {
  if (filter === 'starred' || scope.kind === 'everything') return { kind: filter };
  const unreadOnly = filter === 'unread';
  return scope.kind === 'feed' ? { kind: 'feed', feedId: scope.feedId, unreadOnly } : { kind: 'folder', folderId: scope.folderId, unreadOnly };
}

/** Unread, starred and total counts over the feeds `scope` covers. */
export function scopeCounts(scope: Scope, feeds: readonly Pick<FeedRow, 'id' | 'folderId'>[], counts: ReadonlyMap<number, FeedCountRow>): { unread: number; starred: number; total: number } {
  const sum = { unread: 0, starred: 0, total: 0 };
  for (const feed of feeds) {
    if (scope.kind === 'feed' && feed.id !== scope.feedId) continue;
    if (scope.kind === 'folder' && feed.folderId !== scope.folderId) continue;
    const row = counts.get(feed.id);
    sum.unread += row?.unread ?? 0;
    sum.starred += row?.starred ?? 0;
    sum.total += row?.total ?? 0;
  }
  return sum;
}

/** A scope as the value of the popup's feed picker ("", "folder:3", "feed:12"), and back. */
export function scopeValue(scope: Scope): string {
  return scope.kind === 'everything' ? '' : scope.kind === 'folder' ? `folder:${scope.folderId}` : `feed:${scope.feedId}`;
}

/** The scope a picker value names (anything unknown is everything). */
export function scopeFrom(value: string): Scope {
  const match = /^(folder|feed):(\d+)$/.exec(value);
  if (!match) return { kind: 'everything' };
  const id = Number(match[2]);
  return match[1] === 'folder' ? { kind: 'folder', folderId: id } : { kind: 'feed', feedId: id };
}
