// Golden tests for the mirror shapes: the mirroring job's JSON record (seed 000), a static-site
// mirror's Atom (seeds 002/003) and a plain-text scrape (seeds 001/004).
import { describe, expect, it } from 'vitest';
import { parseFixture } from './fixtures';

describe('mirror record', () => {
  const feed = parseFixture('mirror-record.json');

  it('takes the feed name and prefers the jsDelivr icon', () => {
    expect(feed).toMatchObject({ format: 'mirror-record', title: 'cnnic互联网发展研究', iconUrl: 'https://cdn.jsdelivr.net/gh/myreaderx62/cdn3@2020_5/2020/09/06/21-13-56-227_08bc756793a1bd4b.ico' });
    expect(feed).not.toHaveProperty('description');
  });

  it('maps an article: linkMd5 id, bgimg cover, CDN map with nulls, HTML body', () => {
    const entry = feed.entries[0];
    expect(entry).toMatchObject({
      id: '41ed8577c7861a94938dbba698f5556f',
      url: 'http://blog.sina.com.cn/s/blog_5101b9050102x3xz.html',
      author: 'cnnic互联网研究',
      publishedAt: Date.UTC(2018, 1, 8, 6, 33, 9),
      coverUrl: 'http://www.cnnic.cn/images/W020180131539855529657.png',
      imageMap: {
        'http://www.cnnic.cn/images/W020180131539855529657.png': 'https://cdn.jsdelivr.net/gh/myreaderx13/cdn5@2020_5/2020/10/13/06-24-35-764_87ce4abc9a66d1fc.webp',
        'http://www.cnnic.cn/images/W020180131539855531729.jpg': null,
      },
    });
    expect(entry?.contentHtml).toContain('<img src="http://blog.sina.com.cn/s/images/rel.gif" />');
    expect(entry?.contentHtml).toContain('分析师&#160;郭悦');
  });

  it('reads naive times as +08:00 by default, or in the feed’s own zone', () => {
    expect(feed.entries[1]?.publishedAt).toBe(Date.UTC(2020, 9, 13, 6, 30));
    expect(parseFixture('mirror-record.json', { timeZone: 'UTC' }).entries[1]?.publishedAt).toBe(Date.UTC(2020, 9, 13, 14, 30));
  });

  it('keeps a text/plain description as contentText', () => {
    expect(feed.entries[1]).toMatchObject({ contentText: '第一段\n第二段' });
    expect(feed.entries[1]).not.toHaveProperty('contentHtml');
  });
});

describe('static-site mirror Atom', () => {
  const entry = parseFixture('static-mirror-atom.xml').entries[0];

  it('keeps proxy-prefixed images and referrerpolicy exactly as written', () => {
    expect(entry?.contentHtml).toContain('src="https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg" alt width="900" height="420" referrerpolicy="no-referrer"');
  });

  it('leaves lazy data-* attributes untouched and resolves the real ones against the entry link', () => {
    expect(entry?.contentHtml).toContain('data-srcset="https://cors.zfour.workers.dev/?http://image.woshipm.com/a.jpg 1x, images/a@2x.jpg 2x"');
    expect(entry?.contentHtml).toContain('src="https://mirror.example.github.io/images/loading.gif"');
    expect(entry?.contentHtml).toContain('<a href="https://mirror.example.github.io/2021/11/11/post-0/">');
  });

  it('reads categories and the post date', () => {
    expect(entry).toMatchObject({ categories: ['新媒体', '人人都是产品经理'], publishedAt: Date.UTC(2021, 10, 12), author: '人人都是产品经理' });
  });
});

describe('plain-text scrape', () => {
  it('maps a markup-free multi-line body to contentText, entities decoded', () => {
    const entry = parseFixture('plain-text-scrape.xml', { timeZone: 'Asia/Shanghai' }).entries[0];
    expect(entry?.contentText).toMatch(/^2021-11-30 10:52 科创板日报\n\n {2}11月29日晚间/);
    expect(entry?.contentText).toContain('可直接访问外部链接 & 群聊试行开放。');
    expect(entry).not.toHaveProperty('summaryHtml');
    expect(entry?.publishedAt).toBe(Date.UTC(2021, 10, 30, 2, 52));
  });
});
