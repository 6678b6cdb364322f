// "Load full article": the original page's main text, found by Mozilla's Readability on a parsed copy of the
// page (an inert document: nothing in it runs or loads), with a <base> so relative links and pictures
// resolve against the page. The result is raw HTML: the reader sanitizes it like any feed content.
import { Readability } from '@mozilla/readability';

/** The part of a page worth reading. */
export interface ExtractedArticle {
  html: string;
  /** Characters of text, as Readability counts them. */
  length: number;
  title?: string;
  byline?: string;
  lang?: string;
}

/**
 * Readability gives up on an extraction shorter than 500 characters and retries looser, pulling in comments
 * and sidebars. Chinese, Japanese and Korean say in one character what takes two or three in English, so a
 * complete CJK article is often that short: for those pages the bar is lower.
 */
export const CJK_CHAR_THRESHOLD = 200;

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/g;

/** True when most letters of `text` (the first 10,000 characters) are Chinese, Japanese or Korean. */
export function isMostlyCjk(text: string): boolean {
  const sample = text.slice(0, 10_000).replace(/[\s\p{P}\p{S}\d]/gu, '');
  if (sample.length === 0) return false;
  return (sample.match(CJK)?.length ?? 0) / sample.length > 0.3;
}

/** The article of the page `html` served from `url`, or undefined when the page has none Readability finds. */
export function extractArticle(html: string, url: string): ExtractedArticle | undefined {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  setBase(doc, url);
  const cjk = isMostlyCjk(doc.body?.textContent ?? '');
  const article = new Readability(doc, cjk ? { charThreshold: CJK_CHAR_THRESHOLD } : {}).parse();
  if (!article?.content || !article.length) return undefined;
  const result: ExtractedArticle = { html: article.content, length: article.length };
  if (article.title) result.title = article.title;
  if (article.byline) result.byline = article.byline;
  if (article.lang) result.lang = article.lang;
  return result;
}

/** Point the copy's base address at the page (keeping a <base> the page had, resolved against it). */
function setBase(doc: Document, url: string): void {
  const existing = doc.querySelector('base[href]');
  let href = url;
  try {
    if (existing) href = new URL(existing.getAttribute('href') ?? '', url).href;
  } catch {
    // A broken <base> of the page: the page's own address is the next best.
  }
  for (const base of doc.querySelectorAll('base')) base.remove();
  const base = doc.createElement('base');
  base.setAttribute('href', href);
  doc.head.prepend(base);
}
