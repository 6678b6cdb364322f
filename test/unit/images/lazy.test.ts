import { describe, expect, it } from 'vitest';
import { bestFromSrcset, isPlaceholder, sourceUrls } from '../../../src/images/lazy';

describe('bestFromSrcset', () => {
  it('picks the highest density', () => {
    expect(bestFromSrcset('a.jpg 1x, b.jpg 2x, c.jpg 1.5x')).toBe('b.jpg');
  });

  it('keeps commas that belong to a URL', () => {
    expect(bestFromSrcset('https://i.example/w_100,h_50/a.jpg 100w, https://i.example/w_800,h_400/a.jpg 800w')).toBe('https://i.example/w_800,h_400/a.jpg');
  });

  it('takes a lone URL without descriptor', () => {
    expect(bestFromSrcset(' https://i.example/a.jpg ')).toBe('https://i.example/a.jpg');
  });
});

describe('isPlaceholder', () => {
  it.each(['', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', '/img/spacer.gif', 'https://x.example/assets/lazy-load.png?v=2', 'https://x.example/1x1.gif'])('treats %j as a placeholder', (url) => {
    expect(isPlaceholder(url)).toBe(true);
  });

  it.each(['https://x.example/photo.jpg', 'https://x.example/pixelart/hero.png'])('treats %j as real', (url) => {
    expect(isPlaceholder(url)).toBe(false);
  });
});

describe('sourceUrls', () => {
  it('orders lazy attributes, then srcset, then src', () => {
    expect(sourceUrls({ src: 's.jpg', srcset: 'x.jpg 2x', 'data-src': 'd.jpg' })).toEqual(['d.jpg', 'x.jpg', 's.jpg']);
  });
});
