// Microsoft CDF (Channel Definition Format, 1997): <CHANNEL HREF LASTMOD><TITLE/><ABSTRACT/><ITEM HREF/>.
import { parseDate } from './dates';
import type { EntryDraft, FeedDraft } from './normalize';
import { resolveUrl } from './urls';
import { childTitle } from './rss';
import { childrenOf, childText, childMarkup } from './xml-read';
import type { XmlDocument, XmlNode } from './xml-tree';

/** Maps a CDF document; it is read as RSS (format 'rss'), the closest model. */
export function parseCdf(doc: XmlDocument, timeZone?: string): FeedDraft {
  const channel = doc.root;
  const base = cdfBase(channel);
  return {
    format: 'rss',
    title: childTitle(doc, channel, 'title'),
    siteUrl: resolveUrl(channel.attrs.href, base),
    description: childMarkup(doc, channel, 'abstract'),
    updatedAt: parseDate(channel.attrs.lastmod, timeZone),
    entries: childrenOf(channel, 'item').map((item): EntryDraft => {
      const updated = parseDate(item.attrs.lastmod, timeZone);
      return {
        title: childTitle(doc, item, 'title'),
        url: resolveUrl(item.attrs.href, base),
        publishedAt: updated,
        updatedAt: updated,
        summaryHtml: childMarkup(doc, item, 'abstract'),
        categories: [],
        enclosures: [],
        base,
      };
    }),
  };
}

// CDF names its base in a BASE attribute rather than xml:base.
function cdfBase(channel: XmlNode): string {
  return resolveUrl(channel.attrs.base, channel.base) ?? channel.base;
}
