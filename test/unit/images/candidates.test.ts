import { describe, expect, it } from 'vitest';
import { imageCandidates, originalOf, urlCandidates } from '../../../src/images/candidates';

// Shapes from the seeds: 002/003 wrap images in a CORS proxy; 000 carries an original → CDN map.
const PROXIED = 'https://cors.zfour.workers.dev/?http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg';
const ORIGINAL = 'http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg';
const CNNIC = 'http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855529657.png';
const CNNIC_CDN = 'https://cdn.jsdelivr.net/gh/myreaderx13/cdn5@2020_5/2020/10/13/06-24-35-764_87ce4abc9a66d1fc.webp';
const SEED_MAP = {
  [CNNIC]: CNNIC_CDN,
  'http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855531729.jpg': null,
};

describe('imageCandidates', () => {
  it('puts the CDN copy of a mapped original first, the original after it', () => {
    expect(imageCandidates({ src: CNNIC }, SEED_MAP)).toEqual([CNNIC_CDN, CNNIC]);
  });

  it('keeps an original whose map entry is null (the mirror has no copy)', () => {
    const src = 'http://www.cnnic.cn/hlwfzyj/fxszl/fxswz/201801/W020180131539855531729.jpg';
    expect(imageCandidates({ src }, SEED_MAP)).toEqual([src]);
  });

  it('unwraps the seed proxy prefix: unwrapped original before the proxied address', () => {
    expect(imageCandidates({ src: PROXIED, referrerpolicy: 'no-referrer' })).toEqual([ORIGINAL, PROXIED]);
  });

  it('maps a proxied image through the map by its unwrapped original', () => {
    const cdn = 'https://cdn.example/AIy3.webp';
    expect(imageCandidates({ src: PROXIED }, { [ORIGINAL]: cdn })).toEqual([cdn, ORIGINAL, PROXIED]);
  });

  it('matches map keys across http and https spellings', () => {
    expect(imageCandidates({ src: CNNIC.replace('http:', 'https:') }, SEED_MAP)[0]).toBe(CNNIC_CDN);
  });

  it('prefers lazy attributes over a placeholder src', () => {
    const attributes = { src: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'data-src': 'https://example.com/real.jpg' };
    expect(imageCandidates(attributes)).toEqual(['https://example.com/real.jpg']);
  });

  it('reads data-original and data-lazy-src, and ignores blank.gif placeholders', () => {
    expect(imageCandidates({ src: '/images/blank.gif', 'data-original': 'https://a.example/1.png' }, {}, 'https://a.example/post')).toEqual(['https://a.example/1.png']);
    expect(imageCandidates({ 'data-lazy-src': 'https://a.example/2.png' })).toEqual(['https://a.example/2.png']);
  });

  it('picks the widest srcset entry and keeps a real src as a later fallback', () => {
    const attributes = { srcset: 'https://a.example/s.jpg 320w, https://a.example/l.jpg 1280w, https://a.example/m.jpg 640w', src: 'https://a.example/s.jpg' };
    expect(imageCandidates(attributes)).toEqual(['https://a.example/l.jpg', 'https://a.example/s.jpg']);
  });

  it('resolves relative URLs against the entry address', () => {
    expect(imageCandidates({ src: '../img/a.png' }, {}, 'https://blog.example/posts/1/')).toEqual(['https://blog.example/posts/img/a.png']);
  });

  it('drops javascript:, relative-without-base and other non-http URLs', () => {
    expect(imageCandidates({ src: 'javascript:alert(1)', 'data-src': 'vbscript:x', srcset: 'javascript:alert(2) 2x' })).toEqual([]);
    expect(imageCandidates({ src: '/a.png' })).toEqual([]);
  });

  it('never yields a javascript: CDN copy from a hostile map', () => {
    expect(imageCandidates({ src: CNNIC }, { [CNNIC]: 'javascript:alert(1)' })).toEqual([CNNIC]);
  });

  it('unwraps ?url= wrappers, path-embedded proxies and nested proxies', () => {
    expect(imageCandidates({ src: 'https://proxy.example/?url=https%3A%2F%2Fi.example%2Fa.jpg' })).toEqual(['https://i.example/a.jpg', 'https://proxy.example/?url=https%3A%2F%2Fi.example%2Fa.jpg']);
    expect(imageCandidates({ src: 'https://cors.example/https://i.example/b.jpg?x=1' })[0]).toBe('https://i.example/b.jpg?x=1');
    const nested = 'https://one.example/?https://two.example/?url=http://i.example/c.jpg';
    expect(imageCandidates({ src: nested })).toEqual(['http://i.example/c.jpg', nested]);
  });

  it('keeps the wrapped address whole, query string included', () => {
    expect(imageCandidates({ src: 'https://p.example/?http://i.example/d.jpg?w=600&h=400' })[0]).toBe('http://i.example/d.jpg?w=600&h=400');
  });

  it('keeps a real inline image when nothing else is given', () => {
    const inline = `data:image/png;base64,${'A'.repeat(400)}`;
    expect(imageCandidates({ src: inline })).toEqual([inline]);
  });
});

describe('urlCandidates and originalOf', () => {
  it('maps a cover URL the same way as an <img>', () => {
    expect(urlCandidates(PROXIED, { [ORIGINAL]: 'https://cdn.example/c.webp' })[0]).toBe('https://cdn.example/c.webp');
  });

  it('gives one key for a proxied and a plain spelling of the same picture', () => {
    expect(originalOf(PROXIED)).toBe(originalOf(ORIGINAL.replace('http:', 'https:')));
  });
});
