// What search reads of an entry: its title, author and the start of its text. Pure: the worker has no DOM,
// so HTML becomes text through htmlToText.
import type { BodyRow, EntryRow } from '../db/model';
import { htmlToText } from '../feeds/html-text';

/** Characters of an entry's text that are searchable: long articles are found by their first few pages. */
export const INDEXED_TEXT = 3000;

/** The searchable text of an entry: title, author, then at most INDEXED_TEXT characters of its summary, content and the full article the user loaded. */
export function entryText(row: Pick<EntryRow, 'title' | 'author'>, body: Pick<BodyRow, 'summaryHtml' | 'contentHtml' | 'contentText' | 'article'> | undefined): string {
  let text = '';
  for (const html of [body?.summaryHtml, body?.contentHtml]) {
    if (html === undefined || text.length >= INDEXED_TEXT) continue;
    text += ` ${htmlToText(html, INDEXED_TEXT - text.length)}`;
  }
  if (body?.contentText !== undefined && text.length < INDEXED_TEXT) text += ` ${body.contentText.slice(0, INDEXED_TEXT - text.length)}`;
  // Loaded because the feed carries a summary only: what the article adds is what the user read.
  if (body?.article !== undefined && text.length < INDEXED_TEXT) text += ` ${htmlToText(body.article.html, INDEXED_TEXT - text.length)}`;
  return `${row.title} ${row.author ?? ''}${text}`;
}
