// @vitest-environment jsdom
// Differential test of the content URL rewriter against a real HTML parser (jsdom): on seeded random
// markup, every src/href/poster (and each srcset candidate's URL) must come out as new URL(value, base)
// — or unchanged when absolute — and every other attribute, element, text and comment exactly as it was.
// The markup mixes in what the tokenizer never reads as tags: comments, bogus comments, end tags and the
// text of raw-text/RCDATA elements, each holding tag-like text and stray quotes.
import { describe, expect, it } from 'vitest';
import { resolveContentUrls } from '../../../src/feeds/content-urls';
import { seededRandom } from './seeded-random';

const BASE = 'https://example.com/blog/post/1';
const TAGS = ['a', 'img', 'video', 'p', 'span', 'IMG', 'A'];
const NAMES = ['src', 'href', 'poster', 'SRC', 'Href', 'alt', 'title', 'data-src', 'class', 'hreflang', 'srcset', 'SrcSet'];
const URLS = [
  'a.png', '/x/y', '../up', './here/', '?q=1', '#f', '//cdn.test/z', 'https://abs.test/a', 'mailto:x@y.test', 'data:image/png;base64,AA==',
  'img/é.png', 'a b.png', ' spaced.png ', '\ttabbed.png\n', 'a&amp;b.png', '?a=1&amp;b=2', '?a=1&copy=2', '&#104;ttp://x.test/', 'javascript:void(0)',
  '%2e%2e/x', 'a\\b', "it's.png", 'a"b.png', '', ' ', 'A:B', 'x.html?y=1#z', '..', '.', 'a%zz', '/a//b', '中文.png',
];
const TEXTS = ['text', ' src="fake.png" ', '&amp;', '>', ' href=x ', '"', "'", '\n'];
const LOOK_ALIKES = ['<img src="in-title.png">', 'a>b', 'src=x', "it's", '&quot;q&quot;'];
const DESCRIPTORS = ['', '', ' 1x', ' 2x', ' 100w', ' 1x (a, b)'];
const SEPARATORS = [', ', ',', ' , ', ',\n'];
// Comments (closing at once, on "--!>", or never), bogus comments and end tags, with quotes and tag-like text.
const NON_TAGS = [
  '<!-- c -->', '<!---->', '<!-->', '<!--->', '<!-- <p title="--> ', '<!-- <p a="--> "src=rel.jpg>', "<!-- ' <a href='in.html'> -->",
  '<!--!><img src="in.png">-->', '<!-- x --!>', '<!-- <img src=in.png -- > -->', '<!-- never closed <img src="in.png">',
  '<!DOCTYPE html>', `<?php echo "<a href='in.html'>" ?>`, '</p title="><img src=in.png>">', '</>', '</ p>', '<![CDATA[ <a href="in.html"> ]]>',
];
// Raw-text and RCDATA elements (as their tokenizer state), and text they hold that only looks like markup.
const RAW_TAGS = ['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'SCRIPT', 'TextArea', 'Title'];
const RAW_TEXTS = [
  '<img src="in.png">', `var s = "<a title='";`, '<a href=in.html>', '"', "'", '</p title="', '</scripty>', '</titles>', '</style',
  '<!-- <img src=in.png> -->', '<!--', '-->', 'a<b', ' src="in.png" ',
];
const RAW_CLOSERS = ['</$>', '</$>', '</$ >', '</$/>', '</$\n>', '']; // "" leaves the element open to the end

type Next = () => number;

function pick<T>(next: Next, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

// One attribute, quoted as its value allows; values are written HTML-escaped where quoting needs it.
function attribute(next: Next): string {
  const name = pick(next, NAMES);
  const urlLike = /^(src|href|poster)$/i.test(name);
  const value = /^srcset$/i.test(name) ? srcset(next) : urlLike || next() < 0.5 ? pick(next, URLS) : pick(next, LOOK_ALIKES);
  const eq = pick(next, ['=', '=', ' = ', '=\n']);
  const quoting = next();
  if (quoting < 0.15 && /^[^\s"'=<>`]+$/.test(value)) return `${name}${eq}${value}`;
  if (quoting < 0.5) return `${name}${eq}'${value.replace(/'/g, '&#39;')}'`;
  return `${name}${eq}"${value.replace(/"/g, '&quot;')}"`;
}

// One to three candidates: URLs without spaces, descriptors (some with commas in parentheses).
function srcset(next: Next): string {
  const urls = URLS.filter((url) => url !== '' && !/\s/.test(url));
  const count = 1 + Math.floor(next() * 3);
  return Array.from({ length: count }, () => pick(next, urls) + pick(next, DESCRIPTORS)).join(pick(next, SEPARATORS));
}

// A raw-text or RCDATA element holding tag-like text. Script text never holds "<!--" (it would enter the
// script-escaped states, whose "<script" nesting this rewriter does not follow).
function rawText(next: Next): string {
  const tag = pick(next, RAW_TAGS);
  const texts = /^script$/i.test(tag) ? RAW_TEXTS.filter((text) => !text.includes('<!--')) : RAW_TEXTS;
  const body = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(next, texts)).join('');
  const attributes = next() < 0.3 ? ` ${attribute(next)}` : '';
  return `<${tag}${attributes}>${body}${pick(next, RAW_CLOSERS).replace('$', pick(next, [tag, tag.toUpperCase(), tag.toLowerCase()]))}`;
}

function markup(next: Next): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const kind = next();
    if (kind < 0.12) {
      parts.push(pick(next, NON_TAGS));
      continue;
    }
    if (kind < 0.24) {
      parts.push(rawText(next));
      continue;
    }
    if (kind < 0.245) {
      parts.push('<plaintext><a href="in.html">'); // the rest is text
      continue;
    }
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

// Every comment's text, in document order.
function comments(root: Node): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) found.push((walker.currentNode as Comment).data);
  return found;
}

// What a srcset should hold after rewriting: each candidate's URL (found by the HTML standard's rules:
// a run of non-spaces less trailing commas; descriptors up to a comma outside parentheses) rewritten.
function expectedSrcset(value: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  const space = /[\t\n\f\r ]/;
  for (;;) {
    while (i < value.length && (space.test(value[i] as string) || value[i] === ',')) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !space.test(value[i] as string)) i++;
    let end = i;
    while (end > start && value[end - 1] === ',') end--;
    if (end === i) {
      let inParentheses = false;
      for (; i < value.length; i++) {
        if (value[i] === '(') inParentheses = true;
        else if (value[i] === ')') inParentheses = false;
        else if (value[i] === ',' && !inParentheses) break;
      }
    }
    out += value.slice(copied, start) + expectedUrl(value.slice(start, end));
    copied = end;
  }
  return out + value.slice(copied);
}

// What a URL attribute should hold after rewriting, by the URL standard.
function expectedUrl(value: string): string {
  const trimmed = value.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  if (trimmed === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(trimmed)) return value;
  return new URL(trimmed, BASE).href;
}

describe('resolveContentUrls against an HTML parser', () => {
  it('changes exactly the relative src/href/poster values and srcset URLs, to what new URL gives', () => {
    const next = seededRandom(7);
    const problems: string[] = [];
    let rewritten = 0;
    for (let n = 0; n < 800 && problems.length < 10; n++) {
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
      if (JSON.stringify(comments(before)) !== JSON.stringify(comments(after))) {
        fail('comments changed');
        continue;
      }
      elementsBefore.forEach((element, k) => {
        const twin = elementsAfter[k];
        if (!twin || twin.tagName !== element.tagName || twin.attributes.length !== element.attributes.length) return fail('element changed');
        for (const { name, value } of element.attributes) {
          const want = /^(src|href|poster)$/.test(name) ? expectedUrl(value) : name === 'srcset' ? expectedSrcset(value) : value;
          if (want !== value) rewritten++;
          if (twin.getAttribute(name) !== want) fail(`${name}: got ${JSON.stringify(twin.getAttribute(name))}, want ${JSON.stringify(want)}`);
        }
      });
    }
    expect(problems).toEqual([]);
    expect(rewritten).toBeGreaterThan(400);
  });
});
