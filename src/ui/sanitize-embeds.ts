// Video embeds the reader keeps: an <iframe> whose address is a known video player becomes a sandboxed frame
// at that player's canonical address, rebuilt from the video id (never the address as written). Every other
// iframe is dropped. The hosts here are also the manifest CSP's frame-src (test/unit/reader/csp.test.ts).

/** A player to embed: its canonical frame address and the video's own page (for a link under it). */
export interface Embed {
  src: string;
  page: string;
}

/** One video host: which addresses it embeds and how to rebuild them. */
interface EmbedProvider {
  /** The canonical player for `url`, or undefined when `url` is not one of this host's players. */
  canonical(url: URL): Embed | undefined;
  /** The origin the canonical addresses live on (CSP frame-src). */
  origin: string;
  /**
   * The player refuses to play without a Referer, and Chromium sends none from extension pages (Firefox none to
   * these players either): the worker sends the player's own origin as its Referer, for frames the extension's
   * pages load (src/background/embed-rules.ts). That names no page and nothing of the user. A Referer claims
   * where a player is embedded, so it is sent only where a player needs one to play.
   */
  ownReferer?: true;
}

const VIDEO_ID = /^[\w-]{1,64}$/;

/** Copies the allowed query parameters whose values are short and plain. */
function params(url: URL, names: string[], fixed: Record<string, string> = {}): string {
  const out = new URLSearchParams();
  for (const name of names) {
    const value = url.searchParams.get(name);
    if (value !== null && /^[\w.-]{1,64}$/.test(value)) out.set(name, value);
  }
  for (const [name, value] of Object.entries(fixed)) out.set(name, value);
  const query = out.toString();
  return query ? `?${query}` : '';
}

function hostIn(url: URL, hosts: string[]): boolean {
  return hosts.includes(url.hostname.toLowerCase());
}

/** Path segment after `prefix` when it is a plain id, e.g. /embed/<id>. */
function idAfter(url: URL, prefix: RegExp): string | undefined {
  const id = prefix.exec(url.pathname)?.[1];
  return id && VIDEO_ID.test(id) ? id : undefined;
}

const PROVIDERS: EmbedProvider[] = [
  {
    // YouTube, moved to its no-cookie host: the same player without tracking cookies before play. Since July
    // 2025 it shows "Error 153: video player configuration error" to a request without a Referer: its terms
    // require an embedder to identify itself by the HTTP Referer.
    origin: 'https://www.youtube-nocookie.com',
    ownReferer: true,
    canonical: (url) => {
      if (!hostIn(url, ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com'])) return undefined;
      const id = idAfter(url, /^\/embed\/([^/]+)\/?$/);
      if (!id) return undefined;
      const src = `https://www.youtube-nocookie.com/embed/${id}${params(url, ['list', 'start', 'end'])}`;
      return { src, page: id === 'videoseries' ? src : `https://www.youtube.com/watch?v=${id}` };
    },
  },
  {
    origin: 'https://player.vimeo.com',
    canonical: (url) => {
      if (!hostIn(url, ['player.vimeo.com'])) return undefined;
      const id = idAfter(url, /^\/video\/(\d+)\/?$/);
      // dnt=1: Vimeo's "do not track" player (no session data, no analytics cookies). No Referer: a public video
      // plays without one, and one its owner allowed only on some sites is checked against those sites, which no
      // Referer we could honestly send would be.
      return id ? { src: `https://player.vimeo.com/video/${id}${params(url, ['h'], { dnt: '1' })}`, page: `https://vimeo.com/${id}` } : undefined;
    },
  },
  {
    origin: 'https://player.bilibili.com',
    canonical: (url) => {
      if (!hostIn(url, ['player.bilibili.com']) || url.pathname !== '/player.html') return undefined;
      const bvid = url.searchParams.get('bvid');
      const aid = url.searchParams.get('aid');
      const video = bvid && VIDEO_ID.test(bvid) ? bvid : aid && /^\d+$/.test(aid) ? `av${aid}` : undefined;
      if (!video) return undefined;
      // Bilibili's player starts playing on load unless told not to. No Referer: its page loads without one, and
      // the streams it fetches (whose CDN checks the Referer) are the frame's own requests, with its own origin.
      return { src: `https://player.bilibili.com/player.html${params(url, ['bvid', 'aid', 'cid', 'p', 'page'], { autoplay: '0' })}`, page: `https://www.bilibili.com/video/${video}/` };
    },
  },
  {
    origin: 'https://www.dailymotion.com',
    canonical: (url) => {
      if (!hostIn(url, ['www.dailymotion.com', 'dailymotion.com'])) return undefined;
      const id = idAfter(url, /^\/embed\/video\/([^/]+)\/?$/);
      return id ? { src: `https://www.dailymotion.com/embed/video/${id}`, page: `https://www.dailymotion.com/video/${id}` } : undefined;
    },
  },
  {
    origin: 'https://player.youku.com',
    canonical: (url) => {
      if (!hostIn(url, ['player.youku.com'])) return undefined;
      // Youku ids are base64 and may end in "=".
      const id = /^\/embed\/([\w-]{1,62}={0,2})\/?$/.exec(url.pathname)?.[1];
      return id ? { src: `https://player.youku.com/embed/${id}`, page: `https://v.youku.com/v_show/id_${id}.html` } : undefined;
    },
  },
  {
    origin: 'https://v.qq.com',
    canonical: (url) => {
      if (!hostIn(url, ['v.qq.com']) || !/^\/(?:txp\/)?iframe\/player\.html$/.test(url.pathname)) return undefined;
      const vid = url.searchParams.get('vid');
      return vid && VIDEO_ID.test(vid) ? { src: `https://v.qq.com/txp/iframe/player.html?vid=${vid}`, page: `https://v.qq.com/x/page/${vid}.html` } : undefined;
    },
  },
];

// Dailymotion, Youku and Tencent Video: their players are not known to refuse a request without a Referer, so
// they get none (see ownReferer).

/** The origins embeds may load from: the manifest CSP's frame-src lists exactly these. */
export const EMBED_ORIGINS: readonly string[] = PROVIDERS.map((provider) => provider.origin);

/** The players that get their own origin as Referer (ownReferer), by origin. */
export const OWN_REFERER_ORIGINS: readonly string[] = PROVIDERS.filter((provider) => provider.ownReferer).map((provider) => provider.origin);

/** The canonical player for an iframe `src` (absolute, protocol-relative or http), or undefined. */
export function embedFor(src: string): Embed | undefined {
  let url: URL;
  try {
    // Protocol-relative players ("//player.bilibili.com/…") are common in Chinese feeds.
    url = new URL(src.trim(), 'https://embed.invalid/');
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === 'embed.invalid') return undefined;
  for (const provider of PROVIDERS) {
    const canonical = provider.canonical(url);
    if (canonical) return canonical;
  }
  return undefined;
}

/** What an embedded player may do: run its own scripts in its own origin, go fullscreen, open its site. */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox';

/** Permissions policy for the frame. */
export const EMBED_ALLOW = 'fullscreen; picture-in-picture; encrypted-media';
