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
  if (cjk) mergeShortParagraphs(doc);
  const article = new Readability(doc, cjk ? { charThreshold: CJK_CHAR_THRESHOLD } : {}).parse();
  if (!article?.content || !article.length) return undefined;
  const result: ExtractedArticle = { html: cjk ? splitMerged(article.content) : article.content, length: article.length };
  if (article.title) result.title = article.title;
  if (article.byline) result.byline = article.byline;
  if (article.lang) result.lang = article.lang;
  return result;
}

/** Readability scores no paragraph shorter than this (its own constant): a CJK sentence often is. */
const SCORED_PARAGRAPH = 25;
/** Marks a paragraph made of merged short ones, and each original inside it. */
const MERGED = 'data-mirror-merged';
const PART = 'data-mirror-part';

/**
 * Runs of sibling <p> too short for Readability to score (most sentences of a CJK article) become one
 * paragraph holding each as a marked <span>, so the article's text counts and outweighs the site's
 * navigation; splitMerged restores the paragraphs afterwards. Link-only paragraphs (menus) stay as they are.
 */
function mergeShortParagraphs(doc: Document): void {
  for (const first of doc.body.querySelectorAll('p')) {
    if (!first.isConnected || !isShortText(first)) continue;
    const run: Element[] = [first];
    for (let next = nextParagraph(first); next && isShortText(next); next = nextParagraph(next)) run.push(next);
    if (run.length < 2) continue;
    const merged = doc.createElement('p');
    merged.setAttribute(MERGED, '');
    first.before(merged);
    for (const paragraph of run) {
      const part = doc.createElement('span');
      part.setAttribute(PART, '');
      part.append(...paragraph.childNodes);
      merged.append(part);
      paragraph.remove();
    }
  }
}

/** The <p> right after `p`, with only white space between them. */
function nextParagraph(p: Element): Element | undefined {
  let node = p.nextSibling;
  while (node && node.nodeType === 3 /* text */ && !node.textContent?.trim()) node = node.nextSibling;
  return node instanceof Element && node.localName === 'p' ? node : undefined;
}

/** A paragraph with some text, under Readability's length, most of it not link text. */
function isShortText(p: Element): boolean {
  const text = p.textContent?.trim() ?? '';
  if (text.length === 0 || text.length >= SCORED_PARAGRAPH) return false;
  const linked = [...p.querySelectorAll('a')].reduce((sum, a) => sum + (a.textContent?.trim().length ?? 0), 0);
  return linked * 2 < text.length;
}

/** Readability's HTML with each merged paragraph split back into the paragraphs it was made of. */
function splitMerged(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const merged of doc.body.querySelectorAll(`p[${MERGED}]`)) {
    const paragraphs = [...merged.childNodes].map((part) => {
      const p = doc.createElement('p');
      p.append(...(part instanceof Element && part.hasAttribute(PART) ? part.childNodes : [part]));
      return p;
    });
    merged.replaceWith(...paragraphs.filter((p) => p.textContent?.trim() || p.querySelector('img')));
  }
  for (const part of doc.body.querySelectorAll(`[${PART}]`)) part.removeAttribute(PART);
  return doc.body.innerHTML;
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
