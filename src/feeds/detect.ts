// Format detection, one small function: "{" first means JSON; otherwise the first element's name.

/** What a document looks like before it is parsed. */
export type DetectedFormat = 'json' | 'rss' | 'rdf' | 'atom' | 'cdf' | 'html' | 'unknown';

// Skips declarations, processing instructions, comments and CDATA; captures the first element name.
const FIRST_ELEMENT = /<(?:\?[\s\S]*?\?>|!--[\s\S]*?-->|!\[CDATA\[[\s\S]*?\]\]>|![^>]*>|([A-Za-z_][\w.:-]*))/g;

/** Detects the format from the start of the decoded text. */
export function detectFormat(text: string): DetectedFormat {
  const first = /\S/.exec(text)?.[0];
  if (first === '{' || first === '[') return 'json';
  // The root element is near the start; a bounded prefix keeps a pathological prolog cheap.
  const head = text.slice(0, 65_536);
  FIRST_ELEMENT.lastIndex = 0;
  for (let match = FIRST_ELEMENT.exec(head); match; match = FIRST_ELEMENT.exec(head)) {
    const name = match[1];
    if (name === undefined) continue;
    const local = name.slice(name.indexOf(':') + 1).toLowerCase();
    if (local === 'rss') return 'rss';
    if (local === 'rdf') return 'rdf';
    if (local === 'feed') return 'atom';
    if (local === 'channel') return 'cdf';
    if (local === 'html' || local === 'head' || local === 'body') return 'html';
    return 'unknown';
  }
  return 'unknown';
}
