// @vitest-environment jsdom
// Word-pasted and CMS markup becomes clean paragraphs once its styles are gone.
import { describe, expect, it } from 'vitest';
import { sanitizeEntryHtml } from '../../../src/ui/sanitize';

function clean(html: string): string {
  return sanitizeEntryHtml(html).html;
}

describe('tidying', () => {
  it('unwraps Word’s font and span soup into one paragraph of text', () => {
    expect(clean('<p STYLE="text-indent:21.0pt;mso-char-indent-count:2.0"><font SIZE="2"><span STYLE="font-family:宋体">截至</SPAN><span>2017</SPAN><o:p></o:p></FONT></P>')).toBe('<p>截至2017</p>');
  });

  it('keeps a span that still says something (its language)', () => {
    expect(clean('<p>词 <span lang="ja">漢字</span></p>')).toBe('<p>词 <span lang="ja">漢字</span></p>');
  });

  it('drops empty paragraphs and divs: spaces, no-break and ideographic spaces, lone <br>s', () => {
    expect(clean('<p>a</p><p>&nbsp;</p><p>\u3000</p><div><p><br></p></div><p> <font size="2"><br /></font></p><p>b</p>')).toBe('<p>a</p><p>b</p>');
  });

  it('keeps a paragraph that only holds a picture', () => {
    expect(clean('<p><img src="https://a.example/x.png" alt="x"></p>')).toContain('<p><img src="https://a.example/x.png" alt="x"');
  });

  it('removes <br> runs at block edges and beside blocks, keeps at most two inside text', () => {
    expect(clean('<div>by Ed<br></div><br />\n<br />\n<p><br>first<br><br><br><br>second<br></p>')).toBe('<p>by Ed</p>\n\n<p>first<br><br>second</p>');
  });

  it('turns loose top-level text and divs of inline content into paragraphs', () => {
    expect(clean('Intro <b>text</b><p>para</p>tail<div>inline <i>only</i></div><div><p>nested</p></div>')).toBe('<p>Intro <b>text</b></p><p>para</p><p>tail</p><p>inline <i>only</i></p><div><p>nested</p></div>');
  });
});
