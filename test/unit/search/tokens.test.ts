// Terms: words lower-cased and accent-folded, CJK as characters and pairs, Thai through Intl.Segmenter; a
// query asks for pairs (or the lone character) and whole words.
import { describe, expect, it } from 'vitest';
import { indexTerms, isPrefixTerm, queryTerms, shardOf } from '../../../src/search/tokens';

describe('index terms', () => {
  it('lower-cases words, folds Latin accents, drops one-letter words and cuts runaway runs', () => {
    expect([...indexTerms('A Café in Zürich — the ÉCOLE I liked; x'.padEnd(40) + 'y'.repeat(40))]).toEqual(['cafe', 'in', 'zurich', 'the', 'ecole', 'liked', 'y'.repeat(32)]);
  });

  it('gives each CJK run its overlapping pairs and its last character, split from Latin words around it', () => {
    expect([...indexTerms('微信支付，iOS7版本。猫')]).toEqual(['微信', '信支', '支付', '付', 'ios7', '版本', '本', '猫']);
  });

  it('turns full-width letters into plain ones (NFKC) and keeps marks that spell other scripts', () => {
    expect([...indexTerms('ＲＳＳ ｆｅｅｄ किताब')]).toEqual(['rss', 'feed', 'किताब']);
  });

  it('splits Thai, which has no spaces, into dictionary words', () => {
    expect([...indexTerms('ภาษาไทยง่าย')]).toEqual(['ภาษา', 'ไทย', 'ง่าย']);
  });
});

describe('query terms', () => {
  it.each([
    ['Privacy  Policy', ['privacy', 'policy']],
    ['微信', ['微信']],
    ['互联互通', ['互联', '联互', '互通']],
    ['猫', ['猫']],
    ['café 微信', ['cafe', '微信']],
    ['a , !', []],
  ])('%j → %j', (query, terms) => {
    expect(queryTerms(query)).toEqual(terms);
  });

  it('finds every term of a query among the terms of a text that contains it', () => {
    const text = indexTerms('今天微信互联互通迈入深水区 — Privacy matters');
    for (const query of ['微信', '互联互通', '深水区', 'privacy']) expect(queryTerms(query).every((term) => text.has(term))).toBe(true);
    // A lone character is asked for as a prefix: every character of a run starts a term.
    for (const char of '今天微信互联互通迈入深水区') expect([...text].some((term) => term.startsWith(char))).toBe(true);
    expect([isPrefixTerm('水'), isPrefixTerm('水区'), isPrefixTerm('ab'), isPrefixTerm('𠀀')]).toEqual([true, false, false, true]);
  });
});

describe('shards', () => {
  it('is FNV-1a of the term modulo the shard count (published vectors: "" → 0x811c9dc5, "a" → 0xe40c292c)', () => {
    expect([shardOf('', 64), shardOf('a', 64), shardOf('', 1000), shardOf('a', 1000)]).toEqual([0x811c9dc5 % 64, 0xe40c292c % 64, 0x811c9dc5 % 1000, 0xe40c292c % 1000]);
    expect(shardOf('privacy', 64)).toBe(7);
  });

  it('puts every CJK term in the shard of its first character (FNV-1a of U+5FAE 微 is 0xab460e71)', () => {
    expect([shardOf('微', 64), shardOf('微信', 64), shardOf('微博', 64)]).toEqual([0xab460e71 % 64, 0xab460e71 % 64, 0xab460e71 % 64]);
  });
});
