import { describe, expect, it } from 'vitest';
import { bestFromSrcset, htmlImageSources, imageSource, isPlaceholder, parseSrcset, serializeSrcset, templateProblem } from '../../../src/images';

// A 1×1 transparent GIF and a 1×1 PNG: what lazy loaders put in `src`.
const GIF_1X1 = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const PNG_1X1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
// A 2×2 PNG is a real (if tiny) inline picture.
const PNG_2X2 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAnAAP9qAlGAAAAAElFTkSuQmCC';

describe('imageSource: lazy attributes first', () => {
  it.each([
    ['data-src', { src: GIF_1X1, 'data-src': 'https://a.example/1.jpg' }, { src: 'https://a.example/1.jpg' }],
    ['data-original', { src: '/img/blank.gif', 'data-original': 'https://a.example/2.jpg' }, { src: 'https://a.example/2.jpg' }],
    ['data-actualsrc (Zhihu)', { src: PNG_1X1, 'data-actualsrc': 'https://pic1.zhimg.com/a.jpg' }, { src: 'https://pic1.zhimg.com/a.jpg' }],
    ['data-original-src (Jianshu)', { 'data-original-src': '//upload-images.jianshu.io/a.png' }, { src: '//upload-images.jianshu.io/a.png' }],
    ['data-lazy-src (WP Rocket)', { src: 'data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20viewBox=%220%200%20900%20420%22%3E%3C/svg%3E', 'data-lazy-src': 'https://a.example/3.jpg' }, { src: 'https://a.example/3.jpg' }],
    ['data-srcset when only it is real', { src: GIF_1X1, 'data-srcset': 'https://a.example/s.jpg 320w, https://a.example/l.jpg 1280w' }, { src: 'https://a.example/l.jpg', srcset: 'https://a.example/s.jpg 320w, https://a.example/l.jpg 1280w' }],
    ['a placeholder in data-src does not count', { src: 'https://a.example/4.jpg', 'data-src': GIF_1X1 }, { src: 'https://a.example/4.jpg' }],
    ['a real src and a srcset both kept', { src: 'https://a.example/s.jpg', srcset: 'https://a.example/l.jpg 2x' }, { src: 'https://a.example/s.jpg', srcset: 'https://a.example/l.jpg 2x' }],
    ['only a placeholder: nothing', { src: GIF_1X1 }, {}],
  ] as const)('%s', (_name, attributes, expected) => {
    expect(imageSource(attributes)).toEqual(expected);
  });
});

describe('isPlaceholder', () => {
  it.each(['', '#', GIF_1X1, PNG_1X1, 'data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg" width="900" height="420"></svg>', 'data:image/webp;base64,UklGRhoAAABXRUJQ', '/img/spacer.gif', 'https://x.example/assets/lazy-load.png?v=2', 'https://x.example/1x1.gif'])(
    'a stand-in: %s',
    (url) => {
      expect(isPlaceholder(url)).toBe(true);
    },
  );

  it.each([PNG_2X2, 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"%3E%3Ccircle r="4"/%3E%3C/svg%3E', 'https://x.example/photo.jpg', 'https://x.example/pixelart/hero.png'])('a picture: %s', (url) => {
    expect(isPlaceholder(url)).toBe(false);
  });
});

describe('srcset', () => {
  it('splits as the HTML standard does: commas inside URLs kept, descriptors with parentheses whole', () => {
    expect(parseSrcset(' https://i.example/w_100,h_50/a.jpg 100w,https://i.example/b.jpg, c.jpg 2x, d.jpg (a, b) 3x')).toEqual([
      { url: 'https://i.example/w_100,h_50/a.jpg', descriptor: '100w' },
      { url: 'https://i.example/b.jpg', descriptor: '' },
      { url: 'c.jpg', descriptor: '2x' },
      { url: 'd.jpg', descriptor: '(a, b) 3x' },
    ]);
  });

  it('serializes back', () => {
    expect(serializeSrcset([{ url: 'a.jpg', descriptor: '1x' }, { url: 'b.jpg', descriptor: '' }])).toBe('a.jpg 1x, b.jpg');
  });

  it('picks the widest or densest candidate', () => {
    expect(bestFromSrcset('a.jpg 1x, b.jpg 2x, c.jpg 1.5x')).toBe('b.jpg');
    expect(bestFromSrcset('https://i.example/w_100,h_50/a.jpg 100w, https://i.example/w_800,h_400/a.jpg 800w')).toBe('https://i.example/w_800,h_400/a.jpg');
    expect(bestFromSrcset('  ')).toBeUndefined();
  });
});

describe('templateProblem', () => {
  it.each(['https://wsrv.nl/?url=${href_ue}', 'https://i3.wp.com/${host}${pathname}', '${protocol}//${host}${pathname}', 'https://r.example/${searchParams_ue}'])('accepts %s', (template) => {
    expect(templateProblem(template)).toBeUndefined();
  });

  it('names an unknown property and refuses a template without one', () => {
    expect(templateProblem('https://r.example/${path}')).toEqual({ code: 'unknown-property', name: 'path' });
    expect(templateProblem('https://r.example/${href_xx}')).toEqual({ code: 'unknown-property', name: 'href_xx' });
    expect(templateProblem('https://r.example/fixed.png')).toEqual({ code: 'no-placeholder' });
  });
});

describe('htmlImageSources', () => {
  it('reads the pictures of img and video poster the way the reader does, decoded, once each', () => {
    const html = [
      `<p><img src="${GIF_1X1}" data-src="https://mmbiz.qpic.cn/a/640?wx_fmt=png&amp;amp;tp=webp"></p>`,
      '<IMG SRC="https://a.example/1.jpg"><img src="https://a.example/1.jpg">',
      '<picture><source srcset="https://a.example/2.avif"><img src="https://a.example/2.jpg"></picture>',
      '<video poster="https://a.example/poster.jpg" src="https://a.example/v.mp4"></video>',
      `<img src="${GIF_1X1}">`,
    ].join('');
    expect(htmlImageSources(html)).toEqual(['https://mmbiz.qpic.cn/a/640?wx_fmt=png&amp;tp=webp', 'https://a.example/1.jpg', 'https://a.example/2.jpg', 'https://a.example/poster.jpg']);
  });
});
