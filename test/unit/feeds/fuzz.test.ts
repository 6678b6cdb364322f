// Fuzz: mutated fixtures (seeded, so failures reproduce) only ever give a ParsedFeed or a FeedError,
// and what they give is well-formed: string ids, no NaN dates, no undefined entries.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError, parseFeed, type ParsedFeed } from '../../../src/feeds/index';
import { FEED_URL, FIXTURES, fixtureBytes } from './fixtures';
import { seededRandom } from './seeded-random';

const MUTATIONS_PER_FIXTURE = 120;
const TOKENS = ['<', '>', '&', '&amp;', '&#', ']]>', '<![CDATA[', '<!DOCTYPE x [<!ENTITY a "&a;">]>', '</', '"', "'", '=', '<item>', '<entry>', '{', '}', '"items":', '\u0000', '\uFFFD', 'xml:base="::"', '<?xml encoding="utf-16"?>'];

function mutate(source: Uint8Array, next: () => number): Uint8Array {
  let bytes = Array.from(source);
  const edits = 1 + Math.floor(next() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (bytes.length + 1));
    const kind = Math.floor(next() * 5);
    if (kind === 0) bytes[at] = Math.floor(next() * 256); // flip a byte
    else if (kind === 1) bytes = bytes.slice(0, at); // truncate
    else if (kind === 2) bytes.splice(at, Math.floor(next() * 40)); // delete a run
    else if (kind === 3) bytes.splice(at, 0, ...new TextEncoder().encode(TOKENS[Math.floor(next() * TOKENS.length)] ?? '<')); // insert a token
    else bytes.splice(at, 0, ...bytes.slice(Math.floor(next() * bytes.length), Math.floor(next() * bytes.length))); // duplicate a slice
  }
  return Uint8Array.from(bytes);
}

function checkShape(feed: ParsedFeed): void {
  expect(typeof feed.title).toBe('string');
  for (const entry of feed.entries) {
    expect(typeof entry.id === 'string' && entry.id !== '').toBe(true);
    for (const time of [entry.publishedAt, entry.updatedAt]) if (time !== undefined) expect(Number.isFinite(time)).toBe(true);
    expect(Array.isArray(entry.categories) && Array.isArray(entry.enclosures)).toBe(true);
  }
}

describe('fuzz', () => {
  const fixtures = readdirSync(FIXTURES).sort();

  it.each(fixtures)('mutations of %s give a feed or a FeedError', (name) => {
    const next = seededRandom(name.length * 7919 + name.charCodeAt(0));
    const source = fixtureBytes(name);
    const outcome = { parsed: 0, refused: 0 };
    for (let i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
      const body = mutate(source, next);
      try {
        checkShape(parseFeed(body, { url: FEED_URL }));
        outcome.parsed++;
      } catch (error) {
        if (!(error instanceof FeedError)) throw new Error(`mutation ${i} of ${name} threw ${String(error)}: ${new TextDecoder().decode(body).slice(0, 200)}`);
        outcome.refused++;
      }
    }
    // The mutations really damage the documents (some are refused), and the parser recovers what it can:
    // most damaged XML still yields a feed, as a forgiving reader should (JSON has no such recovery).
    expect(outcome.refused).toBeGreaterThan(0);
    expect(outcome.parsed).toBeGreaterThanOrEqual(name.endsWith('.json') ? 1 : MUTATIONS_PER_FIXTURE * 0.6);
  });
});
