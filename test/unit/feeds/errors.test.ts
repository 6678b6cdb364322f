// What parseFeed refuses, and how: a FeedError with a code and parameters (no text), and feeds found in HTML.
import { describe, expect, it } from 'vitest';
import { FeedError, MAX_FEED_BYTES, parseFeed } from '../../../src/feeds/index';

const META = { url: 'https://site.test/blog/' };

function refusal(body: string | Uint8Array): FeedError {
  try {
    parseFeed(body, META);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

describe('FeedError', () => {
  it('names the feeds an HTML page links to', () => {
    const error = refusal(`<!DOCTYPE html><html><head>
      <link rel="alternate" type="application/rss+xml" href="/feed.xml?a=1&amp;b=2">
      <link rel="alternate" type="application/atom+xml" href="atom.xml">
      <link rel="stylesheet" href="s.css"></head><body></body></html>`);
    expect(error.code).toBe('not-a-feed');
    expect(error.alternates).toEqual(['https://site.test/feed.xml?a=1&b=2', 'https://site.test/blog/atom.xml']);
    expect(error.params).toEqual({});
  });

  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['{"not": "a feed"}', 'not-json-feed'],
    ['{broken json', 'malformed-json'],
    ['<opml version="2.0"><body/></opml>', 'unknown-format'],
    ['just some text', 'unknown-format'],
    ['<rss', 'malformed'],
  ])('refuses %j as %s', (body, code) => {
    expect(refusal(body).code).toBe(code);
  });

  it('refuses a body over the size limit before reading it', () => {
    const error = refusal(new Uint8Array(MAX_FEED_BYTES + 1));
    expect(error.code).toBe('too-large');
    expect(error.params).toEqual({ limitMb: 20 });
  });
});
