// Moves each body image down its candidate list when a URL fails. Listeners are attached with
// addEventListener, so the document never carries an on* attribute.
import { FALLBACKS_ATTRIBUTE } from './sanitize';

/** Marks an image whose every candidate failed, so CSS can show its alt text plainly. */
export const BROKEN_CLASS = 'img-broken';

/** Watch every image under `root` that has fallbacks; returns a function that stops watching. */
export function attachImageFallbacks(root: ParentNode): () => void {
  const images = [...root.querySelectorAll<HTMLImageElement>('img')];
  for (const img of images) img.addEventListener('error', tryNext);
  return () => {
    for (const img of images) img.removeEventListener('error', tryNext);
  };
}

/** The `error` listener: swap in the next candidate, or mark the image broken when none is left. */
export function tryNext(this: HTMLImageElement): void {
  const [next, ...rest] = (this.getAttribute(FALLBACKS_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
  if (rest.length > 0) this.setAttribute(FALLBACKS_ATTRIBUTE, rest.join(' '));
  else this.removeAttribute(FALLBACKS_ATTRIBUTE);
  if (next) this.setAttribute('src', next);
  else {
    this.removeEventListener('error', tryNext);
    this.classList.add(BROKEN_CLASS);
  }
}
