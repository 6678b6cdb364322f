// Demo feed 2: a static-site mirror's Atom feed (shape of seeds 002/003) for an invented design studio.
// Pictures sit behind the demo image proxy, some as lazy-loading `data-src`/`data-srcset` with a placeholder
// `src`; one original is hotlink-blocked, so the reader falls back from the unwrapped original to the proxy.
import { minutesAgo } from './clock';
import type { ImageUrls } from './images';

/** The invented mirror site (never fetched: only links point there). */
const SITE = 'https://paperboat.example';

/** A 1×1 transparent GIF, the placeholder lazy loaders leave in `src`. */
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

interface Post {
  title: string;
  slug: string;
  minutesAgo: number;
  categories: string[];
  content: (urls: ImageUrls) => string;
}

const POSTS: Post[] = [
  {
    title: '把界面做轻一点',
    slug: 'lighter-interfaces',
    minutesAgo: 95,
    categories: ['设计', '界面'],
    content: (urls) => `<div><blockquote><p>编辑导语：少一条分隔线、少一种颜色，界面往往就能安静下来。这是我们在最近三个项目里反复验证过的几条小经验。</p></blockquote>
<p><img data-action="zoom" class="size-full aligncenter" src="${urls.proxied(urls.blocked('sketch.svg'))}" alt="" width="900" height="420" referrerpolicy="no-referrer"></p>
<h2>一、先删掉，再补回来</h2>
<p>改版的第一步不是加东西，而是把所有装饰去掉，只留下文字和留白。真正缺了什么，用户会告诉你。</p>
<h2>二、一个页面只有一个重点</h2>
<p>如果每个按钮都在喊“点我”，那就没有一个按钮会被听见。主操作用颜色，次要操作用文字链接就够了。</p></div>`,
  },
  {
    title: 'A small guide to quiet colour',
    slug: 'quiet-colour',
    minutesAgo: 400,
    categories: ['Design', 'Colour'],
    content: (urls) => `<div><p>Quiet palettes are not grey palettes. They are colours that agree with each other: a little warmth in every neutral, a little grey in every accent.</p>
<p><img class="lazyload" src="/images/loading.gif" data-src="${urls.proxied(urls.open('swatches.svg'))}" alt="Five muted colour swatches" width="900" height="420" referrerpolicy="no-referrer"></p>
<p>Start from one photograph you love, pick five colours from it, and use the loudest one for a single thing only: the button you most want pressed.</p></div>`,
  },
  {
    title: '周末读书清单：关于手艺与耐心',
    slug: 'weekend-reading',
    minutesAgo: 1800,
    categories: ['读书'],
    content: (urls) => `<div><p>这个周末适合慢慢读几本关于“做东西”的书：木工、装帧、做菜，还有写字。</p>
<p><img class="lazyload" src="${PIXEL}" data-srcset="${urls.proxied(urls.open('books.svg'))} 900w" alt="" referrerpolicy="no-referrer"></p>
<p>它们讲的其实是同一件事：把一件小事做好，需要的时间总比想象中多一点，而那多出来的一点，就是手艺。</p></div>`,
  },
];

/** The Atom document, dated relative to `now`, pictures addressed through `urls`. */
export function paperBoatAtom(urls: ImageUrls, now: number): string {
  const entries = POSTS.map((post) => {
    const at = new Date(minutesAgo(now, post.minutesAgo)).toISOString();
    const link = `${SITE}/posts/${post.slug}/`;
    const categories = post.categories.map((term) => `<category term="${term}"/>`).join('');
    return `  <entry>
    <title>${post.title}</title>
    <link href="${link}"/>
    <id>${link}</id>
    <published>${at}</published>
    <updated>${at}</updated>
    <content type="html"><![CDATA[${post.content(urls)}]]></content>
    ${categories}
    <author><name>纸船设计工作室</name></author>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>纸船设计笔记 · 镜像</title>
  <subtitle>Paper Boat Studio notes, mirrored</subtitle>
  <link href="${SITE}/atom.xml" rel="self"/>
  <link href="${SITE}/"/>
  <updated>${new Date(minutesAgo(now, POSTS[0]?.minutesAgo ?? 0)).toISOString()}</updated>
  <id>${SITE}/</id>
${entries.join('\n')}
</feed>
`;
}
