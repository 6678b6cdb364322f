// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { showsCover } from '../../../src/ui/image-cover';
import { sessionHostHealth } from '../../../src/ui/image-hosts';
import { FALLBACKS_ATTRIBUTE, ON_CLICK_ATTRIBUTE, POSTER_FALLBACKS_ATTRIBUTE, rewriteImages, type ImagePolicy } from '../../../src/ui/image-rewrite';
import { sanitizeEntryHtml } from '../../../src/ui/sanitize';

// image-cover.tsx reads settings through the worker's messaging module, which loads the polyfill.
vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ORIGINAL = 'http://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg';
const PROXIED = `https://cors.zfour.workers.dev/?${ORIGINAL}`;
const COPY = 'https://cdn.jsdelivr.net/gh/mirror/cdn@1/a.webp';
const GIF_1X1 = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

function parse(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

/** Sanitize and rewrite as the reader does; the attributes of each image, in document order. */
function images(html: string, context: Parameters<typeof sanitizeEntryHtml>[1] = {}): Record<string, string>[] {
  const root = parse(sanitizeEntryHtml(html, context).html);
  return [...root.querySelectorAll('img')].map((img) => Object.fromEntries(img.getAttributeNames().map((name) => [name, img.getAttribute(name)!])));
}

/** rewriteImages on markup built here, its raw attributes being those written (for elements the reader's config may not allow yet). */
function rewriteRaw(html: string, policy?: ImagePolicy, pageUrl?: string) {
  const root = parse(html);
  const raw = new Map<Element, Record<string, string>>();
  for (const element of root.querySelectorAll('*')) raw.set(element, Object.fromEntries(element.getAttributeNames().map((name) => [name, element.getAttribute(name)!])));
  const result = rewriteImages(root, raw, { pageUrl, imageMap: { [ORIGINAL]: COPY }, policy });
  return { root, result };
}

describe('rewriteImages through the sanitizer', () => {
  it("rewrites seed 002's image: the CDN copy, its mirrors, the proxy as written, the original; no referrer, lazy", () => {
    const html = `<p><img data-action="zoom" class="size-full aligncenter" src="${PROXIED}" alt width="900" height="420" referrerpolicy="no-referrer"></p>`;
    expect(images(html, { imageMap: { [ORIGINAL]: COPY } })).toEqual([
      {
        src: COPY,
        [FALLBACKS_ATTRIBUTE]: `https://fastly.jsdelivr.net/gh/mirror/cdn@1/a.webp https://gcore.jsdelivr.net/gh/mirror/cdn@1/a.webp ${PROXIED} ${ORIGINAL}`,
        alt: '',
        width: '900',
        height: '420',
        referrerpolicy: 'no-referrer',
        loading: 'lazy',
        decoding: 'async',
      },
    ]);
  });

  it('takes the lazy attribute over a 1×1 placeholder and rewrites the lazy srcset to copies', () => {
    const html = `<img src="${GIF_1X1}" data-src="${ORIGINAL}" data-srcset="${ORIGINAL} 900w, http://image.woshipm.com/s.jpg 300w" srcset="${GIF_1X1} 1x">`;
    const [img] = images(html, { imageMap: { [ORIGINAL]: COPY } });
    expect(img?.src).toBe(COPY);
    expect(img?.srcset).toBe(`${COPY} 900w, http://image.woshipm.com/s.jpg 300w`);
  });

  it("decodes WeChat's doubly escaped data-src once", () => {
    const html = '<img data-src="https://mmbiz.qpic.cn/mmbiz_png/x/640?wx_fmt=png&amp;amp;tp=webp&amp;amp;wxfrom=5" src="">';
    expect(images(html)[0]?.src).toBe('https://mmbiz.qpic.cn/mmbiz_png/x/640?wx_fmt=png&tp=webp&wxfrom=5');
  });

  it('drops srcset candidates that are not web addresses and images with no usable address', () => {
    expect(images('<img src="https://a.example/a.jpg" srcset="javascript:alert(1) 2x, https://a.example/b.jpg 3x, https://a.example/c.jpg onerror=x">')[0]?.srcset).toBe('https://a.example/b.jpg 3x');
    expect(sanitizeEntryHtml('<p>a<img src="javascript:alert(1)">b</p>').html).toBe('<p>ab</p>');
    expect(sanitizeEntryHtml(`<p>a<img src="${GIF_1X1}">b</p>`).html).toBe('<p>ab</p>');
  });

  it("names the body's lead picture (its first, after an intro too) and every picture's key", () => {
    expect(sanitizeEntryHtml(`<figure><img src="${PROXIED}"><figcaption>x</figcaption></figure><p>Text</p>`).images).toEqual({ keys: new Set([ORIGINAL]), leadingKey: ORIGINAL });
    expect(sanitizeEntryHtml(`<blockquote><p>编辑导语</p></blockquote><p><img src="${PROXIED}"></p><img src="https://b.example/2.png">`).images).toEqual({
      keys: new Set([ORIGINAL, 'http://b.example/2.png']),
      leadingKey: ORIGINAL,
    });
    expect(sanitizeEntryHtml('<p>No pictures</p>').images).toEqual({ keys: new Set() });
  });
});

describe('showsCover', () => {
  it("shows the cover unless it is the body's lead picture, in any spelling", () => {
    const body = sanitizeEntryHtml(`<p>Intro</p><img src="${PROXIED}"><img src="https://b.example/2.png">`).images;
    expect(showsCover(`https://image.woshipm.com/wp-files/2021/11/AIy3jDQQHOStT81NONcB.jpg`, undefined, body)).toBe(false);
    expect(showsCover('https://b.example/2.png', undefined, body)).toBe(true);
    expect(showsCover('cover.jpg', 'https://blog.example/p/', { keys: new Set() })).toBe(true);
    expect(showsCover('javascript:alert(1)', undefined, undefined)).toBe(false);
    expect(showsCover(undefined, undefined, body)).toBe(false);
  });
});

describe('rewriteImages: picture, video poster, policy', () => {
  it('rewrites <picture> sources, keeping only image types and plain media queries', () => {
    const { root } = rewriteRaw(`<picture><source type="image/webp" media="(min-width: 600px)" srcset="${ORIGINAL} 2x" onerror="x"><source type="text/html" srcset="javascript:alert(1)"><img src="${ORIGINAL}"></picture>`);
    expect(root.querySelector('picture')!.innerHTML).toBe(
      `<source srcset="${COPY} 2x" type="image/webp" media="(min-width: 600px)"><img src="${COPY}" data-fallbacks="https://fastly.jsdelivr.net/gh/mirror/cdn@1/a.webp https://gcore.jsdelivr.net/gh/mirror/cdn@1/a.webp ${ORIGINAL}" referrerpolicy="no-referrer" loading="lazy" decoding="async">`,
    );
  });

  it('rewrites a video poster (lazy data-poster too) with its fallbacks', () => {
    const { root } = rewriteRaw(`<video controls data-poster="${PROXIED}" poster="${GIF_1X1}"></video>`);
    const video = root.querySelector('video')!;
    expect(video.getAttribute('poster')).toBe(COPY);
    expect(video.getAttribute(POSTER_FALLBACKS_ATTRIBUTE)).toBe(`https://fastly.jsdelivr.net/gh/mirror/cdn@1/a.webp https://gcore.jsdelivr.net/gh/mirror/cdn@1/a.webp ${PROXIED} ${ORIGINAL}`);
  });

  it('"only CDN copies": copies load now, everything else waits for a click; no srcset, no poster from elsewhere', () => {
    const policy: ImagePolicy = { rules: [], loading: 'cdn-only' };
    const { root } = rewriteRaw(`<img src="${ORIGINAL}" srcset="${ORIGINAL} 2x"><img src="https://other.example/b.jpg"><video poster="https://other.example/p.jpg"></video>`, policy);
    const [mapped, unmapped] = [...root.querySelectorAll('img')];
    expect(mapped!.getAttribute('src')).toBe(COPY);
    expect(mapped!.getAttribute(FALLBACKS_ATTRIBUTE)).toBe('https://fastly.jsdelivr.net/gh/mirror/cdn@1/a.webp https://gcore.jsdelivr.net/gh/mirror/cdn@1/a.webp');
    expect(mapped!.getAttribute(ON_CLICK_ATTRIBUTE)).toBe(ORIGINAL);
    expect(mapped!.hasAttribute('srcset')).toBe(false);
    expect(unmapped!.hasAttribute('src')).toBe(false);
    expect(unmapped!.getAttribute(ON_CLICK_ATTRIBUTE)).toBe('https://other.example/b.jpg');
    expect(root.querySelector('video')!.hasAttribute('poster')).toBe(false);
  });

  it('"on click": nothing loads, inline pictures excepted', () => {
    const inline = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAnAAP9qAlGAAAAAElFTkSuQmCC';
    const { root } = rewriteRaw(`<img src="${ORIGINAL}"><img src="${inline}">`, { rules: [], loading: 'on-click' });
    const [held, shown] = [...root.querySelectorAll('img')];
    expect(held!.hasAttribute('src')).toBe(false);
    expect(held!.getAttribute(ON_CLICK_ATTRIBUTE)).toBe(`${COPY} https://fastly.jsdelivr.net/gh/mirror/cdn@1/a.webp https://gcore.jsdelivr.net/gh/mirror/cdn@1/a.webp ${ORIGINAL}`);
    expect(shown!.getAttribute('src')).toBe(inline);
  });

  it('shows a copy kept offline first, whatever the setting, and leaves the srcset out', () => {
    const offline = new Map([[ORIGINAL, 'blob:chrome-extension://id/1234']]);
    const { root } = rewriteRaw(`<img src="${PROXIED}" srcset="${ORIGINAL} 2x">`, { rules: [], loading: 'on-click', offline });
    const img = root.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('blob:chrome-extension://id/1234');
    expect(img.hasAttribute('srcset')).toBe(false);
    expect(img.hasAttribute(FALLBACKS_ATTRIBUTE)).toBe(false);
  });

  it('puts hosts that failed this session last', () => {
    const store = new Map<string, string>();
    const health = sessionHostHealth({ getItem: (key) => store.get(key) ?? null, setItem: (key, value) => void store.set(key, value) });
    health.failed('https://cdn.jsdelivr.net/gh/other/x.png');
    const { root } = rewriteRaw(`<img src="${ORIGINAL}">`, { rules: [], loading: 'always', failing: health.snapshot() });
    const img = root.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://fastly.jsdelivr.net/gh/mirror/cdn@1/a.webp');
    expect(img.getAttribute(FALLBACKS_ATTRIBUTE)).toBe(`https://gcore.jsdelivr.net/gh/mirror/cdn@1/a.webp ${ORIGINAL} ${COPY}`);
  });

  it('applies the user rules in the body', () => {
    const { root } = rewriteRaw('<img src="https://pic.example.com/a.jpg">', { rules: [{ template: 'https://wsrv.nl/?url=${href_ue}' }], loading: 'always' });
    expect(root.querySelector('img')!.getAttribute('src')).toBe('https://wsrv.nl/?url=https%3A%2F%2Fpic.example.com%2Fa.jpg');
  });
});
