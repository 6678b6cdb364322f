// The reader's list in its address: views as before, a search as search:<query> with the query percent-encoded,
// and what a message may name as the list (checked the same way). Expected hashes are written out by hand.
import { describe, expect, it } from 'vitest';
import { checkedList, decodeList, readerHash, type ReaderList } from '../../../src/db/reader-list';

describe('readerHash and decodeList', () => {
  it.each<[ReaderList, string]>([
    [{ kind: 'unread' }, '#entry=7&view=unread'],
    [{ kind: 'feed', feedId: 3, unreadOnly: true }, '#entry=7&view=feed:3:u'],
    [{ kind: 'search', query: 'harbour' }, '#entry=7&view=search:harbour'],
    [{ kind: 'search', query: 'harbour & sea #2' }, '#entry=7&view=search:harbour%20%26%20sea%20%232'],
    [{ kind: 'search', query: '互联互通' }, '#entry=7&view=search:%E4%BA%92%E8%81%94%E4%BA%92%E9%80%9A'],
    [{ kind: 'search', query: 'a+b=c' }, '#entry=7&view=search:a%2Bb%3Dc'],
  ])('%j ↔ %s', (list, hash) => {
    expect(readerHash(7, list)).toBe(hash);
    expect(decodeList(new URLSearchParams(hash.slice(1)).get('view')!)).toEqual(list);
  });

  it('has no view part without a list', () => {
    expect(readerHash(7)).toBe('#entry=7');
  });

  it.each(['search:', 'search: harbour', 'search:harbour ', `search:${'a'.repeat(501)}`, 'search:a\u0000b', 'search:a\nb', 'Search:harbour', 'feed:0:u'])('rejects %j', (text) => {
    expect(decodeList(text)).toBeUndefined();
  });

  it('takes a query of 500 characters', () => {
    expect(decodeList(`search:${'a'.repeat(500)}`)).toEqual({ kind: 'search', query: 'a'.repeat(500) });
  });
});

describe('checkedList', () => {
  it('accepts views and searches', () => {
    expect(checkedList({ kind: 'starred' })).toEqual({ kind: 'starred' });
    expect(checkedList({ kind: 'search', query: 'harbour' })).toEqual({ kind: 'search', query: 'harbour' });
  });

  it.each<unknown>([null, 'unread', { kind: 'search' }, { kind: 'search', query: 5 }, { kind: 'search', query: '' }, { kind: 'search', query: { toString: () => 'x' } }, { kind: 'feed', feedId: 0, unreadOnly: true }, { kind: 'nonsense' }])('refuses %j', (value) => {
    expect(checkedList(value)).toBeUndefined();
  });
});
