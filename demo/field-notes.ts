// Demo feed 1: a mirroring job's JSON record (format 'mirror-record', shape of seed 000) for an invented
// travel journal. Its pictures live on a hotlink-blocking origin; articleImgCdnMap points at the demo CDN,
// except one picture the job could not copy (null), whose original loads: the reader's fallback order.
import { createHash } from 'node:crypto';
import { chinaLocal, minutesAgo, rfc822 } from './clock';
import type { ImageUrls } from './images';

/** The invented site the job mirrors (never fetched: only links point there). */
const SITE = 'https://fieldnotes.example';
const FEED_ID = 4021;

interface Article {
  title: string;
  slug: string;
  author: string;
  minutesAgo: number;
  /** HTML, or plain text when `plain` is set; `img(name)` places a picture. */
  body: (img: (name: string) => string) => string;
  plain?: boolean;
}

/** The demo's showcase entry (the one `npm start` opens in the reader): CDN copies and a null fallback. */
export const SHOWCASE_TITLE = '雨后的山脊线';

const ARTICLES: Article[] = [
  {
    title: SHOWCASE_TITLE,
    slug: 'ridge-after-rain',
    author: '林间',
    minutesAgo: 40,
    body: (img) => `<p>雨是凌晨停的。推开木窗的时候，山谷里还积着一层薄雾，像一碗刚端上桌、还没来得及凉下来的米汤。</p>
${img('ridge.svg')}
<p>我们沿着东侧的石阶往上走。台阶被雨水洗得发亮，缝隙里冒出几簇新长的蕨草。走到半山腰，雾开始一点点退去，远处的山脊线一层压着一层，由深到浅，最后淡得几乎和天空分不清。</p>
<p>同行的老周说，这样的天气一年里也碰不上几回：雨要下够，风要刚好，太阳还得在云后面躲一会儿。他说完就不再讲话，只是站在那里看。</p>
<h2>山顶的茶</h2>
<p>山顶的小屋里有人在煮茶。炉子是旧的，茶叶是屋主自己去年春天采的，喝起来有一点烟火气。</p>
${img('tea.svg')}
<p>下山的时候又飘起了小雨。回头看，刚才站过的地方已经被云遮住了，好像我们从来没有去过。</p>`,
  },
  {
    title: 'Notes from a night train',
    slug: 'night-train',
    author: 'Wen',
    minutesAgo: 260,
    body: (img) => `<p>The 21:40 sleeper leaves from platform six. By the time the city lights thin out, most of the carriage has already folded itself into bunks, and the corridor belongs to the tea trolley and a boy counting tunnels.</p>
${img('train.svg')}
<p>I never sleep well on trains, and I have stopped minding. Somewhere past midnight the hills turn blue, the moon keeps pace with the window, and each small station slides by like a lit stage with no actors.</p>
<p>At dawn the conductor knocks twice. There is rice porridge, a hard-boiled egg, and a valley I have never seen, full of mist.</p>`,
  },
  {
    title: '在海边学会等待',
    slug: 'waiting-by-the-sea',
    author: '林间',
    minutesAgo: 1500,
    body: (img) => `<p>小岛上只有一座灯塔和一家卖鱼丸的小店。渡船一天两班，错过了就只能等明天。</p>
${img('lighthouse.svg')}
<p>第一天我还时不时看表，第二天就忘了表放在哪里。傍晚坐在礁石上看潮水一寸一寸涨上来，灯塔准时亮起，光扫过海面，又扫回来。</p>
<p>原来等待也可以是一件不着急的事。</p>`,
  },
  {
    title: '短札：三月的风',
    slug: 'march-wind',
    author: '林间',
    minutesAgo: 4400,
    plain: true,
    body: () => '三月的风还带着凉意，吹过院子里的玉兰，花瓣落了一地。\n\n楼下的老人把藤椅搬到太阳底下，收音机里放着一段听不清的戏。\n\n这是今年第一次觉得，春天真的来了。',
  },
];

/** The record as the job publishes it, dated relative to `now`, pictures addressed through `urls`. */
export function fieldNotesRecord(urls: ImageUrls, now: number): string {
  // The job could not copy this one; its origin serves it, so the reader falls back to the original.
  const uncopied = new Set(['tea.svg']);
  const toInsertArticleList = ARTICLES.map((article) => {
    const map: Record<string, string | null> = {};
    const img = (name: string) => {
      const original = uncopied.has(name) ? urls.open(name) : urls.blocked(name);
      map[original] = uncopied.has(name) ? null : urls.cdn(name);
      return `<p><img src="${original}" alt="" width="900" height="420" /></p>`;
    };
    const description = article.body(img);
    const link = `${SITE}/posts/${article.slug}.html`;
    const published = minutesAgo(now, article.minutesAgo);
    const created = chinaLocal(published + 5 * 60_000);
    return {
      createdTime: created,
      updatedTime: created,
      title: article.title,
      link,
      description,
      descriptionType: article.plain ? 'text/plain' : 'text/html',
      publishedDate: rfc822(published),
      feedId: FEED_ID,
      bgimg: Object.keys(map)[0] ?? '',
      linkMd5: createHash('md5').update(link).digest('hex'),
      author: article.author,
      articleImgCdnMap: map,
      publishedOrCreatedDate: published,
    };
  });
  return JSON.stringify({
    code: 1,
    isDone: false,
    toInsertArticleList,
    record: { createdTime: chinaLocal(now), feedId: FEED_ID, contentType: 'application/rss+xml; charset=utf-8' },
    feed: {
      createdTime: chinaLocal(minutesAgo(now, 90 * 24 * 60)),
      id: FEED_ID,
      name: '山野手记 · Field Notes',
      url: `${SITE}/feed.xml`,
      website: `${SITE}/`,
      icon: urls.blocked('icon.svg'),
      icon_jsdelivr: urls.cdn('icon.svg'),
      description: '走路、坐车、喝茶，和路上看到的风景。',
      link: null,
    },
  });
}
