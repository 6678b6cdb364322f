// Audio, video and embedded players in sanitized HTML: native controls, no autoplay, absolute http(s)
// sources only; an allowed <iframe> is rebuilt as a sandboxed player frame with a link to the video.
// Runs on the sanitized tree; sets only values it computed.
import { httpUrl } from '../shared/url';
import { EMBED_ALLOW, EMBED_SANDBOX, embedFor } from './sanitize-embeds';

/** Controls on, autoplay off, sources absolute; a player with no usable source is removed. */
export function prepareMedia(media: Element, baseUrl: string | undefined): void {
  media.removeAttribute('autoplay');
  media.setAttribute('controls', '');
  media.setAttribute('preload', 'metadata');
  absoluteSource(media, baseUrl);
  for (const source of media.querySelectorAll('source')) {
    absoluteSource(source, baseUrl);
    if (!source.hasAttribute('src') && !source.hasAttribute('srcset')) source.remove();
  }
  if (!media.hasAttribute('src') && !media.querySelector('source[src]')) media.remove();
}

function absoluteSource(element: Element, baseUrl: string | undefined): void {
  const src = element.getAttribute('src');
  if (src === null) return;
  const absolute = httpUrl(src.trim(), baseUrl);
  if (absolute) element.setAttribute('src', absolute);
  else element.removeAttribute('src');
}

/** Replace an <iframe> by a sandboxed frame at its player's canonical address, or remove it. */
export function rebuildEmbed(frame: Element): void {
  const embed = embedFor(frame.getAttribute('src') ?? '');
  if (!embed) {
    frame.remove();
    return;
  }
  const doc = frame.ownerDocument;
  const player = doc.createElement('iframe');
  player.setAttribute('src', embed.src);
  player.setAttribute('sandbox', EMBED_SANDBOX);
  player.setAttribute('allow', EMBED_ALLOW);
  player.setAttribute('allowfullscreen', '');
  player.setAttribute('referrerpolicy', 'no-referrer');
  player.setAttribute('loading', 'lazy');
  const title = frame.getAttribute('title')?.trim();
  player.setAttribute('title', title || new URL(embed.page).hostname);
  // A player that refuses extension pages (YouTube wants a Referer) still leaves a way to the video.
  const link = doc.createElement('a');
  link.setAttribute('href', embed.page);
  link.setAttribute('target', '_blank');
  link.setAttribute('rel', 'noopener noreferrer');
  link.textContent = embed.page;
  const figure = doc.createElement('figure');
  const caption = doc.createElement('figcaption');
  caption.append(link);
  figure.append(player, caption);
  frame.replaceWith(figure);
}
