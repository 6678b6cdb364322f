// The content URL rewriter reads start tags like an HTML tokenizer: real attributes only, srcset by
// the HTML standard's candidate rules, values written back in their own quoting.
import { describe, expect, it } from 'vitest';
import { resolveContentUrls } from '../../../src/feeds/content-urls';

const BASE = 'https://example.com/blog/post/';
const DIR = BASE;

describe('resolveContentUrls', () => {
  it.each([
    ['upper-case names', '<IMG SRC="Up.PNG">', `<IMG SRC="${DIR}Up.PNG">`],
    ['a "/" or a quote before the name', `<img/src="a.png"><a title="t"href="x.html">`, `<img/src="${DIR}a.png"><a title="t"href="${DIR}x.html">`],
    ['a ">" inside an earlier value', '<a title="x>y" href="rel.html">', `<a title="x>y" href="${DIR}rel.html">`],
    ['a bare value, quoted on the way out', '<video poster="p.jpg" src=v.mp4></video>', `<video poster="${DIR}p.jpg" src="${DIR}v.mp4"></video>`],
    ['spaces around the URL', '<a href="  spaced.html  ">', `<a href="${DIR}spaced.html">`],
    ['entities in the query, kept escaped', '<a href="a.php?x=1&amp;y=2">', `<a href="${DIR}a.php?x=1&amp;y=2">`],
    ['an escaped quote in a single-quoted value', "<a href='it&#39;s.html'>", `<a href='${DIR}it&#39;s.html'>`],
    ['dot segments', '<a href="../../../../x">', '<a href="https://example.com/x">'],
    ['a query only', '<a href="?q=1">', `<a href="${DIR}?q=1">`],
    ['non-ASCII, percent-encoded', '<a href="é.html">', `<a href="${DIR}%C3%A9.html">`],
    ['a name that only starts like one', '<a hreflang="en" href="x">', `<a hreflang="en" href="${DIR}x">`],
  ])('resolves with %s', (_, html, expected) => {
    expect(resolveContentUrls(html, BASE)).toBe(expected);
  });

  it.each([
    ['fragments, protocol-relative and schemes', '<a href="#f">a</a><a href="//cdn.test/x">b</a><a href="javascript:void(0)">c</a>'],
    ['a URL that is absolute once its references are decoded', '<a href="&#104;ttp://x.test/a">'],
    ['markup inside another attribute value', `<div data-x="<img src=&quot;a.png&quot;>" title='<a href="b.html">'>`],
    ['prose that looks like an attribute', 'text src="a.png" and href=b.html'],
    ['an unterminated value', '<a href="unterminated.html>'],
    ['a name starting with "="', '<a =href="x">'],
  ])('leaves alone %s', (_, html) => {
    expect(resolveContentUrls(html, BASE)).toBe(html);
  });

  describe('srcset', () => {
    it.each([
      ['keeps descriptors and separators as written', '<img srcset=" a.png 1x ,b.png 2x ,">', `<img srcset=" ${DIR}a.png 1x ,${DIR}b.png 2x ,">`],
      ['resolves relative candidates after an absolute one', '<img srcset="https://cdn.test/a.png 1x, b.png 2x">', `<img srcset="https://cdn.test/a.png 1x, ${DIR}b.png 2x">`],
      ['keeps a data: URL whole, commas included', '<img srcset="data:image/png;base64,AAA= 1x, b.png 2x">', `<img srcset="data:image/png;base64,AAA= 1x, ${DIR}b.png 2x">`],
      ['reads a comma inside a URL as part of it', '<img srcset="a,b.png 2x">', `<img srcset="${DIR}a,b.png 2x">`],
      ['skips commas inside a descriptor’s parentheses', '<img srcset="a.png 1x (x, y), b.png 2x">', `<img srcset="${DIR}a.png 1x (x, y), ${DIR}b.png 2x">`],
    ])('%s', (_, html, expected) => {
      expect(resolveContentUrls(html, BASE)).toBe(expected);
    });
  });

  // What the HTML tokenizer never reads as a tag: comments (a quote in one opens no value), bogus
  // comments, end tags, and the text of raw-text and RCDATA elements up to their end tag.
  describe('comments and raw text', () => {
    it.each([
      ['after a comment holding an open quote', '<!-- <p title="--> <img src="rel.jpg">', `<!-- <p title="--> <img src="${DIR}rel.jpg">`],
      ['after a script holding an open quote', `<script>var s = "<a title='";</script><img src="rel.jpg">`, `<script>var s = "<a title='";</script><img src="${DIR}rel.jpg">`],
      ['after a style holding an open quote', `<style>a[title="x"]::after { content: '<a title="'; }</style><img src="rel.jpg">`, `<style>a[title="x"]::after { content: '<a title="'; }</style><img src="${DIR}rel.jpg">`],
      ['after a title holding an open quote', `<title>"<a title='</title><img src="rel.jpg">`, `<title>"<a title='</title><img src="${DIR}rel.jpg">`],
      ['after an end tag whose attribute holds ">"', '</a title="><img src=in.png>"><img src="rel.jpg">', `</a title="><img src=in.png>"><img src="${DIR}rel.jpg">`],
      ['after a bogus comment', `<?php echo "<a href='x'>" ?><img src="rel.jpg">`, `<?php echo "<a href='x'>" ?><img src="${DIR}rel.jpg">`],
      ['after comments that close at once', '<!--><img src="a.jpg"><!---><img src="b.jpg">', `<!--><img src="${DIR}a.jpg"><!---><img src="${DIR}b.jpg">`],
      ['after "--!>"', '<!-- x --!><img src="rel.jpg">', `<!-- x --!><img src="${DIR}rel.jpg">`],
      ['the attributes of a raw-text element itself', '<SCRIPT src=a.js></ScRiPt ><iframe src="f.html"></iframe>', `<SCRIPT src="${DIR}a.js"></ScRiPt ><iframe src="${DIR}f.html"></iframe>`],
    ])('resolves %s', (_, html, expected) => {
      expect(resolveContentUrls(html, BASE)).toBe(expected);
    });

    it.each([
      ['a comment’s text', '<!-- <p a="--> "src=rel.jpg>'],
      ['markup inside a comment', '<!-- <img src="in.png"> --><!--!><a href="in.html">-->'],
      ['an unterminated comment', '<!-- <img src="in.png">'],
      ['a textarea’s text', '<textarea><a href="x.html"></textarea>'],
      ['text up to the real end tag only', '<script></scripty><a href="in.html"></script ><style></style<a href="in.html"></style>'],
      ['raw text in every such element', ['xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'title', 'TextArea'].map((tag) => `<${tag}><img src="in.png"></${tag}>`).join('')],
      ['everything after plaintext', '<plaintext><a href="x.html"></plaintext><a href="y.html">'],
      ['an unterminated raw-text element', '<script><a href="x.html">'],
    ])('leaves alone %s', (_, html) => {
      expect(resolveContentUrls(html, BASE)).toBe(html);
    });
  });

  it('escapes a base whose path holds "&" or a quote', () => {
    expect(resolveContentUrls(`<a href='x'>`, "https://example.com/it's/")).toBe(`<a href='https://example.com/it&#39;s/x'>`);
    expect(resolveContentUrls('<a href="x">', 'https://example.com/a&b/')).toBe('<a href="https://example.com/a&amp;b/x">');
  });

  it('returns the very same string when nothing is relative', () => {
    const html = '<p><img src="https://x.test/a.jpg" srcset="https://x.test/a.jpg 1x, https://x.test/b.jpg 2x"></p>';
    expect(resolveContentUrls(html, BASE)).toBe(html);
    expect(resolveContentUrls('<img src="a.png">', undefined)).toBe('<img src="a.png">');
  });
});
