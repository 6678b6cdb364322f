// @vitest-environment jsdom
// Full-article extraction on a parsed copy: relative addresses resolve against the page, and a Chinese page of
// short paragraphs still comes out as its article, not its comments (the lower threshold for CJK pages).
import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { extractArticle, isMostlyCjk } from '../../../src/ui/readability';

const CJK_PAGE = readFileSync('test/fixtures/articles/cjk-short.html', 'utf8');
const URL = 'https://news.example.cn/2021/11/interop.html';
// 30 paragraphs of 18 characters (seed 004's text) under a site navigation list: every paragraph is below the
// 25 characters Readability needs to score one.
const CJK_18 = readFileSync('test/fixtures/articles/cjk-18.html', 'utf8');
const NAV_LINKS = ['首页', '新闻', '财经', '科技', '汽车', '房产', '教育', '体育', '娱乐', '视频'];

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('extractArticle', () => {
  it('extracts a short-paragraph Chinese article without its comments, pictures made absolute', () => {
    const article = extractArticle(CJK_PAGE, URL)!;
    const doc = parse(article.html);
    expect(doc.body.textContent).toContain('透过这些场景，我们看到，一场由外链引发的运动');
    expect(doc.body.textContent).not.toContain('网友评论');
    expect(doc.body.textContent).not.toContain('版权所有');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://news.example.cn/2021/11/images/chart.png');
    expect(article).toMatchObject({ title: '互联互通迈入深水区 - 示例科技', byline: '港股研究社' });
  });

  it('extracts 30 paragraphs of 18 CJK characters without the site navigation, paragraphs kept apart', () => {
    const article = extractArticle(CJK_18, URL)!;
    const doc = parse(article.html);
    const paragraphs = [...doc.querySelectorAll('p')].map((p) => p.textContent);
    const original = [...parse(CJK_18).querySelectorAll('.article p')].map((p) => p.textContent);
    expect(original).toHaveLength(30);
    expect(paragraphs.slice(-30)).toEqual(original);
    expect(paragraphs[paragraphs.length - 30]).toBe('11月29日晚间,腾讯通过公众号“微');
    expect(doc.querySelectorAll('a')).toHaveLength(0);
    for (const word of NAV_LINKS) expect(doc.body.textContent).not.toContain(word);
    expect(doc.body.textContent).not.toContain('版权所有');
    expect(doc.querySelector('[data-mirror-merged], [data-mirror-part], span')).toBeNull();
  });

  it('control: Readability alone keeps the navigation of the 18-character page, at either threshold', () => {
    for (const options of [{}, { charThreshold: 200 }]) {
      const article = new Readability(parse(CJK_18), options).parse();
      expect(parse(article?.content ?? '').body.textContent).toContain('首页');
    }
  });

  it('leaves a short paragraph alone when no other short one is beside it, and link-only paragraphs as they are', () => {
    const long = (n: number) => `<p>第${n}段：互联互通成为了业界关注的焦点，各家平台的互联互通也有条不紊，意义重大。</p>`;
    const html = `<html><body><div class="story">${long(1)}<p>短句一则。</p>${long(2)}<p><a href="/a">相关阅读一</a></p><p><a href="/b">相关阅读二</a></p>${long(3)}${long(4)}${long(5)}${long(6)}</div></body></html>`;
    const doc = parse(extractArticle(html, URL)!.html);
    expect([...doc.querySelectorAll('p')].map((p) => p.textContent)).toContain('短句一则。');
    expect(doc.querySelector('[data-mirror-merged]')).toBeNull();
  });

  it('control: with Readability’s default threshold the same page pulls the comments in', () => {
    const doc = parse(CJK_PAGE);
    const article = new Readability(doc).parse();
    expect(parse(article?.content ?? '').body.textContent).toContain('网友评论');
  });

  it('extracts an English article at the default threshold, resolving links against a relative <base>', () => {
    const paragraphs = Array.from({ length: 8 }, (_, index) => `<p>Paragraph ${index + 1} of the harbour story, with enough words in it, commas too, to be read as prose by the scorer.</p>`).join('');
    const html = `<html><head><title>Harbour</title><base href="/blog/"></head><body><div class="nav"><a href="/">Home</a></div><div class="story">${paragraphs}<p><a href="next.html">Next part</a></p></div></body></html>`;
    const article = extractArticle(html, 'https://site.example/2024/harbour.html')!;
    expect(parse(article.html).querySelector('a')?.getAttribute('href')).toBe('https://site.example/blog/next.html');
    expect(parse(article.html).body.textContent).not.toContain('Home');
  });

  it('finds nothing in a page without text', () => {
    expect(extractArticle('<html><body><img src="a.png"></body></html>', URL)).toBeUndefined();
  });

  it('leaves the page’s scripts inert: nothing in the parsed copy runs', () => {
    const marker = { ran: false };
    (globalThis as unknown as { __ran: typeof marker }).__ran = marker;
    extractArticle(`<html><body><script>__ran.ran = true</script><img src="x" onerror="__ran.ran = true">${CJK_PAGE}</body></html>`, URL);
    expect(marker.ran).toBe(false);
  });
});

describe('isMostlyCjk', () => {
  it.each([
    ['互联互通成为了业界关注的焦点。', true],
    ['B站三季度营收达52.1亿元人民币，同比增长61%', true],
    ['日本語の記事です', true],
    ['한국어 기사입니다', true],
    ['An English article with one 词.', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isMostlyCjk(text)).toBe(expected);
  });
});
