// The video players the reader embeds: each accepted address maps to one canonical frame address and page.
import { describe, expect, it } from 'vitest';
import { embedFor } from '../../../src/ui/sanitize-embeds';

describe('embedFor', () => {
  it.each([
    ['https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1&start=42', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['//www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['http://player.vimeo.com/video/76979871?h=8272103f6e&autoplay=1', 'https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1', 'https://vimeo.com/76979871'],
    [
      '//player.bilibili.com/player.html?aid=80433022&bvid=BV1GJ411x7h7&cid=137649199&page=1',
      'https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&aid=80433022&cid=137649199&page=1&autoplay=0',
      'https://www.bilibili.com/video/BV1GJ411x7h7/',
    ],
    ['https://player.bilibili.com/player.html?aid=170001', 'https://player.bilibili.com/player.html?aid=170001&autoplay=0', 'https://www.bilibili.com/video/av170001/'],
    ['https://www.dailymotion.com/embed/video/x7tgad0', 'https://www.dailymotion.com/embed/video/x7tgad0', 'https://www.dailymotion.com/video/x7tgad0'],
    ['https://player.youku.com/embed/XNTgxMjY0MzI0OA==', 'https://player.youku.com/embed/XNTgxMjY0MzI0OA==', 'https://v.youku.com/v_show/id_XNTgxMjY0MzI0OA==.html'],
    ['https://player.youku.com/embed/XNTgxMjY0MzI0OA', 'https://player.youku.com/embed/XNTgxMjY0MzI0OA', 'https://v.youku.com/v_show/id_XNTgxMjY0MzI0OA.html'],
    ['https://v.qq.com/txp/iframe/player.html?vid=m3302qkjqqa', 'https://v.qq.com/txp/iframe/player.html?vid=m3302qkjqqa', 'https://v.qq.com/x/page/m3302qkjqqa.html'],
  ])('%s', (src, frame, page) => {
    const embed = embedFor(src);
    expect(embed?.src).toBe(frame);
    expect(embed?.page).toBe(page);
  });

  it.each([
    'https://evil.example/embed/dQw4w9WgXcQ',
    'https://www.youtube.com.evil.example/embed/dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/embed/../../redirect?q=https://evil.example',
    'https://www.youtube.com/embed/a"onload="x',
    'https://player.youku.com/embed/a=b',
    'https://player.bilibili.com/player.html',
    'https://player.bilibili.com/other.html?bvid=BV1GJ411x7h7',
    'javascript:alert(1)//www.youtube.com/embed/x',
    'data:text/html,<script>alert(1)</script>',
    '/embed/dQw4w9WgXcQ',
    '',
  ])('refuses %j', (src) => {
    expect(embedFor(src)).toBeUndefined();
  });
});
