// Tidies sanitized markup into clean paragraphs for the reader's typography: what Word-pasted and CMS
// markup leaves behind once styles are gone — bare <span>s, empty paragraphs, runs of <br>.
// Runs on the sanitized tree only (it moves and removes nodes, never adds attributes).

/** Elements that show something even without text. */
const CONTENT = 'img, picture, video, audio, iframe, table, hr, pre';

/** Elements laid out as blocks: a <br> next to one (or at a block's edge) draws nothing useful. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DETAILS', 'DIV', 'DL', 'DD', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'UL', 'VIDEO', 'AUDIO', 'IFRAME', 'PICTURE',
]);

/** Whitespace as HTML and CJK text use it: spaces, no-break spaces, the ideographic space. */
const BLANK = /^[\s\u00a0\u3000\u200b]*$/;

/**
 * Trim and shorten runs of <br>, turn divs of inline content and loose inline content at the top into
 * paragraphs, drop empty paragraphs and divs. (Bare spans are already gone: the sanitizer's hook unwraps them.)
 */
export function tidy(root: Element): void {
  for (const run of brRuns(root)) tidyRun(run);
  // Deepest first, so a div that only held empty paragraphs goes too.
  const candidates = [...root.querySelectorAll('p, div')].reverse();
  for (const element of candidates) {
    if (isEmpty(element)) element.remove();
    else if (element.localName === 'div' && ![...element.children].some((child) => BLOCKS.has(child.nodeName))) rename(element, 'p');
  }
  wrapLooseInline(root);
}

/** Consecutive top-level text and inline elements become one paragraph (unless they show nothing). */
function wrapLooseInline(root: Element): void {
  let run: Node[] = [];
  const flush = (before: Node | null) => {
    const paragraph = root.ownerDocument.createElement('p');
    paragraph.append(...run);
    run = [];
    if (!isEmpty(paragraph)) root.insertBefore(paragraph, before);
  };
  for (const node of [...root.childNodes]) {
    if (isBlock(node)) {
      if (run.length > 0) flush(node);
    } else if (node.nodeType === 1 || (node.nodeType === 3 && (run.length > 0 || !BLANK.test(node.nodeValue ?? '')))) {
      // Whitespace between blocks stays where it is (it keeps the markup readable, and draws nothing).
      run.push(node);
    }
  }
  if (run.length > 0) flush(null);
}

function rename(element: Element, tag: string): void {
  const replacement = element.ownerDocument.createElement(tag);
  replacement.append(...element.childNodes);
  element.replaceWith(replacement);
}

function isEmpty(element: Element): boolean {
  // Text nodes one by one, stopping at the first with a letter: a big div answers at its first words instead
  // of building its whole text as one string.
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) if (!BLANK.test(text.nodeValue ?? '')) return false;
  return element.querySelector(CONTENT) === null;
}

/** Consecutive <br> siblings (whitespace text between them allowed), each run once. */
function brRuns(root: Element): Element[][] {
  const runs: Element[][] = [];
  const seen = new Set<Element>();
  for (const br of root.querySelectorAll('br')) {
    if (seen.has(br)) continue;
    const run: Element[] = [br];
    seen.add(br);
    for (let next = meaningfulSibling(br, 'next'); next !== null && next.nodeName === 'BR'; next = meaningfulSibling(next, 'next')) {
      run.push(next as Element);
      seen.add(next as Element);
    }
    runs.push(run);
  }
  return runs;
}

/** A run beside a block (or at the edge of one) goes; a run inside text keeps at most two (one blank line). */
function tidyRun(run: Element[]): void {
  const before = meaningfulSibling(run[0]!, 'previous');
  const after = meaningfulSibling(run[run.length - 1]!, 'next');
  const parent = run[0]!.parentElement;
  const inBlock = parent !== null && (BLOCKS.has(parent.tagName) || parent.tagName === 'BODY');
  if (isBlock(before) || isBlock(after) || (inBlock && (before === null || after === null))) {
    for (const br of run) br.remove();
    return;
  }
  for (const br of run.slice(2)) br.remove();
}

function isBlock(node: Node | null): boolean {
  return node !== null && node.nodeType === 1 && BLOCKS.has(node.nodeName);
}

/** The nearest sibling that is not whitespace-only text or a comment. */
function meaningfulSibling(node: Node, direction: 'next' | 'previous'): Node | null {
  let sibling = direction === 'next' ? node.nextSibling : node.previousSibling;
  while (sibling && ((sibling.nodeType === 3 && BLANK.test(sibling.nodeValue ?? '')) || sibling.nodeType === 8)) {
    sibling = direction === 'next' ? sibling.nextSibling : sibling.previousSibling;
  }
  return sibling;
}
