// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachImageFallbacks, BROKEN_CLASS, LOAD_BUTTON_CLASS } from '../../../src/ui/image-fallback';
import { healthyFirst, sessionHostHealth, type HostHealth } from '../../../src/ui/image-hosts';
import { FALLBACKS_ATTRIBUTE, ON_CLICK_ATTRIBUTE, POSTER_FALLBACKS_ATTRIBUTE } from '../../../src/ui/image-rewrite';
import { sanitizeEntryHtml } from '../../../src/ui/sanitize';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).fakeBrowser }));

const ORIGINAL = 'http://i.example/a.jpg';
const PROXIED = `https://cors.example/?${ORIGINAL}`;

function memoryHealth(): { health: HostHealth; store: Map<string, string> } {
  const store = new Map<string, string>();
  return { store, health: sessionHostHealth({ getItem: (key) => store.get(key) ?? null, setItem: (key, value) => void store.set(key, value) }) };
}

function mount(html: string, loading: 'always' | 'cdn-only' | 'on-click' = 'always', imageMap?: Record<string, string | null>): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = sanitizeEntryHtml(html, { images: { rules: [], loading }, imageMap }).html;
  document.body.append(root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('attachImageFallbacks', () => {
  it('moves to the next candidate on each error, then marks the image broken', () => {
    const img = mount(`<img src="${PROXIED}">`).querySelector('img')!;
    attachImageFallbacks(document.body);
    expect(img.getAttribute('src')).toBe(PROXIED);
    img.dispatchEvent(new Event('error'));
    expect(img.getAttribute('src')).toBe(ORIGINAL);
    expect(img.hasAttribute(FALLBACKS_ATTRIBUTE)).toBe(false);
    img.dispatchEvent(new Event('error'));
    expect(img.classList.contains(BROKEN_CLASS)).toBe(true);
  });

  it('remembers failing hosts for the session and takes another host first for the next image', () => {
    const { health, store } = memoryHealth();
    const root = document.createElement('div');
    root.innerHTML = [
      `<img src="${PROXIED}" data-fallbacks="${ORIGINAL}">`,
      '<img src="https://x.example/c.jpg" data-fallbacks="https://cors.example/?http://k.example/c.jpg http://k.example/c.jpg">',
      '<img src="https://cors.example/?http://k.example/d.jpg">',
    ].join('');
    const [first, second, third] = [...root.querySelectorAll('img')];
    attachImageFallbacks(root, health);
    first!.dispatchEvent(new Event('error'));
    expect(JSON.parse(store.get('mirror-reader.image-hosts')!)).toEqual({ failed: ['cors.example'], loaded: [] });
    // The proxy failed once and showed nothing: the second image skips it and keeps it for last.
    second!.dispatchEvent(new Event('error'));
    expect(second!.getAttribute('src')).toBe('http://k.example/c.jpg');
    expect(second!.getAttribute(FALLBACKS_ATTRIBUTE)).toBe('https://cors.example/?http://k.example/c.jpg');
    // Once a picture from it loads, one missing file no longer marks the host as failing.
    third!.dispatchEvent(new Event('load'));
    expect(health.isFailing('https://cors.example/?x')).toBe(false);
    expect(healthyFirst(['https://cors.example/?x', 'https://x.example/a'], health.isFailing)).toEqual(['https://cors.example/?x', 'https://x.example/a']);
    expect(healthyFirst(['https://x.example/a', 'https://y.example/a'], health.isFailing)).toEqual(['https://y.example/a', 'https://x.example/a']);
  });

  it('keeps a snapshot of the failing hosts unchanged by later failures', () => {
    const { health } = memoryHealth();
    health.failed('https://a.example/1.jpg');
    const atOpen = health.snapshot();
    health.failed('https://b.example/1.jpg');
    health.loaded('https://a.example/2.jpg');
    expect([atOpen('https://a.example/x'), atOpen('https://b.example/x')]).toEqual([true, false]);
    expect([health.isFailing('https://a.example/x'), health.isFailing('https://b.example/x')]).toEqual([false, true]);
  });

  it('drops a failing srcset and <picture> sources and lets the image take its own src', () => {
    const root = document.createElement('div');
    root.innerHTML = `<picture><source srcset="https://a.example/a.avif"><img src="https://a.example/a.jpg" srcset="https://a.example/b.jpg 2x" data-fallbacks="https://b.example/a.jpg"></picture>`;
    const img = root.querySelector('img')!;
    Object.defineProperty(img, 'currentSrc', { value: 'https://a.example/a.avif' });
    attachImageFallbacks(root);
    img.dispatchEvent(new Event('error'));
    expect(root.innerHTML).toBe('<picture><img src="https://a.example/a.jpg" data-fallbacks="https://b.example/a.jpg"></picture>');
  });

  it('puts a labelled "Load image" button before an image held back, and loads it on click', () => {
    const root = mount(`<img src="${ORIGINAL}" alt="Harbour map">`, 'on-click');
    attachImageFallbacks(root);
    const button = root.querySelector<HTMLButtonElement>(`button.${LOAD_BUTTON_CLASS}`)!;
    expect(button.textContent).toBe('Load image: Harbour map');
    expect(button.type).toBe('button');
    const img = root.querySelector('img')!;
    expect(img.hasAttribute('src')).toBe(false);
    button.click();
    expect(img.getAttribute('src')).toBe(ORIGINAL);
    expect(img.hasAttribute(ON_CLICK_ATTRIBUTE)).toBe(false);
    expect(root.querySelector('button')).toBeNull();
  });

  it('"only CDN copies": when every copy failed, the button offers the rest', () => {
    const root = mount(`<img src="${ORIGINAL}">`, 'cdn-only', { [ORIGINAL]: 'https://copy.example/a.webp' });
    attachImageFallbacks(root);
    const img = root.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://copy.example/a.webp');
    expect(root.querySelector('button')).toBeNull();
    img.dispatchEvent(new Event('error'));
    expect(img.hasAttribute('src')).toBe(false);
    root.querySelector<HTMLButtonElement>('button')!.click();
    expect(img.getAttribute('src')).toBe(ORIGINAL);
  });

  it('uses listeners, not on* attributes, and stops when detached', () => {
    const root = mount(`<img src="${PROXIED}">`);
    const detach = attachImageFallbacks(root);
    const img = root.querySelector('img')!;
    expect(img.getAttributeNames().some((name) => name.startsWith('on'))).toBe(false);
    detach();
    img.dispatchEvent(new Event('error'));
    expect(img.getAttribute('src')).toBe(PROXIED);
  });

  it('tries video posters one by one and shows the first that loads', async () => {
    // jsdom loads no pictures: an Image stand-in fails for every host but ok.example.
    class FakeImage extends EventTarget {
      referrerPolicy = '';
      set src(url: string) {
        queueMicrotask(() => this.dispatchEvent(new Event(url.includes('ok.example') ? 'load' : 'error')));
      }
    }
    vi.stubGlobal('Image', FakeImage);
    const root = document.createElement('div');
    root.innerHTML = `<video poster="https://down.example/p.jpg" ${POSTER_FALLBACKS_ATTRIBUTE}="https://gone.example/p.jpg https://ok.example/p.jpg"></video>`;
    const video = root.querySelector('video')!;
    attachImageFallbacks(root);
    await vi.waitFor(() => expect(video.getAttribute('poster')).toBe('https://ok.example/p.jpg'));
    expect(video.hasAttribute(POSTER_FALLBACKS_ATTRIBUTE)).toBe(false);
  });
});
