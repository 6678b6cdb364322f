// Reads fixtures from test/fixtures/feeds and parses them with a fixed feed URL.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeed, type FeedMeta, type ParsedFeed } from '../../../src/feeds/index';

/** Folder of the feed fixtures. */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/feeds');

/** The feed URL every fixture is "fetched" from. */
export const FEED_URL = 'https://feeds.example.net/x/feed.xml';

/** A fixture's bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** A fixture parsed as if fetched from FEED_URL. */
export function parseFixture(name: string, meta: Partial<FeedMeta> = {}): ParsedFeed {
  return parseFeed(fixtureBytes(name), { url: FEED_URL, ...meta });
}
