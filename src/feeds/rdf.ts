// RSS 1.0 / 0.90 (RDF): <rdf:RDF><channel/><item/>…</rdf:RDF>, items beside the channel.
import type { FeedDraft } from './normalize';
import { rssChannel, rssItem } from './rss';
import { child, childrenOf } from './xml-read';
import type { XmlDocument } from './xml-tree';

/** Maps an RDF document; its vocabulary is RSS's, so the RSS readers do the fields. */
export function parseRdf(doc: XmlDocument, timeZone?: string): FeedDraft {
  const channel = child(doc.root, 'channel') ?? doc.root;
  const items = [...childrenOf(doc.root, 'item'), ...(channel === doc.root ? [] : childrenOf(channel, 'item'))];
  return { ...rssChannel(doc, channel, timeZone), format: 'rdf', entries: items.map((item) => rssItem(doc, item, timeZone)) };
}
