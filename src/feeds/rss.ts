// RSS 0.9x / 2.0 (also the item vocabulary RSS 1.0 shares): <rss><channel><item>.
import { parseDate } from './dates';
import type { EntryDraft, FeedDraft } from './normalize';
import { resolveUrl } from './urls';
import { plainTitle } from './html-text';
import { child, childMarkup, childrenOf, childText, markupOf, personName, textOf } from './xml-read';
import type { XmlDocument, XmlNode } from './xml-tree';

const AUTHOR_KEYS = ['author', 'dc:creator', 'dc:author', 'itunes:author', 'managingeditor'];

/** Maps an RSS 0.9x/2.0 document. */
export function parseRss(doc: XmlDocument, timeZone?: string): FeedDraft {
  const channel = child(doc.root, 'channel') ?? doc.root;
  // Some feeds put their items beside the channel instead of inside it.
  const items = childrenOf(channel, 'item');
  if (channel !== doc.root) items.push(...childrenOf(doc.root, 'item'));
  return { ...rssChannel(doc, channel, timeZone), format: 'rss', entries: items.map((item) => rssItem(doc, item, timeZone)) };
}

/** Channel-level fields shared by RSS 0.9x/1.0/2.0. */
export function rssChannel(doc: XmlDocument, channel: XmlNode, timeZone?: string): Omit<FeedDraft, 'format' | 'entries'> {
  const link = child(channel, 'link');
  const atomAlternate = childrenOf(channel, 'atom:link').find((node) => (node.attrs.rel ?? 'alternate') === 'alternate');
  const image = child(channel, 'image');
  return {
    title: childTitle(doc, channel, 'title', 'dc:title'),
    siteUrl: link && textOf(link) ? resolveUrl(textOf(link), link.base) : atomAlternate ? resolveUrl(atomAlternate.attrs.href, atomAlternate.base) : undefined,
    description: childMarkup(doc, channel, 'description', 'dc:description', 'itunes:summary', 'itunes:subtitle'),
    author: personName(childText(channel, ...AUTHOR_KEYS, 'webmaster')),
    language: childText(channel, 'language', 'dc:language'),
    iconUrl: image ? resolveUrl(childText(image, 'url'), image.base) : resolveUrl(child(channel, 'itunes:image')?.attrs.href, channel.base),
    updatedAt: parseDate(childText(channel, 'lastbuilddate', 'dc:date', 'dcterms:modified', 'atom:updated'), timeZone),
    publishedAt: parseDate(childText(channel, 'pubdate', 'dcterms:issued'), timeZone),
  };
}

/** One <item>. */
export function rssItem(doc: XmlDocument, item: XmlNode, timeZone?: string): EntryDraft {
  const guid = child(item, 'guid');
  const guidText = guid ? textOf(guid) : undefined;
  const linkNode = child(item, 'link');
  const permaLink = guid && guidText && guid.attrs.ispermalink?.toLowerCase() !== 'false' && /^https?:\/\//i.test(guidText) ? guidText : undefined;
  const atomLink = childrenOf(item, 'atom:link').find((node) => (node.attrs.rel ?? 'alternate') === 'alternate');
  // Some feeds write <link href="…"/> Atom-style without the Atom namespace.
  const rawLink = (linkNode && (textOf(linkNode) || linkNode.attrs.href)) || permaLink || atomLink?.attrs.href;
  // With both <summary> and <description>, the first is the summary and the other the content.
  const pair = item.children.filter((node) => node.key === 'summary' || node.key === 'description');
  const content = child(item, 'content:encoded', 'xhtml:body', 'fullitem', 'body') ?? pair[1];
  const summary = pair[0] ?? child(item, 'dc:description', 'itunes:summary', 'media:description') ?? child(child(item, 'media:group') ?? item, 'media:description');
  const updated = parseDate(childText(item, 'dc:date', 'dcterms:modified', 'atom:updated'), timeZone);
  return {
    id: guidText || item.attrs['rdf:about']?.trim() || undefined,
    title: childTitle(doc, item, 'title', 'dc:title', 'media:title'),
    url: resolveUrl(rawLink, (linkNode ?? item).base),
    author: personName(childText(item, ...AUTHOR_KEYS)),
    publishedAt: parseDate(childText(item, 'pubdate', 'dcterms:issued', 'atom:published'), timeZone) ?? updated,
    updatedAt: updated,
    contentHtml: content ? markupOf(doc, content) : undefined,
    contentBase: content?.base,
    summaryHtml: summary ? markupOf(doc, summary) : undefined,
    summaryBase: summary?.base,
    categories: childrenOf(item, 'category', 'dc:subject').map(textOf).filter((name) => name !== ''),
    enclosures: childrenOf(item, 'enclosure').map((node) => ({ url: resolveUrl(node.attrs.url, node.base) ?? '', type: node.attrs.type, length: Number(node.attrs.length) })),
    coverUrl: resolveUrl(child(item, 'media:thumbnail')?.attrs.url ?? child(item, 'itunes:image')?.attrs.href, item.base),
    base: item.base,
  };
}

/** A title as plain text: RSS titles may be HTML, escaped or (invalidly) as child elements. */
export function childTitle(doc: XmlDocument, node: XmlNode, ...keys: string[]): string {
  for (const key of keys) {
    const found = child(node, key);
    const title = found ? plainTitle(markupOf(doc, found)) : '';
    if (title) return title;
  }
  return '';
}
