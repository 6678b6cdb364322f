// The string-only URL resolver must give exactly `new URL(ref, base).href` for every reference it
// accepts, and must accept the common shapes (or the fast path would silently be the slow one).
import { describe, expect, it } from 'vitest';
import { fastResolve, prefixFor, splitBase, splitSibling } from '../../../src/feeds/url-fast-path';
import { resolveUrl } from '../../../src/feeds/urls';
import { seededRandom } from './seeded-random';

const BASES = [
  'https://example.com/blog/post/',
  'https://example.com/blog/post.html?x=1#top',
  'http://example.com',
  'https://user:pw@example.com:8443/a/b/c?q#f',
  'HTTPS://Example.COM:443/A/./b/../C',
  'http://example.com/a/b?',
  'http://example.com/a#',
  'https://example.com/%7Euser/dir/',
  'https://例子.测试/路径/页',
  'http://[::1]:8080/x/y',
  'http://127.0.0.1/x/',
  'https://example.com/a;b/c,d/e',
  'https://example.com//double//slash',
];

const REFS = [
  '', '#', '#f', '#f?g', '#a#b', "#it's", '#a b', '?', '?q', '?q=1&r=2', "?it's", '?q#f', '?a?b', '?é', '?a b',
  '/', '/a/b', '/a/./b/../c', '/..', '/../..', '/a/..', '/a/.', '/a//b', '/ a',
  'a', 'a/', 'a/b.c', '.', '..', './', '../', '../../../../x', './a/../b', 'a/./b', '...', '.../x', '..a', 'a..', '.a/',
  '%2e', '%2E%2e/x', '.%2e/x', 'a%2fb', '%7Euser', '%zz', '%', 'a b', ' a', 'a ', 'a\tb', 'a\nb', 'a\\b', '\\\\host\\x',
  'é', 'a/中文', "it's", 'a"b', 'a<b>', 'a`b', 'a{b}', 'a^b', 'a|b', 'a[b]', 'a\u0000b', 'a\u007fb',
  'a:b', 'c:/x', 'C:\\x', './a:b', 'a/b:c', '1a:b', 'javascript:alert(1)', 'JavaScript:x', 'data:text/html,x', 'mailto:a@b',
  'http:x', 'https:/x', 'http://x', 'ftp://x/y',
  '//', '///x', '//cdn.example.net/x.png', '//CDN.Example.NET/X', '//host:8080/p', '//host:443/p', '//host:80/p', '//host:/p',
  '//host:0080/p', '//host:99999/p', '//host:8a/p', '//user@host/p', '//user:pw@host/', '//[::1]/p', '//[::1]:8080/',
  '//127.0.0.1/', '//1.2.3/', '//0x7f.1/', '//host.123/', '//host.0x1f/', '//host.0x/', '//host.1a/', '//xn--nxasmq6b.com/',
  '//xn--a.com/', '//例子.测试/', '//ex_ample.com/', '//-ex-.com/', '//a..b/', '//a.b./', '//host', '//host?q', '//host#f',
  '//host/a/../b', '//host/%2e%2e/b', '//ho st/', '//host\\x', '//a--b.com/',
  'a?b#c', 'a#b?c', "a?b'c", "a#b'c", "a/b'c", 'a;b=c', 'a,b', '@x', '+x', '~x/', "!$&()*+,;='", 'a//b', '//a//b',
];

// What the URL standard gives, or undefined where it throws.
function standard(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

// Every accepted reference compared with the URL parser, through fastResolve and through prefixFor
// (reading the reference out of a longer text); returns the mismatches and the accepted count.
function compare(pairs: [string, string][]): { mismatches: string[]; accepted: number } {
  const mismatches: string[] = [];
  let accepted = 0;
  for (const [ref, base] of pairs) {
    const split = splitBase(base);
    if (!split) continue;
    const expected = standard(ref, base);
    const fast = fastResolve(ref, split);
    if (fast !== undefined) accepted++;
    if (fast !== undefined && fast !== expected) mismatches.push(`${JSON.stringify(ref)} against ${base}: ${fast} ≠ ${expected}`);
    const text = `"${ref}"`;
    for (const inHtml of [false, true]) {
      const prefix = prefixFor(text, 1, text.length - 1, split, inHtml);
      if (prefix !== undefined && prefix + ref !== expected) mismatches.push(`prefixFor ${JSON.stringify(ref)} against ${base}: ${prefix + ref} ≠ ${expected}`);
    }
  }
  return { mismatches, accepted };
}

describe('fastResolve', () => {
  it('equals new URL(ref, base).href on every tricky case it accepts', () => {
    const { mismatches, accepted } = compare(BASES.flatMap((base) => REFS.map((ref): [string, string] => [ref, base])));
    expect(mismatches).toEqual([]);
    expect(accepted).toBeGreaterThan(BASES.length * 40);
  });

  it.each([
    ['/a/b', 'https://example.com/a/b'],
    ['img/1.jpg', 'https://example.com/blog/post/img/1.jpg'],
    ['../up?x=1#f', 'https://example.com/blog/up?x=1#f'],
    ['./a/../b/', 'https://example.com/blog/post/b/'],
    ['..', 'https://example.com/blog/'],
    ['?q', 'https://example.com/blog/post/?q'],
    ['#f', 'https://example.com/blog/post/#f'],
    ['', 'https://example.com/blog/post/'],
    ['//CDN.example.net:443/x.png', 'https://cdn.example.net/x.png'],
    ['//cdn.example.net:8080', 'https://cdn.example.net:8080/'],
  ])('takes the common shape %j', (ref, expected) => {
    const split = splitBase('https://example.com/blog/post/');
    expect(split && fastResolve(ref, split)).toBe(expected);
  });

  it.each(['a b', 'é', 'a\\b', '%2e%2e/x', 'javascript:alert(1)', 'c:/x', '//[::1]/', '//user@host/', '//1.2.3/', '//xn--a.com/', "?it's"])(
    'declines %j, leaving it to the URL parser',
    (ref) => {
      const split = splitBase('https://example.com/blog/post/');
      expect(split && fastResolve(ref, split)).toBeUndefined();
    },
  );

  it('gives the prefix to insert for plain paths and queries, never for "&" written in HTML', () => {
    const split = splitBase('https://example.com/blog/post/?x=1');
    expect(split && prefixFor('<a href="img/a.jpg">', 9, 18, split)).toBe('https://example.com/blog/post/');
    expect(split && prefixFor('/a/b', 0, 4, split)).toBe('https://example.com');
    expect(split && prefixFor('?q', 0, 2, split)).toBe('https://example.com/blog/post/');
    expect(split && prefixFor('../a', 0, 4, split)).toBeUndefined();
    expect(split && prefixFor('a?x=1&amp;y=2', 0, 13, split, true)).toBeUndefined();
    expect(split && prefixFor('a?x=1&y=2', 0, 9, split)).toBe('https://example.com/blog/post/');
  });

  it('splits a sibling of the previous base exactly as splitBase does, or declines', () => {
    const lasts = ['2', 'post-2.html', '', '..', '.', '%2e', 'a?b', 'a#b', 'a:b', 'a/b', 'é', "it's", '%41'];
    let accepted = 0;
    for (const previous of BASES) {
      const split = splitBase(previous);
      if (!split) continue;
      for (const last of lasts) {
        const sibling = splitSibling(split.directoryHref + last, split);
        if (sibling === undefined) continue;
        accepted++;
        expect(sibling).toEqual(splitBase(split.directoryHref + last));
      }
      expect(splitSibling('https://elsewhere.test/x', split)).toBeUndefined();
    }
    expect(accepted).toBeGreaterThan(BASES.length * 3);
  });

  it('declines bases that are not http(s)', () => {
    expect(splitBase('ftp://example.com/a/')).toBeUndefined();
    expect(splitBase('not a url')).toBeUndefined();
  });

  it('equals new URL on seeded random references and bases', () => {
    const next = seededRandom(20240611);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    // Common pieces weighted up so most references are plausible, tricky ones mixed in.
    const pieces = ['a', 'b', 'Z', '0', '9', 'x.y', '.', '..', '/', '/', '/', '?', '#', ':', '@', '=', '&', '%', '%2e', '%2E', '%41',
      '\\', ' ', '\t', 'é', '中', "'", '"', '<', '^', '`', '{', '|', '[', ']', '-', '_', '~', ';', '+', ',', '!', '$', '(', '*',
      'http:', 'HTTP://', 'xn--', '0x', '127', ':8080', '//'];
    const word = (max: number) => Array.from({ length: Math.floor(next() * max) }, () => pick(pieces)).join('');
    const pairs: [string, string][] = [];
    for (let i = 0; i < 20_000; i++) {
      const base = next() < 0.7 ? pick(BASES) : `${pick(['http://', 'https://', 'HTTP://'])}${word(8)}`;
      pairs.push([word(10), base]);
    }
    const { mismatches, accepted } = compare(pairs);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(accepted).toBeGreaterThan(2_000);
  });
});

describe('resolveUrl with the fast path', () => {
  it('equals new URL for every relative reference in the table', () => {
    const mismatches = BASES.flatMap((base) =>
      REFS.filter((ref) => ref.trim() !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(ref.trim())).flatMap((ref) => {
        const expected = standard(ref.trim(), base) ?? ref.trim();
        const actual = resolveUrl(ref, base);
        return actual === expected ? [] : [`${JSON.stringify(ref)} against ${base}: ${actual} ≠ ${expected}`];
      }),
    );
    expect(mismatches).toEqual([]);
  });
});
