// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeEntryHtml } from '../../../src/ui/sanitize';
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
    'iframe': '<iframe src="https://evil.example"></iframe>',
    'form': '<form action="https://evil.example"><input name="q"><button>go</button></form>',
    'style attribute': '<p style="position:fixed;inset:0">cover</p>',
    'style element': '<style>body{display:none}</style><p>x</p>',
    'srcset trick': '<img srcset="javascript:alert(1) 1x" src="x">',
    'data: html link': '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    'object': '<object data="https://evil.example/x.swf"></object>',
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

  it('strips class and id so feeds cannot hijack the page CSS or its #entry hash', () => {
    expect(clean('<p class="help-overlay" id="entry">x</p>')).toBe('<p>x</p>');
  });
});

describe('sanitizeEntryHtml: links and headings', () => {
  it('opens absolute links in a new tab without opener or referrer', () => {
    const link = parse(clean('<a href="https://a.example/x">x</a>')).querySelector('a')!;
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('resolves relative links against the entry address, drops them without one', () => {
    expect(parse(clean('<a href="/about">x</a>', 'https://blog.example/p/1')).querySelector('a')!.getAttribute('href')).toBe('https://blog.example/about');
    expect(parse(clean('<a href="#toc-1">x</a>')).querySelector('a')!.hasAttribute('href')).toBe(false);
  });

  it('demotes body <h1> to <h2>, keeping its content', () => {
    expect(clean('<h1>Big <em>title</em></h1>')).toBe('<h2>Big <em>title</em></h2>');
  });
});
