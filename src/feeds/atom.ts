// Atom 1.0 (RFC 4287): <feed><entry>. Atom 0.3 differs in names only and reuses this through atom03.ts.
import { parseDate } from './dates';
import type { EntryDraft, FeedDraft } from './normalize';
import { textConstruct, textConstructText } from './text-construct';
import { resolveUrl } from './urls';
import { child, childrenOf, childText, personName } from './xml-read';
import type { XmlDocument, XmlNode } from './xml-tree';

/** Element names that differ between Atom dialects. */
export interface AtomNames {
  subtitle: string[];
  updated: string[];
  published: string[];
  /** Atom 1.0 wraps inline XHTML in a div that is not content; Atom 0.3 does not. */
  dropDiv: boolean;
}

const ATOM10: AtomNames = { subtitle: ['subtitle', 'tagline'], updated: ['updated', 'modified'], published: ['published', 'issued', 'created'], dropDiv: true };

/** Keys for an Atom element, namespaced or not (feeds omit the namespace surprisingly often). */
export function atomKeys(...names: string[]): string[] {
  return names.flatMap((name) => [`atom:${name}`, name]);
}

/** Maps an Atom 1.0 document. */
export function parseAtom(doc: XmlDocument, timeZone?: string, names: AtomNames = ATOM10): FeedDraft {
  const feed = doc.root;
  return {
    format: 'atom',
    title: textConstructText(doc, child(feed, ...atomKeys('title')), names.dropDiv) ?? '',
    siteUrl: linkHref(feed, 'alternate'),
    description: textConstruct(doc, child(feed, ...atomKeys(...names.subtitle)), names.dropDiv),
    author: authorName(feed),
    iconUrl: resolveUrl(childText(feed, ...atomKeys('icon', 'logo')), feed.base),
    language: feed.attrs['xml:lang'],
    updatedAt: lastDate(feed, atomKeys(...names.updated), timeZone),
    publishedAt: lastDate(feed, atomKeys(...names.published), timeZone),
    entries: childrenOf(feed, ...atomKeys('entry')).map((entry) => atomEntry(doc, entry, names, timeZone)),
  };
}

function atomEntry(doc: XmlDocument, entry: XmlNode, names: AtomNames, timeZone?: string): EntryDraft {
  const content = child(entry, ...atomKeys('content'));
  const summary = child(entry, ...atomKeys('summary'));
  const updated = lastDate(entry, atomKeys(...names.updated), timeZone);
  const source = child(entry, ...atomKeys('source'));
  return {
    id: childText(entry, ...atomKeys('id')),
    title: textConstructText(doc, child(entry, ...atomKeys('title')), names.dropDiv) ?? '',
    url: linkHref(entry, 'alternate'),
    author: authorName(entry) ?? (source ? authorName(source) : undefined),
    publishedAt: lastDate(entry, atomKeys(...names.published), timeZone) ?? updated,
    updatedAt: updated,
    contentHtml: content?.attrs.src ? undefined : textConstruct(doc, content, names.dropDiv, false),
    contentBase: content?.base,
    summaryHtml: textConstruct(doc, summary ?? child(entry, 'media:description') ?? child(child(entry, 'media:group') ?? entry, 'media:description'), names.dropDiv, false),
    summaryBase: summary?.base,
    categories: childrenOf(entry, ...atomKeys('category')).map((node) => (node.attrs.label ?? node.attrs.term ?? node.text).trim()).filter((name) => name !== ''),
    enclosures: childrenOf(entry, ...atomKeys('link'))
      .filter((node) => node.attrs.rel === 'enclosure')
      .map((node) => ({ url: resolveUrl(node.attrs.href, node.base) ?? '', type: node.attrs.type, length: node.attrs.length ? Number(node.attrs.length) : undefined })),
    base: entry.base,
  };
}

// rel="alternate" (or no rel) with an HTML-ish type wins; any alternate is next.
function linkHref(node: XmlNode, rel: string): string | undefined {
  const links = childrenOf(node, ...atomKeys('link')).filter((link) => (link.attrs.rel ?? 'alternate') === rel && hrefOf(link));
  const best = links.find((link) => !link.attrs.type || /html/i.test(link.attrs.type)) ?? links[0];
  return best ? resolveUrl(hrefOf(best), best.base) : undefined;
}

// Some feeds write the address as the link's text instead of its href.
function hrefOf(link: XmlNode): string | undefined {
  return link.attrs.href ?? (link.text.trim() || undefined);
}

function authorName(node: XmlNode): string | undefined {
  const author = child(node, ...atomKeys('author'));
  if (!author) return undefined;
  return childText(author, ...atomKeys('name')) ?? personName(author.text) ?? childText(author, ...atomKeys('email'));
}

// When an element repeats, the last one read wins (as in feedparser).
function lastDate(node: XmlNode, keys: string[], timeZone?: string): number | undefined {
  for (const key of keys) {
    const found = childrenOf(node, key);
    const last = found[found.length - 1];
    if (last) return parseDate(last.text, timeZone);
  }
  return undefined;
}
