// Runs feedparser's translated checks against parseFeed and reports pass/fail per check.
import { readFileSync } from 'node:fs';
import { decodeHTML } from 'entities';
import { join } from 'node:path';
import { parseFeed, type ParsedEntry, type ParsedFeed } from '../../src/feeds/index';
import { CORPORA } from './corpora';

/** One translated check from translated_cases.json. */
export interface TranslatedCase {
  file: string;
  category: string;
  path: string;
  expected: string | null;
  match: 'equals' | 'instant';
}

/** A check's outcome. */
export interface CaseResult {
  check: TranslatedCase;
  actual: unknown;
  pass: boolean;
}

interface ManifestRecord {
  file: string;
  headers?: Record<string, string>;
}

// The feedparser test server's address: the harness documents are served from it.
const SERVER = 'http://127.0.0.1:8097/';

/** Every non-sanitize check. */
export function loadCases(): TranslatedCase[] {
  const all = JSON.parse(readFileSync(join(CORPORA, 'feedparser/translated_cases.json'), 'utf8')) as TranslatedCase[];
  return all.filter((check) => check.category !== 'sanitize');
}

/** Runs the checks, parsing each file once with its HTTP headers as meta. */
export function runCases(cases: TranslatedCase[]): CaseResult[] {
  const manifest = JSON.parse(readFileSync(join(CORPORA, 'feedparser/manifest.json'), 'utf8')) as ManifestRecord[];
  const headersByFile = new Map(manifest.map((record) => [record.file, record.headers ?? {}]));
  const parsed = new Map<string, ParsedFeed | Error>();
  return cases.map((check) => {
    let feed = parsed.get(check.file);
    if (!feed) {
      feed = parseCaseFile(check.file, headersByFile.get(check.file) ?? {});
      parsed.set(check.file, feed);
    }
    const actual = feed instanceof Error ? feed : valueAt(feed, check.path);
    return { check, actual, pass: !(actual instanceof Error) && matches(check, actual) };
  });
}

function parseCaseFile(file: string, manifestHeaders: Record<string, string>): ParsedFeed | Error {
  const bytes = new Uint8Array(readFileSync(join(CORPORA, 'feedparser', file)));
  const headers = { ...commentHeaders(bytes), ...manifestHeaders };
  const header = (name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const documentUrl = SERVER + file;
  // The fetcher follows an http(s) Content-Location the way feedparser does: relative to the request URL.
  const location = header('content-location');
  const located = location ? new URL(location, documentUrl).href : documentUrl;
  const url = /^https?:/.test(located) ? located : documentUrl;
  try {
    return parseFeed(bytes, { url, contentType: header('content-type') });
  } catch (error) {
    return error as Error;
  }
}

// Some cases name their HTTP headers only in the "Header:" lines of their leading comment.
function commentHeaders(bytes: Uint8Array): Record<string, string> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2000));
  const headers: Record<string, string> = {};
  for (const [, name, value] of head.matchAll(/^Header:\s*([\w-]+):\s*(.*?)\s*$/gm)) if (name && value) headers[name] = value;
  return headers;
}

const FEED_FIELDS: Record<string, keyof ParsedFeed> = { title: 'title', link: 'siteUrl', description: 'description', author: 'author', updated: 'updatedAt', published: 'publishedAt' };
const ENTRY_FIELDS: Record<string, keyof ParsedEntry> = { title: 'title', link: 'url', id: 'id', author: 'author', published: 'publishedAt', updated: 'updatedAt', content: 'contentHtml', summary: 'summaryHtml' };

function valueAt(feed: ParsedFeed, path: string): unknown {
  const entry = /^entries\[(\d+)\]\.(\w+)$/.exec(path);
  if (entry) {
    const item = feed.entries[Number(entry[1])];
    const field = ENTRY_FIELDS[entry[2] ?? ''];
    if (!item || !field) return undefined;
    // feedparser copies content into summary when an entry has no summary.
    if (field === 'summaryHtml') return item.summaryHtml ?? item.contentHtml ?? item.contentText;
    if (field === 'contentHtml') return item.contentHtml ?? item.contentText;
    return item[field];
  }
  const field = FEED_FIELDS[path.replace(/^feed\./, '')];
  return field ? feed[field] : undefined;
}

function matches(check: TranslatedCase, actual: unknown): boolean {
  if (check.match === 'instant') {
    if (check.expected === null) return actual === undefined;
    return typeof actual === 'number' && actual === Date.parse(check.expected);
  }
  // The model omits empty fields, so an absent value equals an expected empty string.
  const text = actual === undefined ? '' : actual;
  if (typeof text !== 'string') return false;
  const expected = (check.expected ?? '').trim();
  return text.trim() === expected || (isTitle(check.path) && text.trim() === textOfHtml(expected));
}

function isTitle(path: string): boolean {
  return /(?:^|\.)title$/.test(path);
}

/**
 * Our titles are plain text; feedparser keeps a title's markup when it is HTML (type="html", or an RSS
 * title that looks like HTML) and its text otherwise. So a title check passes on feedparser's value as is
 * or on the text of it as HTML: tags dropped, references decoded (the `entities` package, not the
 * parser's own code), ASCII whitespace collapsed as HTML renders it.
 */
export function textOfHtml(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, ' ')).replace(/[ \t\n\f\r]+/g, ' ').trim();
}
