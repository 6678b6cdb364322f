// @vitest-environment jsdom
// Differential test of the content URL rewriter against a real HTML parser (jsdom): on seeded random
// markup, every src/href/poster must come out as new URL(value, base) — or unchanged when absolute —
// and every other attribute, element and text exactly as it was.
import { describe, expect, it } from 'vitest';
import { resolveContentUrls } from '../../../src/feeds/content-urls';
import { seededRandom } from './seeded-random';

const BASE = 'https://example.com/blog/post/1';
const TAGS = ['a', 'img', 'video', 'p', 'span', 'IMG', 'A'];
const NAMES = ['src', 'href', 'poster', 'SRC', 'Href', 'alt', 'title', 'data-src', 'class', 'hreflang'];
const URLS = [
  'a.png', '/x/y', '../up', './here/', '?q=1', '#f', '//cdn.test/z', 'https://abs.test/a', 'mailto:x@y.test', 'data:image/png;base64,AA==',
  'img/é.png', 'a b.png', ' spaced.png ', '\ttabbed.png\n', 'a&amp;b.png', '?a=1&amp;b=2', '?a=1&copy=2', '&#104;ttp://x.test/', 'javascript:void(0)',
  '%2e%2e/x', 'a\\b', "it's.png", 'a"b.png', '', ' ', 'A:B', 'x.html?y=1#z', '..', '.', 'a%zz', '/a//b', '中文.png',
];
const TEXTS = ['text', ' src="fake.png" ', '&amp;', '>', ' href=x ', '"', "'", '\n'];
const LOOK_ALIKES = ['<img src="in-title.png">', 'a>b', 'src=x', "it's", '&quot;q&quot;'];

type Next = () => number;

function pick<T>(next: Next, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

// One attribute, quoted as its value allows; values are written HTML-escaped where quoting needs it.
function attribute(next: Next): string {
  const name = pick(next, NAMES);
  const urlLike = /^(src|href|poster)$/i.test(name);
  const value = urlLike || next() < 0.5 ? pick(next, URLS) : pick(next, LOOK_ALIKES);
  const eq = pick(next, ['=', '=', ' = ', '=\n']);
  const quoting = next();
  if (quoting < 0.15 && /^[^\s"'=<>`]+$/.test(value)) return `${name}${eq}${value}`;
  if (quoting < 0.5) return `${name}${eq}'${value.replace(/'/g, '&#39;')}'`;
  return `${name}${eq}"${value.replace(/"/g, '&quot;')}"`;
}

function markup(next: Next): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const tag = pick(next, TAGS);
    const attributes = Array.from({ length: Math.floor(next() * 4) }, () => attribute(next));
    const separators = attributes.map(() => pick(next, [' ', ' ', '\n', '/', '  ']));
    parts.push(`<${tag}${attributes.map((text, k) => separators[k] + text).join('')}${next() < 0.2 ? '/' : ''}>`, pick(next, TEXTS));
    if (next() < 0.5) parts.push(`</${tag}>`);
  }
  return parts.join('');
}

// The HTML parser's reading of a fragment.
function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

// What a URL attribute should hold after rewriting, by the URL standard.
function expectedUrl(value: string): string {
  const trimmed = value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  if (trimmed === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(trimmed)) return value;
  return new URL(trimmed, BASE).href;
}

describe('resolveContentUrls against an HTML parser', () => {
  it('changes exactly the relative src/href/poster values, to what new URL gives', () => {
    const next = seededRandom(7);
    const problems: string[] = [];
    let rewritten = 0;
    for (let n = 0; n < 400 && problems.length < 10; n++) {
      const html = markup(next);
      const output = resolveContentUrls(html, BASE);
      const before = parse(html);
      const after = parse(output);
      const elementsBefore = [...before.querySelectorAll('*')];
      const elementsAfter = [...after.querySelectorAll('*')];
      const fail = (why: string) => problems.push(`${why}\n  in:  ${JSON.stringify(html)}\n  out: ${JSON.stringify(output)}`);
      if (before.textContent !== after.textContent || elementsBefore.length !== elementsAfter.length) {
        fail('text or elements changed');
        continue;
      }
      elementsBefore.forEach((element, k) => {
        const twin = elementsAfter[k];
        if (!twin || twin.tagName !== element.tagName || twin.attributes.length !== element.attributes.length) return fail('element changed');
        for (const { name, value } of element.attributes) {
          const want = /^(src|href|poster)$/.test(name) ? expectedUrl(value) : value;
          if (want !== value) rewritten++;
          if (twin.getAttribute(name) !== want) fail(`${name}: got ${JSON.stringify(twin.getAttribute(name))}, want ${JSON.stringify(want)}`);
        }
      });
    }
    expect(problems).toEqual([]);
    expect(rewritten).toBeGreaterThan(200);
  });
});
