// Finding feeds for a page: the site rules (RSSHub Radar's format) against real page addresses, the
// common feed paths, and the preview of a parsed feed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commonFeedUrls } from '../../../src/discovery/common-paths';
import { feedPreview } from '../../../src/discovery/preview';
import { matchRules, type RadarRules } from '../../../src/discovery/radar';
import { RADAR_RULES } from '../../../src/discovery/radar-rules';
import type { ParsedFeed } from '../../../src/feeds/model';

const HUB = 'https://rsshub.example';
const urls = (page: string, rules: RadarRules = RADAR_RULES, hub = HUB) => matchRules(page, rules, hub).map((match) => match.url);

describe('site rules', () => {
  it('offers a GitHub repository its own release and commit feeds, then the RSSHub issues route', () => {
    expect(matchRules('https://github.com/preactjs/preact', RADAR_RULES, HUB)).toEqual([
      { url: 'https://github.com/preactjs/preact/releases.atom', kind: 'site', site: 'site_github', title: 'rule_releases' },
      { url: 'https://github.com/preactjs/preact/commits.atom', kind: 'site', site: 'site_github', title: 'rule_commits' },
      { url: 'https://rsshub.example/github/issue/preactjs/preact', kind: 'rsshub', site: 'site_github', title: 'rule_issues' },
    ]);
    expect(urls('https://github.com/preactjs/preact/releases/')).toEqual(['https://github.com/preactjs/preact/releases.atom']);
    expect(urls('https://github.com/torvalds')).toEqual(['https://github.com/torvalds.atom', 'https://rsshub.example/github/repos/torvalds']);
  });

  it("does not take GitHub's own pages for accounts", () => {
    expect(urls('https://github.com/settings/profile')).toEqual([]);
    expect(urls('https://github.com/trending')).toEqual([]);
    expect(urls('https://github.com/')).toEqual([]);
  });

  it('matches by subdomain, with www and the bare domain standing in for each other', () => {
    expect(urls('https://space.bilibili.com/2267573/')).toEqual([
      'https://rsshub.example/bilibili/user/video/2267573',
      'https://rsshub.example/bilibili/user/dynamic/2267573',
    ]);
    expect(urls('https://www.weibo.com/u/1195230310')).toEqual(['https://rsshub.example/weibo/user/1195230310']);
    expect(urls('https://m.weibo.cn/profile/1195230310')).toEqual(['https://rsshub.example/weibo/user/1195230310']);
    expect(urls('https://zhihu.com/people/excited-vczh')).toEqual(['https://rsshub.example/zhihu/people/activities/excited-vczh']);
    expect(urls('https://zhuanlan.zhihu.com/c_1234')).toEqual(['https://rsshub.example/zhihu/zhuanlan/c_1234']);
    expect(urls('https://blog.github.com/preactjs/preact')).toEqual([]);
  });

  it('keeps reserved X pages out, reads @handles and native feed URLs with a query', () => {
    expect(urls('https://x.com/home')).toEqual([]);
    expect(urls('https://x.com/nasa/media')).toEqual(['https://rsshub.example/twitter/media/nasa']);
    expect(urls('https://www.youtube.com/@LinusTechTips')).toEqual(['https://rsshub.example/youtube/user/@LinusTechTips']);
    expect(urls('https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw')).toEqual(['https://www.youtube.com/feeds/videos.xml?channel_id=UC_x5XG1OV2P6uZZ5FSM9Ttw']);
    expect(urls('https://www.reddit.com/r/rust/comments/abc/title/')).toEqual(['https://www.reddit.com/r/rust/.rss']);
    expect(urls('https://medium.com/@ev')).toEqual(['https://medium.com/feed/@ev']);
  });

  it('encodes what it captured, joins the instance without a double slash, and ignores other sites', () => {
    expect(urls('https://www.zhihu.com/people/%E5%BC%A0%E4%B8%89', RADAR_RULES, 'https://hub.example/base/')).toEqual([
      'https://hub.example/base/zhihu/people/activities/%E5%BC%A0%E4%B8%89',
    ]);
    expect(urls('https://t.me/s/durov')).toEqual(['https://rsshub.example/telegram/channel/durov']);
    expect(urls('https://example.com/blog')).toEqual([]);
    expect(urls('not a url')).toEqual([]);
  });

  it('drops a missing optional parameter and everything after it; a missing required one skips the rule', () => {
    const rules: RadarRules = {
      'example.org': {
        _name: 'site_github',
        '.': [
          { title: 'a', source: ['/list/:id', '/list'], target: '/example/list/:id?/:page?' },
          { title: 'b', source: '/list', target: '/example/needs/:id' },
          { title: 'c', source: '/files/*path', target: '/example/files' },
        ],
      },
    };
    expect(urls('https://example.org/list/7', rules)).toEqual(['https://rsshub.example/example/list/7']);
    expect(urls('https://example.org/list', rules)).toEqual(['https://rsshub.example/example/list']);
    expect(urls('https://example.org/files/a/b/c.txt', rules)).toEqual(['https://rsshub.example/example/files']);
  });

  it('names every rule and site with a message that exists in both languages', () => {
    const keys = (locale: string) => Object.keys(JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as object);
    const named = Object.values(RADAR_RULES).flatMap((site) => [
      site._name,
      ...Object.entries(site).flatMap(([key, rules]) => (key === '_name' || typeof rules === 'string' ? [] : rules.map((rule) => rule.title))),
    ]);
    expect(named.length).toBeGreaterThan(20);
    for (const locale of ['en', 'zh_CN']) expect(named.filter((key) => !keys(locale).includes(key)), locale).toEqual([]);
  });
});

describe('common feed paths', () => {
  it('tries the usual places at the site root, never the page itself', () => {
    expect(commonFeedUrls('https://blog.example/2024/post?x=1')).toEqual([
      'https://blog.example/feed',
      'https://blog.example/rss.xml',
      'https://blog.example/atom.xml',
      'https://blog.example/feed.xml',
      'https://blog.example/index.xml',
      'https://blog.example/rss',
      'https://blog.example/feed.json',
      'https://blog.example/feeds/posts/default',
    ]);
    expect(commonFeedUrls('http://127.0.0.1:8080/feed')).not.toContain('http://127.0.0.1:8080/feed');
    expect(commonFeedUrls('nonsense')).toEqual([]);
  });
});

describe('feed preview', () => {
  const entry = (id: string, title: string, publishedAt?: number) => ({ id, title, categories: [], enclosures: [], url: `https://s.example/${id}`, ...(publishedAt === undefined ? {} : { publishedAt }) });
  const parsed: ParsedFeed = {
    format: 'rss',
    title: '  Site News ',
    siteUrl: 'https://s.example/',
    entries: [entry('u1', 'Undated one'), entry('old', 'Old', 1_000), entry('new', ' New ', 3_000), entry('mid', 'Middle', 2_000), entry('u2', 'Undated two')],
  };

  it('lists the newest dated entries first, then undated ones in document order', () => {
    expect(feedPreview(parsed, 'https://s.example/feed', 4)).toEqual({
      url: 'https://s.example/feed',
      title: 'Site News',
      siteUrl: 'https://s.example/',
      format: 'rss',
      entryCount: 5,
      entries: [
        { title: 'New', url: 'https://s.example/new', publishedAt: 3_000 },
        { title: 'Middle', url: 'https://s.example/mid', publishedAt: 2_000 },
        { title: 'Old', url: 'https://s.example/old', publishedAt: 1_000 },
        { title: 'Undated one', url: 'https://s.example/u1' },
      ],
    });
  });
});
