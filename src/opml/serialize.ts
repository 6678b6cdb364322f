// Subscriptions → OPML 2.0 text: one outline per folder holding its feeds, then the feeds outside any
// folder. parseOpml reads it back to the same feeds in the same folders.
import { escapeUTF8 } from 'entities';
import type { OpmlFeed } from './model';

/** What an export holds: a title, the folders in the user's order, and every feed with its folder. */
export interface OpmlExport {
  title: string;
  /** Epoch ms, written as the head's dateCreated. */
  createdAt: number;
  folders: readonly string[];
  feeds: readonly OpmlFeed[];
}

/** The OPML document for `list`; folders with no feed are left out (OPML lists subscriptions). */
export function serializeOpml(list: OpmlExport): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${xmlText(list.title)}</title>`,
    `    <dateCreated>${new Date(list.createdAt).toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
  ];
  const folders = [...list.folders, ...list.feeds.map((feed) => feed.folder)].filter((name, index, all) => name !== '' && all.indexOf(name) === index);
  for (const folder of folders) {
    const feeds = list.feeds.filter((feed) => feed.folder === folder);
    if (feeds.length === 0) continue;
    lines.push(`    <outline text="${xmlText(folder)}" title="${xmlText(folder)}">`);
    for (const feed of feeds) lines.push(`      ${feedOutline(feed)}`);
    lines.push('    </outline>');
  }
  for (const feed of list.feeds) if (feed.folder === '') lines.push(`    ${feedOutline(feed)}`);
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

function feedOutline(feed: OpmlFeed): string {
  const title = xmlText(feed.title);
  const site = feed.htmlUrl ? ` htmlUrl="${xmlText(feed.htmlUrl)}"` : '';
  return `<outline type="rss" text="${title}" title="${title}" xmlUrl="${xmlText(feed.xmlUrl)}"${site}/>`;
}

// Characters XML 1.0 forbids anywhere (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;

/** Text safe in XML character data and in a double-quoted attribute; line breaks kept as references. */
function xmlText(value: string): string {
  // Only well-formed pairs survive: split them out first so the surrogate range removes lone halves only.
  const clean = value.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (char) => (char.length === 2 ? char : char.replace(NOT_XML, '')));
  return escapeUTF8(clean).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
