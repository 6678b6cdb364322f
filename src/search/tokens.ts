// Text → search terms, the same way for what is indexed and for what the user types. Pure (no DOM, no Dexie).
//
// Words of space-separated scripts are runs of letters and digits, lower-cased, with Latin, Greek and
// Cyrillic accents folded (café = cafe). Han, kana and Hangul have no spaces between words: each run is
// indexed as its overlapping pairs plus its last character ("微信支付" → 微信 信支 支付 付), so every
// character starts one term. A query of two or more such characters asks for its pairs; a lone character
// asks for the terms that start with it (shardOf puts them all in one shard). Chromium's Intl.Segmenter was
// measured for CJK and split 微信 into 微/信 and 腾讯 into 腾/讯: a word its dictionary lacks is cut
// differently in a query than in an article, which pairs never are. Thai, Lao, Khmer and Myanmar lack spaces
// too, with no pair convention; for them Intl.Segmenter's dictionaries give the words.

/** A run of letters, marks and digits: one word, or one unspaced run of an Asian script. */
const RUN = /[\p{L}\p{M}\p{N}]+/gu;
/** Southeast Asian scripts without spaces, split into words by Intl.Segmenter. */
const SEGMENTED = /[\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;
/** Words whose accents fold away: Latin, Greek and Cyrillic letters (with their marks) and digits. */
const FOLDABLE = /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{M}\p{N}]+$/u;
/** Terms longer than this are cut (URLs, base64 and other runs no one types). */
const MAX_TERM = 32;

let segmenter: Intl.Segmenter | undefined;

/** Whether the code point is Han, kana or Hangul (the scripts indexed by pairs). */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3040 && code <= 0x30ff) || // hiragana, katakana
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0x1100 && code <= 0x11ff) || // Hangul jamo
    (code >= 0x31f0 && code <= 0x31ff) || // katakana extensions
    (code >= 0x20000 && code <= 0x3134f) // extensions B–H
  );
}

/** Every distinct term of `text`, as stored in the index. */
export function indexTerms(text: string): Set<string> {
  const terms = new Set<string>();
  const add = (term: string) => void terms.add(term);
  forEachRun(text, add, (run) => {
    for (let i = 0; i + 1 < run.length; i++) terms.add(run[i]! + run[i + 1]!);
    terms.add(run[run.length - 1]!);
  });
  return terms;
}

/** The terms a query needs: whole words, CJK pairs, and a lone CJK character as itself (matched as a prefix). */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  forEachRun(query, (word) => terms.add(word), (run) => {
    if (run.length === 1) terms.add(run[0]!);
    for (let i = 0; i + 1 < run.length; i++) terms.add(run[i]! + run[i + 1]!);
  });
  return [...terms];
}

/** Whether a query term is a lone CJK character, which matches every term that starts with it. */
export function isPrefixTerm(term: string): boolean {
  const code = term.codePointAt(0) ?? 0;
  return isCjk(code) && term.length === (code > 0xffff ? 2 : 1);
}

/** Calls `word` for each word and `cjk` for each CJK run (as an array of characters) of the normalized text. */
function forEachRun(text: string, word: (term: string) => void, cjk: (run: string[]) => void): void {
  const lower = text.normalize('NFKC').toLowerCase();
  for (const match of lower.matchAll(RUN)) {
    const run = match[0];
    let from = 0;
    let chars: string[] = [];
    for (let i = 0; i < run.length; ) {
      const code = run.codePointAt(i)!;
      const size = code > 0xffff ? 2 : 1;
      if (isCjk(code)) {
        if (chars.length === 0 && i > from) addWord(run.slice(from, i), word);
        chars.push(run.slice(i, i + size));
      } else if (chars.length > 0) {
        cjk(chars);
        chars = [];
        from = i;
      }
      i += size;
    }
    if (chars.length > 0) cjk(chars);
    else addWord(from === 0 ? run : run.slice(from), word);
  }
}

/** A word as a term (or, in scripts without spaces, the words Intl.Segmenter finds in it). */
function addWord(raw: string, word: (term: string) => void): void {
  if (raw.length > 1 && SEGMENTED.test(raw)) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const part of segmenter.segment(raw)) if (part.isWordLike) addTerm(part.segment, word);
  } else addTerm(raw, word);
}

/** Accents of Latin, Greek and Cyrillic folded; one-character words dropped (they match nearly everything). */
function addTerm(raw: string, word: (term: string) => void): void {
  // Only non-ASCII words pay for the check; marks are part of the spelling in other scripts (Devanagari vowels).
  const folded = /[^\x00-\x7f]/.test(raw) && FOLDABLE.test(raw) ? raw.normalize('NFD').replace(/\p{M}+/gu, '') : raw;
  if (folded.length < 2) return;
  word(folded.length > MAX_TERM ? folded.slice(0, MAX_TERM) : folded);
}

/**
 * Which of `shards` shards a term's postings live in: FNV-1a over the term's UTF-16 code units, or over its
 * first character alone when that is CJK, so a lone character finds every pair it starts in one shard.
 */
export function shardOf(term: string, shards: number): number {
  const first = term.codePointAt(0) ?? 0;
  const end = isCjk(first) ? (first > 0xffff ? 2 : 1) : term.length;
  let hash = 0x811c9dc5;
  for (let i = 0; i < end; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}
