// A parsed entry split the way v2 stores it: the list row (what lists and search need) and the body (what
// only the reader reads), plus the hash that tells a re-poll whether anything changed. Pure: no Dexie.
import type { ParsedEntry } from '../feeds/model';
import { htmlToText, clip } from '../feeds/html-text';
import { Hasher } from '../shared/hash';
import { SNIPPET_LENGTH, type BodyRow, type EntryRow } from './model';

/** The list-row fields a feed may change between polls (everything else on a row is the reader's). */
export type EntryListContent = Pick<EntryRow, 'title' | 'url' | 'author' | 'publishedAt' | 'updatedAt' | 'snippet' | 'coverUrl' | 'hash'>;

/** An entry's list-row content and its body, without ids. */
export interface EntryParts {
  list: EntryListContent;
  body: Omit<BodyRow, 'id'>;
}

/** Split `entry` into list content (with its hash and snippet) and body. Absent fields stay absent. */
export function entryParts(entry: ParsedEntry): EntryParts {
  const list: EntryListContent = { title: entry.title, hash: contentHash(entry) };
  if (entry.url !== undefined) list.url = entry.url;
  if (entry.author !== undefined) list.author = entry.author;
  if (entry.publishedAt !== undefined) list.publishedAt = entry.publishedAt;
  if (entry.updatedAt !== undefined) list.updatedAt = entry.updatedAt;
  if (entry.coverUrl !== undefined) list.coverUrl = entry.coverUrl;
  const snippet = snippetOf(entry);
  if (snippet !== '') list.snippet = snippet;

  const body: Omit<BodyRow, 'id'> = { categories: entry.categories, enclosures: entry.enclosures };
  if (entry.contentHtml !== undefined) body.contentHtml = entry.contentHtml;
  if (entry.summaryHtml !== undefined) body.summaryHtml = entry.summaryHtml;
  if (entry.contentText !== undefined) body.contentText = entry.contentText;
  if (entry.imageMap !== undefined) body.imageMap = entry.imageMap;
  return { list, body };
}

/** The start of the entry's text: the summary if it has one, else the content. */
export function snippetOf(entry: Pick<ParsedEntry, 'summaryHtml' | 'contentHtml' | 'contentText'>): string {
  if (entry.contentText !== undefined && entry.contentHtml === undefined && entry.summaryHtml === undefined) {
    return clip(entry.contentText.replace(/[\s\u00a0\u3000]+/g, ' ').trim(), SNIPPET_LENGTH);
  }
  const html = entry.summaryHtml ?? entry.contentHtml;
  return html === undefined ? '' : htmlToText(html, SNIPPET_LENGTH);
}

/** A hash over every field the feed controls; equal hashes mean nothing to store. */
export function contentHash(entry: ParsedEntry): string {
  const hasher = new Hasher();
  // Each field is tagged, so a value moving from one field to the next changes the hash.
  const add = (tag: string, value: string | number | undefined) => {
    if (value !== undefined) hasher.add(tag).add(String(value)).add('\u0000');
  };
  add('t', entry.title);
  add('u', entry.url);
  add('a', entry.author);
  add('p', entry.publishedAt);
  add('d', entry.updatedAt);
  add('c', entry.contentHtml);
  add('s', entry.summaryHtml);
  add('x', entry.contentText);
  add('v', entry.coverUrl);
  for (const category of entry.categories) add('g', category);
  for (const enclosure of entry.enclosures) add('e', `${enclosure.url} ${enclosure.type ?? ''} ${enclosure.length ?? ''}`);
  if (entry.imageMap) for (const [original, copy] of Object.entries(entry.imageMap)) add('i', `${original} ${copy ?? ''}`);
  return hasher.digest();
}
