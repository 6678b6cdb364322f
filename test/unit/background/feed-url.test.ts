import { describe, expect, it } from 'vitest';
import { normalizeFeedUrl } from '../../../src/background/feed-url';

describe('normalizeFeedUrl', () => {
  it.each([
    ['https://example.com/feed.xml', 'https://example.com/feed.xml'],
    ['  http://example.com/rss  ', 'http://example.com/rss'],
    ['example.com/feed', 'https://example.com/feed'],
    ['example.com', 'https://example.com/'],
    ['//example.com/feed', 'https://example.com/feed'],
    ['localhost:8080/feed.xml', 'https://localhost:8080/feed.xml'],
    ['feed://example.com/rss', 'https://example.com/rss'],
    ['feed:http://example.com/rss', 'http://example.com/rss'],
    ['https://example.com/feed#top', 'https://example.com/feed'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeFeedUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'Enter the address'],
    ['   ', 'Enter the address'],
    ['ftp://example.com/feed', 'not "ftp:"'],
    ['javascript:alert(1)', 'not "javascript:"'],
    ['file:///etc/passwd', 'not "file:"'],
    ['news', 'not a valid web address'],
    ['exa mple.com', 'not a valid web address'],
    ['http://', 'not a valid web address'],
  ])('rejects %j', (input, message) => {
    expect(() => normalizeFeedUrl(input)).toThrow(expect.objectContaining({ code: 'invalid-url', message: expect.stringContaining(message) }));
  });
});
