// The sites whose pages Mirror Reader can turn into feeds, in RSSHub Radar's rule format (see radar.ts).
// Routes follow RSSHub's own radar rules; `title` and `_name` are message keys, shown in the user's
// language. A rule whose target is an absolute URL is the site's own feed and needs no RSSHub instance.
import type { RuleText } from './model';
import type { RadarRules } from './radar';


// First path segments that are the site's own pages, not account names.
const GITHUB_RESERVED = ['settings', 'orgs', 'topics', 'trending', 'marketplace', 'explore', 'notifications', 'sponsors', 'features', 'pulls', 'issues', 'login', 'about', 'search', 'new'];
const X_RESERVED = ['home', 'explore', 'notifications', 'messages', 'search', 'settings', 'i', 'login', 'compose'];

/** The built-in rules. */
export const RADAR_RULES: RadarRules<RuleText> = {
  'github.com': {
    _name: 'site_github',
    '.': [
      { title: 'rule_releases', source: ['/:user/:repo/releases', '/:user/:repo/tags', '/:user/:repo'], target: 'https://github.com/:user/:repo/releases.atom', except: { user: GITHUB_RESERVED } },
      { title: 'rule_commits', source: ['/:user/:repo/commits', '/:user/:repo'], target: 'https://github.com/:user/:repo/commits.atom', except: { user: GITHUB_RESERVED } },
      { title: 'rule_issues', source: ['/:user/:repo/issues', '/:user/:repo'], target: '/github/issue/:user/:repo', except: { user: GITHUB_RESERVED } },
      { title: 'rule_user_activity', source: '/:user', target: 'https://github.com/:user.atom', except: { user: GITHUB_RESERVED } },
      { title: 'rule_user_repos', source: '/:user', target: '/github/repos/:user', except: { user: GITHUB_RESERVED } },
    ],
  },
  'bilibili.com': {
    _name: 'site_bilibili',
    space: [
      { title: 'rule_videos', source: '/:uid', target: '/bilibili/user/video/:uid' },
      { title: 'rule_user_activity', source: '/:uid', target: '/bilibili/user/dynamic/:uid' },
    ],
  },
  'weibo.com': {
    _name: 'site_weibo',
    '.': [{ title: 'rule_posts', source: '/u/:uid', target: '/weibo/user/:uid' }],
  },
  'weibo.cn': {
    _name: 'site_weibo',
    m: [{ title: 'rule_posts', source: ['/u/:uid', '/profile/:uid'], target: '/weibo/user/:uid' }],
  },
  'zhihu.com': {
    _name: 'site_zhihu',
    www: [
      { title: 'rule_user_activity', source: '/people/:id', target: '/zhihu/people/activities/:id' },
      { title: 'rule_answers', source: '/people/:id/answers', target: '/zhihu/people/answers/:id' },
      { title: 'rule_question', source: '/question/:questionId', target: '/zhihu/question/:questionId' },
      { title: 'rule_column', source: '/column/:id', target: '/zhihu/zhuanlan/:id' },
      { title: 'rule_hot', source: '/hot', target: '/zhihu/hotlist' },
    ],
    zhuanlan: [{ title: 'rule_column', source: '/:id', target: '/zhihu/zhuanlan/:id' }],
  },
  'x.com': {
    _name: 'site_x',
    '.': [
      { title: 'rule_posts', source: '/:id', target: '/twitter/user/:id', except: { id: X_RESERVED } },
      { title: 'rule_media', source: '/:id/media', target: '/twitter/media/:id', except: { id: X_RESERVED } },
    ],
  },
  'twitter.com': {
    _name: 'site_x',
    '.': [
      { title: 'rule_posts', source: '/:id', target: '/twitter/user/:id', except: { id: X_RESERVED } },
      { title: 'rule_media', source: '/:id/media', target: '/twitter/media/:id', except: { id: X_RESERVED } },
    ],
  },
  't.me': {
    _name: 'site_telegram',
    '.': [{ title: 'rule_channel', source: ['/s/:username', '/:username'], target: '/telegram/channel/:username' }],
  },
  'youtube.com': {
    _name: 'site_youtube',
    www: [
      { title: 'rule_videos', source: '/channel/:id', target: 'https://www.youtube.com/feeds/videos.xml?channel_id=:id' },
      { title: 'rule_videos', source: '/user/:username', target: '/youtube/user/:username' },
      { title: 'rule_videos', source: '/@:handle', target: '/youtube/user/@:handle' },
    ],
  },
  'reddit.com': {
    _name: 'site_reddit',
    www: [{ title: 'rule_posts', source: ['/r/:sub', '/r/:sub/*'], target: 'https://www.reddit.com/r/:sub/.rss' }],
  },
  'medium.com': {
    _name: 'site_medium',
    '.': [{ title: 'rule_posts', source: '/@:user', target: 'https://medium.com/feed/@:user' }],
  },
};
