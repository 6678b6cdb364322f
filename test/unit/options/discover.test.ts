// "Find feeds" in the worker against a real HTTP server: what is offered for a feed, a page that links
// its feeds, a page that does not (common paths, tried one at a time), and a site only the rules know.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { discoverFeeds, previewFeed } from '../../../src/background/discover';
import { resetPermissions } from '../ui/fake-browser';
import { rss, startServer, type TestServer } from '../background/helpers';

vi.mock('webextension-polyfill', async () => ({ default: (await import('../ui/fake-browser')).fakeBrowser }));

const HUB = 'https://hub.example';
let server: TestServer;

/** A site whose `/` is a page, with `routes` answering the given paths. */
async function site(routes: Record<string, { status?: number; type?: string; body?: string }>): Promise<TestServer> {
  return startServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (!route) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    else res.writeHead(route.status ?? 200, { 'Content-Type': route.type ?? 'application/rss+xml' }).end(route.body ?? '');
  });
}

const page = (links: string) => ({ type: 'text/html', body: `<!doctype html><html><head><title>Blog</title>${links}</head><body>Hello</body></html>` });
const paths = () => server.requests.map((request) => request.url);

beforeEach(() => resetPermissions());
afterEach(async () => {
  vi.unstubAllGlobals();
  await server?.close();
});

describe('discoverFeeds', () => {
  it('answers a feed address with that feed and its preview', async () => {
    server = await site({ '/feed.xml': { body: rss('Harbour News', ['1', '2']) } });
    const found = await discoverFeeds(server.url('/feed.xml'), HUB);
    expect(found).toEqual([
      {
        url: server.url('/feed.xml'),
        source: 'address',
        preview: {
          url: server.url('/feed.xml'),
          title: 'Harbour News',
          siteUrl: 'https://example.com/',
          format: 'rss',
          entryCount: 2,
          // Same date: document order.
          entries: [
            { title: 'Post 1', url: 'https://example.com/1', publishedAt: Date.UTC(2025, 0, 6, 10) },
            { title: 'Post 2', url: 'https://example.com/2', publishedAt: Date.UTC(2025, 0, 6, 10) },
          ],
        },
      },
    ]);
    expect(paths()).toEqual(['/feed.xml']);
  });

  it("offers the page's linked feeds, previewed, and tries no common path", async () => {
    server = await site({
      '/': page('<link rel="alternate" type="application/rss+xml" href="/rss"><link rel="alternate" type="application/atom+xml" href="/broken.atom">'),
      '/rss': { body: rss('Blog (RSS)', ['a']) },
      '/broken.atom': { status: 500, type: 'text/plain', body: 'oops' },
    });
    const found = await discoverFeeds(server.url('/'), HUB);
    expect(found.map((candidate) => [candidate.url, candidate.source, candidate.preview?.title])).toEqual([
      [server.url('/rss'), 'page', 'Blog (RSS)'],
      // It failed: shown without a preview, which is asked for again when chosen.
      [server.url('/broken.atom'), 'page', undefined],
    ]);
    expect(paths()).toEqual(['/', '/rss', '/broken.atom']);
  });

  it('tries the common paths one at a time when the page links none, and stops at the first feed', async () => {
    server = await site({ '/': page(''), '/atom.xml': { body: rss('Found by path', ['x']) } });
    const found = await discoverFeeds(server.url('/'), HUB);
    expect(found.map((candidate) => [candidate.url, candidate.source, candidate.preview?.title])).toEqual([[server.url('/atom.xml'), 'common-path', 'Found by path']]);
    expect(paths()).toEqual(['/', '/feed', '/rss.xml', '/atom.xml']);
  });

  it('says no feed was found after trying each common path once', async () => {
    server = await site({ '/': page('') });
    await expect(discoverFeeds(server.url('/'), HUB)).rejects.toMatchObject({ code: 'no-feed-found' });
    expect(paths()).toEqual(['/', '/feed', '/rss.xml', '/atom.xml', '/feed.xml', '/index.xml', '/rss', '/feed.json', '/feeds/posts/default']);
  });

  it('stops trying paths when the site asks for fewer requests (429)', async () => {
    server = await site({ '/': page(''), '/rss.xml': { status: 429, type: 'text/plain' }, '/atom.xml': { body: rss('Never asked', ['x']) } });
    await expect(discoverFeeds(server.url('/'), HUB)).rejects.toMatchObject({ code: 'no-feed-found' });
    expect(paths()).toEqual(['/', '/feed', '/rss.xml']);
  });

  it('offers the RSSHub routes of a site the rules know even when its page cannot be fetched, fetching nothing else', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      throw new TypeError('Failed to fetch');
    });
    const found = await discoverFeeds('https://space.bilibili.com/2267573', HUB);
    expect(found).toEqual([
      { url: 'https://hub.example/bilibili/user/video/2267573', source: 'rsshub', label: 'rule_videos', site: 'site_bilibili' },
      { url: 'https://hub.example/bilibili/user/dynamic/2267573', source: 'rsshub', label: 'rule_user_activity', site: 'site_bilibili' },
    ]);
    expect(fetched).toEqual(['https://space.bilibili.com/2267573']);
  });

  it('reports an unreachable address as subscribe does', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(discoverFeeds('https://nowhere.example/', HUB)).rejects.toMatchObject({ code: 'network' });
  });
});

describe('previewFeed', () => {
  it('previews a feed, and refuses a page with the feeds it links to', async () => {
    server = await site({ '/': page('<link rel="alternate" type="application/rss+xml" href="/rss">'), '/rss': { body: rss('Blog', ['a']) } });
    expect(await previewFeed(server.url('/rss'))).toMatchObject({ url: server.url('/rss'), title: 'Blog', entryCount: 1 });
    await expect(previewFeed(server.url('/'))).rejects.toMatchObject({ code: 'not-a-feed', alternates: [server.url('/rss')] });
  });
});
