// In the page: moves each image down its candidate list when a URL fails (hosts that failed this session go
// last), shows a "Load image" button for images held back by the privacy setting, and walks video posters.
// Listeners are attached with addEventListener, so the document never carries an on* attribute.
import { t } from './i18n';
import { healthyFirst, type HostHealth } from './image-hosts';
import { FALLBACKS_ATTRIBUTE, ON_CLICK_ATTRIBUTE, POSTER_FALLBACKS_ATTRIBUTE } from './image-rewrite';

/** Marks an image whose every candidate failed, so CSS can show its alt text plainly. */
export const BROKEN_CLASS = 'img-broken';

/** The button standing in for an image that loads on click. */
export const LOAD_BUTTON_CLASS = 'image-load';

/** Watch every image under `root`; returns a function that stops watching. */
export function attachImageFallbacks(root: ParentNode, health?: HostHealth): () => void {
  const stops: (() => void)[] = [];
  for (const img of [...root.querySelectorAll<HTMLImageElement>('img')]) stops.push(watchImage(img, health));
  for (const video of [...root.querySelectorAll<HTMLVideoElement>(`video[${POSTER_FALLBACKS_ATTRIBUTE}]`)]) stops.push(watchPoster(video, health));
  return () => {
    for (const stop of stops) stop();
  };
}

/** Listen to one image's load and error events; show its button when it waits for a click. */
export function watchImage(img: HTMLImageElement, health?: HostHealth): () => void {
  const loaded = () => {
    if (/^https?:/.test(img.currentSrc || img.src)) health?.loaded(img.currentSrc || img.src);
  };
  const failed = () => {
    const url = img.currentSrc || img.getAttribute('src') || '';
    if (/^https?:/.test(url)) health?.failed(url);
    // A srcset or <picture> source failed: drop them all, the image's own list takes over.
    const picture = img.parentElement?.localName === 'picture' ? img.parentElement : undefined;
    const hadSources = img.hasAttribute('srcset') || (picture?.querySelector('source') ?? null) !== null;
    img.removeAttribute('srcset');
    for (const source of picture ? [...picture.querySelectorAll('source')] : []) source.remove();
    if (hadSources && img.getAttribute('src') !== url) return; // the browser now loads `src`
    const [next, ...rest] = healthyFirst(list(img, FALLBACKS_ATTRIBUTE), health?.isFailing);
    setList(img, FALLBACKS_ATTRIBUTE, rest);
    if (next) img.setAttribute('src', next);
    else if (list(img, ON_CLICK_ATTRIBUTE).length > 0) showButton(img);
    else img.classList.add(BROKEN_CLASS);
  };
  img.addEventListener('load', loaded);
  img.addEventListener('error', failed);
  if (!img.hasAttribute('src') && list(img, ON_CLICK_ATTRIBUTE).length > 0) showButton(img);
  return () => {
    img.removeEventListener('load', loaded);
    img.removeEventListener('error', failed);
  };
}

/** Put a "Load image" button before `img`; a click moves the held-back URLs into the image's list. */
function showButton(img: HTMLImageElement): void {
  img.removeAttribute('src');
  const button = img.ownerDocument.createElement('button');
  button.type = 'button';
  button.className = LOAD_BUTTON_CLASS;
  const alt = img.getAttribute('alt')?.trim();
  button.textContent = alt ? t('imageLoadNamed', alt) : t('imageLoad');
  button.addEventListener('click', () => {
    const [first, ...rest] = list(img, ON_CLICK_ATTRIBUTE);
    img.removeAttribute(ON_CLICK_ATTRIBUTE);
    setList(img, FALLBACKS_ATTRIBUTE, [...list(img, FALLBACKS_ATTRIBUTE), ...rest]);
    button.remove();
    if (first) img.setAttribute('src', first);
  });
  img.before(button);
}

/** A video's poster has no error event: try each URL with an Image first, and show the first that loads. */
function watchPoster(video: HTMLVideoElement, health?: HostHealth): () => void {
  let stopped = false;
  const urls = [video.getAttribute('poster') ?? '', ...healthyFirst(list(video, POSTER_FALLBACKS_ATTRIBUTE), health?.isFailing)].filter(Boolean);
  video.removeAttribute('poster');
  video.removeAttribute(POSTER_FALLBACKS_ATTRIBUTE);
  const tryAt = (index: number) => {
    const url = urls[index];
    if (url === undefined || stopped) return;
    const probe = new Image();
    probe.referrerPolicy = 'no-referrer';
    probe.addEventListener('load', () => {
      health?.loaded(url);
      if (!stopped) video.setAttribute('poster', url);
    });
    probe.addEventListener('error', () => {
      health?.failed(url);
      tryAt(index + 1);
    });
    probe.src = url;
  };
  tryAt(0);
  return () => {
    stopped = true;
  };
}

function list(element: Element, name: string): string[] {
  return (element.getAttribute(name) ?? '').split(' ').filter(Boolean);
}

function setList(element: Element, name: string, urls: string[]): void {
  if (urls.length > 0) element.setAttribute(name, urls.join(' '));
  else element.removeAttribute(name);
}
