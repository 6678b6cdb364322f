// htmlToText: the words a reader sees, for snippets and search, without a DOM.
import { describe, expect, it } from 'vitest';
import { clip, htmlToText } from '../../../src/feeds/html-text';

describe('htmlToText', () => {
  it.each([
    ['<p>Hello <b>world</b></p><p>again</p>', 'Hello world again'],
    ['one<br>two<li>three', 'one two three'],
    ['a &amp; b &lt;c&gt; &#x4e2d;&#25991; &nbsp;d', 'a & b <c> 中文 d'],
    ['caf&eacute; &mdash; &hellip;&ldquo;q&rdquo; &apos;s&#39; &#x1F600;', 'café — …“q” \'s\' 😀'],
    ['&notaname; &amp &#0; &#xD800; AT&T', '&notaname; & \ufffd \ufffd AT&T'],
    ['<script>alert(1)</script>kept<style>p{}</style> text', 'kept text'],
    ['before<!-- hidden <p>comment</p> -->after', 'before after'],
    ['<svg><text>chart label</text></svg>caption', 'caption'],
    ['<p>open <script>never closed', 'open'],
    ['  spaced\n\n\tout　全角  ', 'spaced out 全角'],
    ['x < y and y > z', 'x < y and y > z'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it('stops at the limit without reading the whole body', () => {
    const long = `<p>${'字'.repeat(300)}</p>${'<p>tail</p>'.repeat(100_000)}`;
    expect(htmlToText(long, 10)).toBe('字'.repeat(10));
  });

  it('never splits a surrogate pair', () => {
    expect(clip('ab😀cd', 3)).toBe('ab');
    expect(clip('ab😀cd', 4)).toBe('ab😀');
  });

  it('stays linear on runs of unclosed markup (a backtracking pattern would take minutes here)', () => {
    for (const hostile of ['<a'.repeat(200_000), '<!--'.repeat(200_000), '<script'.repeat(200_000), `${'<p x="'.repeat(100_000)}end`]) {
      expect(htmlToText(hostile)).toBe('');
    }
  });
});
