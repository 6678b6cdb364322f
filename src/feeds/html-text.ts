// Titles are plain text in the model. Feeds write them as HTML often enough (Atom type="html", RSS titles
// with tags or double-escaped entities): such a title is reduced to the text a browser would show.
import { Parser } from 'htmlparser2';

/** Elements whose content is never shown. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);
/** Elements that break a line: a space keeps their words apart. */
const BREAKS = new Set(['br', 'p', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

/** The text of an HTML fragment: tags gone, character references decoded, ASCII whitespace collapsed. */
export function htmlText(html: string): string {
  let text = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (BREAKS.has(name)) text += ' ';
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BREAKS.has(name)) text += ' ';
      },
      ontext(data) {
        if (hidden === 0) text += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  // HTML collapses ASCII whitespace only: a no-break or ideographic space stays what it is.
  return text.replace(/[ \t\n\f\r]+/g, ' ').replace(/^ | $/g, '');
}

/** A tag (`<b>`, `</i>`, `<br/>`) or a character reference (`&amp;`, `&#39;`, `&#x2019;`). */
const LOOKS_LIKE_HTML = /<\/?[a-z][^<>]*>|&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;

/** A title that may be HTML (RSS says nothing either way): reduced to its text when it carries markup. */
export function plainTitle(title: string): string {
  return LOOKS_LIKE_HTML.test(title) ? htmlText(title) : title;
}
