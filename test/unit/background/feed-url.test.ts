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
    ['', { code: 'empty-url', params: {} }],
    ['   ', { code: 'empty-url', params: {} }],
    ['ftp://example.com/feed', { code: 'unsupported-scheme', params: { scheme: 'ftp:' } }],
    ['javascript:alert(1)', { code: 'unsupported-scheme', params: { scheme: 'javascript:' } }],
    ['file:///etc/passwd', { code: 'unsupported-scheme', params: { scheme: 'file:' } }],
    ['news', { code: 'invalid-url', params: { input: 'news' } }],
    [' exa mple.com ', { code: 'invalid-url', params: { input: 'exa mple.com' } }],
    ['http://', { code: 'invalid-url', params: { input: 'http://' } }],
  ])('rejects %j', (input, error) => {
    expect(() => normalizeFeedUrl(input)).toThrow(expect.objectContaining(error));
  });
});
