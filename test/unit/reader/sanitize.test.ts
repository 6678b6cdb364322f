// @vitest-environment jsdom
// The one sanitize config on hostile and messy input: what goes, what stays, and how links are rewritten.
import { describe, expect, it } from 'vitest';
import { rawAttributesOf, sanitizeEntryHtml } from '../../../src/ui/sanitize';
import { dangerIn } from './danger';

function clean(html: string, baseUrl?: string): string {
  return sanitizeEntryHtml(html, baseUrl ? { baseUrl } : {}).html;
}

function parse(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('sanitizeEntryHtml: dangerous input', () => {
  const attacks: Record<string, string> = {
    script: '<p>hi</p><script>alert(1)</script>',
    'img onerror': '<img src="https://x.example/a.png" onerror="alert(1)">',
    'javascript: link': '<a href="javascript:alert(1)">x</a>',
    'javascript: with whitespace and entities': '<a href=" &#106;avascript:alert(1)">x</a>',
    'svg onload': '<svg onload="alert(1)"><circle r="1"/></svg>',
    iframe: '<iframe src="https://evil.example"></iframe>',
    'iframe srcdoc on a player': '<iframe src="https://www.youtube.com/embed/abc" srcdoc="<script>alert(1)</script>"></iframe>',
    'iframe javascript:': '<iframe src="javascript:alert(1)"></iframe>',
    form: '<form action="https://evil.example"><input name="q"><button>go</button></form>',
    'style attribute': '<p style="position:fixed;inset:0">cover</p>',
    'style element': '<style>body{display:none}</style><p>x</p>',
    'srcset trick': '<img srcset="javascript:alert(1) 1x" src="x">',
    'data: html link': '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    object: '<object data="https://evil.example/x.swf"></object>',
    embed: '<embed src="https://evil.example/x.swf">',
    'video javascript: source': '<video src="javascript:alert(1)" poster="javascript:alert(2)"></video>',
    'math mXSS': '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    'noscript mXSS': '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    'base hijack': '<base href="https://evil.example/"><a href="/x">x</a>',
    'meta refresh': '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  };

  it.each(Object.entries(attacks))('removes the dangerous part of %s', (_name, html) => {
    expect(dangerIn(clean(html, 'https://blog.example/post'))).toEqual([]);
  });

  it('keeps the harmless text around an attack', () => {
    expect(clean('<p>hello <b>world</b></p><script>alert(1)</script>')).toBe('<p>hello <b>world</b></p>');
  });

  it('strips class, id, style, data-* and aria-* so feeds cannot restyle the page or hijack its #hash', () => {
    expect(clean('<p class="help-overlay" id="entry" style="color:red" data-x="1" aria-label="y" lang="zh-CN">x</p>')).toBe('<p lang="zh-CN">x</p>');
  });
});

describe('sanitizeEntryHtml: what is dropped whole', () => {
  it.each([
    ['the hidden attribute', '<p>a</p><p hidden>secret</p>'],
    ['aria-hidden="true"', '<p>a</p><div aria-hidden="true"><p>secret</p></div>'],
    ['display: none', '<p>a</p><p style="color: red; display : none !important">secret</p>'],
    ['visibility: hidden', '<p>a</p><p style="visibility:hidden">secret</p>'],
    ['a 1×1 pixel', '<p>a</p><img src="https://t.example/p.gif" width="1" height="1">'],
    ['a 0-high pixel', '<p>a</p><img src="https://t.example/p.gif" height="0">'],
    ['a pixel sized by style', '<p>a</p><img src="https://t.example/p.gif" style="width:1px;height:1px">'],
    ['a counting host', '<p>a</p><img src="https://pixel.wp.com/g.gif?blog=1">'],
    ['a feedburner pixel', '<p>a</p><img src="http://feeds.feedburner.com/~r/Blog/~4/abc" height="1" width="1" alt="">'],
    ['a reward widget (seed 002)', '<p>a</p><div class="support-author"><div class="support-title">给作者打赏！</div><button class="button--pay">赞赏</button></div>'],
    ['a button with its label', '<p>a</p><button>Subscribe now</button>'],
    ['inline SVG with its text', '<p>a</p><svg><text>icon</text></svg>'],
    ["Word's XML island", '<p>a</p><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml>'],
    ['a foreign iframe', '<p>a</p><iframe src="https://ads.example/frame">fallback</iframe>'],
  ])('%s', (_name, html) => {
    expect(clean(html)).toBe('<p>a</p>');
  });

  it('keeps what only looks like those: aria-hidden="false", a 1-pixel-high rule image 600 wide, a class containing "reward"', () => {
    expect(clean('<p aria-hidden="false">shown</p>')).toBe('<p>shown</p>');
    expect(parse(clean('<img src="https://a.example/rule.png" width="600" height="1">')).querySelectorAll('img')).toHaveLength(1);
    expect(clean('<p class="reward-program-review">review</p>')).toBe('<p>review</p>');
  });

  it('keeps the text of a form, without its controls', () => {
    expect(clean('<form action="https://evil.example"><label>Name <input name="n"></label><p>Terms apply.</p><select><option>One</option></select></form>')).toBe('<p>Name </p><p>Terms apply.</p>');
  });
});

describe('sanitizeEntryHtml: links and headings', () => {
  it('opens absolute links in a new tab without opener or referrer', () => {
    const link = parse(clean('<a href="https://a.example/x" target="_self" rel="opener">x</a>')).querySelector('a')!;
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('resolves relative links against the entry address, drops them without one', () => {
    expect(parse(clean('<a href="/about">x</a>', 'https://blog.example/p/1')).querySelector('a')!.getAttribute('href')).toBe('https://blog.example/about');
    expect(parse(clean('<a href="//cdn.example/f.pdf">f</a>', 'https://blog.example/p/1')).querySelector('a')!.getAttribute('href')).toBe('https://cdn.example/f.pdf');
    expect(parse(clean('<a href="#toc-1">x</a>')).querySelector('a')!.hasAttribute('href')).toBe(false);
  });

  it('keeps mailto: and tel: links as written (no new tab), drops other schemes', () => {
    expect(clean('<a href="mailto:ed@example.org">m</a>')).toBe('<p><a href="mailto:ed@example.org" rel="noopener noreferrer">m</a></p>');
    expect(clean('<a href="tel:+86-10-1234">t</a>')).toBe('<p><a href="tel:+86-10-1234" rel="noopener noreferrer">t</a></p>');
    expect(clean('<a href="ftp://files.example/x">f</a>', 'https://blog.example/')).toBe('<p><a>f</a></p>');
    expect(clean('<a href="chrome-extension://abc/src/pages/options/index.html">o</a>', 'https://blog.example/')).toBe('<p><a>o</a></p>');
  });

  it('demotes body <h1> to <h2>, keeping its content', () => {
    expect(clean('<h1>Big <em>title</em></h1>')).toBe('<h2>Big <em>title</em></h2>');
  });

  it('keeps time, ruby, tables and code as written, without layout attributes', () => {
    expect(clean('<p><time datetime="2021-11-12">11月12日</time> <ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby></p>')).toBe(
      '<p><time datetime="2021-11-12">11月12日</time> <ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby></p>',
    );
    expect(clean('<table width="800" border="1" bgcolor="red"><tr><td width="50%" colspan="2">x</td></tr></table>')).toBe('<table><tbody><tr><td colspan="2">x</td></tr></tbody></table>');
    expect(clean('<pre><code class="lang-js">a &lt; b\n  c</code></pre>')).toBe('<pre><code>a &lt; b\n  c</code></pre>');
  });
});

describe('rawAttributesOf', () => {
  it('gives the image post-pass each picture’s attributes as written, after DOMPurify dropped them', () => {
    const { fragment } = sanitizeEntryHtml('<picture><source data-srcset="https://a.example/a.webp 2x" type="image/webp"><img class="lazy" data-src="https://a.example/a.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></picture>');
    // The post-pass may have replaced the <img>; the <source> is the element DOMPurify kept.
    const source = fragment.querySelector('source')!;
    expect(source.hasAttribute('data-srcset')).toBe(false);
    expect(rawAttributesOf(source)).toEqual({ 'data-srcset': 'https://a.example/a.webp 2x', type: 'image/webp' });
  });
});
