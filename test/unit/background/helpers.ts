// Shared fixtures for the worker's unit tests: a private database per test, parsed-feed builders and a
// real HTTP server on 127.0.0.1.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { FeedRow } from '../../../src/db/model';
import { ReaderDB } from '../../../src/db/schema';
import type { ParsedEntry, ParsedFeed } from '../../../src/feeds/model';

let counter = 0;

/** A database on its own IndexedDB factory: nothing leaks between tests. */
export function freshDb(): ReaderDB {
  counter += 1;
  return new ReaderDB(`test-${counter}`, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A parsed entry with the required fields filled in. */
export function entry(id: string, fields: Partial<ParsedEntry> = {}): ParsedEntry {
  return { id, title: `Title ${id}`, categories: [], enclosures: [], ...fields };
}

/** A parsed RSS feed holding `entries`. */
export function feed(entries: ParsedEntry[], fields: Partial<ParsedFeed> = {}): ParsedFeed {
  return { format: 'rss', title: 'Mirror', entries, ...fields };
}

/** Store a subscription row directly and return its id. */
export async function addFeedRow(db: ReaderDB, fields: Partial<FeedRow> = {}): Promise<number> {
  const url = fields.url ?? 'https://example.com/feed.xml';
  const row: Omit<FeedRow, 'id'> = { url, urls: [url], title: 'Example', folderId: 0, paused: 0, notify: 0, addedAt: 0, errorCount: 0, nextPollAt: 0, ...fields };
  return db.feeds.add(row as FeedRow);
}

/** A running test server: `url(path)` addresses it, `requests` records what it was sent. */
export interface TestServer {
  url(path: string): string;
  requests: IncomingMessage[];
  close(): Promise<void>;
}

/** Start an HTTP server on 127.0.0.1 with a free port, answering with `handler`. */
export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A minimal RSS 2.0 document with one <item> per id. */
export function rss(title: string, ids: string[]): string {
  const items = ids
    .map((id) => `<item><guid>${id}</guid><title>Post ${id}</title><link>https://example.com/${id}</link><pubDate>Mon, 06 Jan 2025 10:00:00 GMT</pubDate><description>Body ${id}</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://example.com/</link>${items}</channel></rss>`;
}
