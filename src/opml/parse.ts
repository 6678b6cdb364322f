// OPML text → subscriptions. Read with the feeds' own tolerant XML tree (a bare "&" or an HTML entity
// does not sink a whole list), but a file cut off before </opml> is refused: its last outlines are lost
// and importing the rest would look complete. An outline with child outlines and no feed address is a
// folder; one with an http(s) xmlUrl is a feed; a leaf that looks like a feed (type="rss", an xmlUrl or
// htmlUrl) without a usable address is reported by its name; any other leaf (a note, a link) is counted
// as ignored. A file with no feed-like outline at all is refused: it is an outline, not a subscription list.
import { parseXml, type XmlNode } from '../feeds/xml-tree';
import { OpmlError, type OpmlFeed, type OpmlProblem, type OpmlSubscriptions } from './model';

/** Joins the names of nested folders into the one folder level the library has. */
export const FOLDER_SEPARATOR = ' / ';

/** Read an OPML document (already decoded to text); throws OpmlError for a file that is not one. */
export function parseOpml(text: string): OpmlSubscriptions {
  const doc = parseXml(text, 'about:blank');
  // <outlineDocument> is OPML's name from before 1.0, which Radio UserLand still wrote.
  const root = doc?.root.local;
  if (!doc || (root !== 'opml' && root !== 'outlinedocument')) throw new OpmlError('opml-not-opml');
  if (!new RegExp(`</${root}\\s*>|<${root}\\b[^>]*/>`, 'i').test(doc.source)) throw new OpmlError('opml-cut-off');
  const body = doc.root.children.find((node) => node.local === 'body');

  const lines = lineStarts(doc.source);
  const found: OpmlSubscriptions = { title: headTitle(doc.root), folders: [], feeds: [], problems: [], ignored: 0 };
  const visit = (node: XmlNode, folder: string) => {
    const children = outlinesOf(node);
    const name = nameOf(node);
    const address = node.attrs.xmlurl?.trim();
    if (address) {
      const xmlUrl = feedAddress(address);
      if (xmlUrl) found.feeds.push(feed(node, name, xmlUrl, folder));
      else found.problems.push(problem(node, name, 'bad-address', lines));
    } else if (children.length === 0) {
      if (looksLikeFeed(node)) found.problems.push(problem(node, name, 'no-address', lines));
      else found.ignored++;
      return;
    }
    if (children.length === 0) return;
    // A feed outline with children (some readers nest a feed's categories) keeps them in its own folder.
    const inner = address ? folder : [folder, name].filter(Boolean).join(FOLDER_SEPARATOR);
    for (const child of children) visit(child, inner);
  };
  for (const outline of body ? outlinesOf(body) : []) visit(outline, '');
  if (found.feeds.length === 0 && found.problems.length === 0) throw new OpmlError('opml-no-feeds');
  // The folders that hold a feed, in the order their first feed appears (an empty one is not imported).
  found.folders = [...new Set(found.feeds.map((entry) => entry.folder).filter(Boolean))];
  return found;
}

/** `raw` as an absolute http(s) address without a fragment (feed: links unwrapped), or undefined. */
export function feedAddress(raw: string): string | undefined {
  const text = raw.trim().replace(/^feed:(\/\/)?/i, (_, slashes: string | undefined) => (slashes ? 'https://' : ''));
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

// Child outlines, minus those OPML 2.0 marks as comments (isComment="true" hides the whole subtree).
function outlinesOf(node: XmlNode): XmlNode[] {
  return node.children.filter((child) => child.local === 'outline' && child.attrs.iscomment?.trim().toLowerCase() !== 'true');
}

// type="rss" (or atom…), or a feed or site address attribute, even an empty one.
function looksLikeFeed(node: XmlNode): boolean {
  const type = node.attrs.type?.trim().toLowerCase() ?? '';
  return FEED_TYPES.has(type) || node.attrs.xmlurl !== undefined || node.attrs.htmlurl !== undefined;
}

const FEED_TYPES = new Set(['rss', 'atom', 'feed', 'rdf', 'json']);

function headTitle(root: XmlNode): string {
  const head = root.children.find((node) => node.local === 'head');
  return head?.children.find((node) => node.local === 'title')?.text.trim() ?? '';
}

// OPML's text attribute is the one every reader writes; title is the older spelling.
function nameOf(node: XmlNode): string {
  return (node.attrs.text?.trim() || node.attrs.title?.trim() || '').replace(/\s+/g, ' ');
}

function feed(node: XmlNode, name: string, xmlUrl: string, folder: string): OpmlFeed {
  const htmlUrl = node.attrs.htmlurl ? feedAddress(node.attrs.htmlurl) : undefined;
  return htmlUrl ? { title: name, xmlUrl, htmlUrl, folder } : { title: name, xmlUrl, folder };
}

function problem(node: XmlNode, name: string, code: OpmlProblem['code'], lines: number[]): OpmlProblem {
  return { name, line: lineOf(node.innerStart, lines), code };
}

// Offsets where each line starts, for the line an outline's tag ends on (1-based).
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(offset: number, starts: number[]): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) < offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
