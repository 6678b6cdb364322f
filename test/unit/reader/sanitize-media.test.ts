// @vitest-environment jsdom
// Audio, video and embedded players after sanitizing: what the reader keeps and how it rebuilds them.
import { describe, expect, it } from 'vitest';
import { sanitizeEntryHtml } from '../../../src/ui/sanitize';

const BASE = 'https://blog.example/2024/post/';

function clean(html: string): string {
  return sanitizeEntryHtml(html, { baseUrl: BASE }).html;
}

describe('audio and video', () => {
  it('gives a video controls and no autoplay, resolving its sources', () => {
    expect(clean('<video src="clip.mp4" autoplay loop muted playsinline width="640" height="360" onplay="x()"></video>')).toBe(
      '<video src="https://blog.example/2024/post/clip.mp4" loop="" muted="" playsinline="" width="640" height="360" controls="" preload="metadata"></video>',
    );
  });

  it('keeps <source> children with absolute addresses and drops unusable ones', () => {
    expect(clean('<audio><source src="/ep1.mp3" type="audio/mpeg"><source src="javascript:alert(1)" type="audio/ogg"></audio>')).toBe(
      '<audio controls="" preload="metadata"><source src="https://blog.example/ep1.mp3" type="audio/mpeg"></audio>',
    );
  });

  it('removes a player with nothing to play', () => {
    expect(clean('<p>a</p><video src="javascript:alert(1)"></video><audio></audio>')).toBe('<p>a</p>');
  });
});

describe('embedded players', () => {
  it('rebuilds a YouTube iframe as a sandboxed no-cookie player with a link to the video', () => {
    expect(clean('<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Tour" frameborder="0" allow="autoplay; camera" allowfullscreen onload="x()" style="border:0"></iframe>')).toBe(
      '<figure><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox"' +
        ' allow="fullscreen; picture-in-picture; encrypted-media" allowfullscreen="" referrerpolicy="no-referrer" loading="lazy" title="Tour"></iframe>' +
        '<figcaption><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" target="_blank" rel="noopener noreferrer">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figcaption></figure>',
    );
  });

  it('names an untitled player after the video’s site, and keeps it inside its paragraph’s place', () => {
    const html = clean('<p>Watch:</p><p><iframe src="//player.bilibili.com/player.html?bvid=BV1GJ411x7h7" scrolling="no"></iframe></p>');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('iframe')?.getAttribute('title')).toBe('www.bilibili.com');
    expect(doc.querySelector('iframe')?.getAttribute('src')).toBe('https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&autoplay=0');
    expect(doc.querySelectorAll('iframe')).toHaveLength(1);
  });

  it('drops every other iframe, content and all', () => {
    expect(clean('<p>a</p><iframe src="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><p>fallback</p></iframe><iframe src="https://evil.example/"></iframe>')).toBe('<p>a</p>');
  });
});
