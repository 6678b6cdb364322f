// The popup's list logic without a page: which view a choice means, counts summed from feedCounts, the
// picker's values, the row windows read while scrolling, and keyboard moves.
import { describe, expect, it, vi } from 'vitest';
import { pick } from '../../../src/pages/popup/entry-list';
import { windowFor } from '../../../src/pages/popup/list-source';
import { listViewOf, scopeCounts, scopeFrom, scopeValue, type Scope } from '../../../src/pages/popup/view-state';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

describe('popup views', () => {
  it.each<[Parameters<typeof listViewOf>[0], Scope, ReturnType<typeof listViewOf>]>([
    ['unread', { kind: 'everything' }, { kind: 'unread' }],
    ['all', { kind: 'everything' }, { kind: 'all' }],
    ['starred', { kind: 'feed', feedId: 4 }, { kind: 'starred' }],
    ['unread', { kind: 'feed', feedId: 4 }, { kind: 'feed', feedId: 4, unreadOnly: true }],
    ['all', { kind: 'folder', folderId: 2 }, { kind: 'folder', folderId: 2, unreadOnly: false }],
  ])('%s over %j is %j', (filter, scope, view) => {
    expect(listViewOf(filter, scope)).toEqual(view);
  });

  it('sums the counts of the feeds a scope covers', () => {
    const feeds = [{ id: 1, folderId: 7 }, { id: 2, folderId: 7 }, { id: 3, folderId: 0 }];
    const counts = new Map([
      [1, { feedId: 1, unread: 3, starred: 1, total: 10 }],
      [3, { feedId: 3, unread: 5, starred: 0, total: 6 }],
    ]);
    expect(scopeCounts({ kind: 'everything' }, feeds, counts)).toEqual({ unread: 8, starred: 1, total: 16 });
    expect(scopeCounts({ kind: 'folder', folderId: 7 }, feeds, counts)).toEqual({ unread: 3, starred: 1, total: 10 });
    expect(scopeCounts({ kind: 'feed', feedId: 2 }, feeds, counts)).toEqual({ unread: 0, starred: 0, total: 0 });
  });

  it('writes a scope as the picker value and reads it back; anything else is everything', () => {
    expect([scopeValue({ kind: 'everything' }), scopeValue({ kind: 'folder', folderId: 3 }), scopeValue({ kind: 'feed', feedId: 12 })]).toEqual(['', 'folder:3', 'feed:12']);
    expect([scopeFrom('folder:3'), scopeFrom('feed:12'), scopeFrom(''), scopeFrom('feed:x')]).toEqual([{ kind: 'folder', folderId: 3 }, { kind: 'feed', feedId: 12 }, { kind: 'everything' }, { kind: 'everything' }]);
  });
});

describe('row windows and keys', () => {
  it.each([
    [0, 11, { offset: 0, limit: 40 }],
    [35, 47, { offset: 0, limit: 80 }],
    [41, 52, { offset: 40, limit: 40 }],
    [99_990, 99_999, { offset: 99_960, limit: 40 }],
  ])('rows %i–%i are read as %j', (first, last, window) => {
    expect(windowFor(first, last)).toEqual(window);
  });

  it.each([
    [5, 2, 'next', 3],
    [5, 4, 'next', 4],
    [5, 0, 'previous', 0],
    [5, 3, 'first', 0],
    [5, 1, 'last', 4],
  ] as const)('in %i rows from %i, %s goes to %i', (count, from, move, to) => {
    expect(pick(count, from, move)).toBe(to);
  });
});
