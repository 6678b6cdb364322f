// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { attachImageFallbacks, BROKEN_CLASS } from '../../../src/ui/image-fallback';
import { FALLBACKS_ATTRIBUTE, sanitizeEntryHtml } from '../../../src/ui/sanitize';

function mount(html: string): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = sanitizeEntryHtml(html).html;
  return root;
}

describe('attachImageFallbacks', () => {
  it('moves to the next candidate on each error, then marks the image broken', () => {
    const root = mount('<img src="https://cors.example/?http://i.example/a.jpg">');
    attachImageFallbacks(root);
    const img = root.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('http://i.example/a.jpg');
    img.dispatchEvent(new Event('error'));
    expect(img.getAttribute('src')).toBe('https://cors.example/?http://i.example/a.jpg');
    expect(img.hasAttribute(FALLBACKS_ATTRIBUTE)).toBe(false);
    img.dispatchEvent(new Event('error'));
    expect(img.classList.contains(BROKEN_CLASS)).toBe(true);
  });

  it('uses listeners, not on* attributes, and stops when detached', () => {
    const root = mount('<img src="https://cors.example/?http://i.example/a.jpg">');
    const detach = attachImageFallbacks(root);
    const img = root.querySelector('img')!;
    expect([...img.attributes].some((attribute) => attribute.name.startsWith('on'))).toBe(false);
    detach();
    img.dispatchEvent(new Event('error'));
    expect(img.getAttribute('src')).toBe('http://i.example/a.jpg');
  });
});
