// What must never survive sanitizing, checked on the parsed output (so escaped text is not a false alarm).

const FORBIDDEN_TAGS = ['script', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'style', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'srcset'];

/** The only frames allowed: video players, written out here rather than read from the code under test. */
const PLAYERS = ['https://www.youtube-nocookie.com/', 'https://player.vimeo.com/', 'https://player.bilibili.com/', 'https://www.dailymotion.com/', 'https://player.youku.com/', 'https://v.qq.com/'];

/** Each dangerous element, handler, style or script URL found in `html`; empty when clean. */
export function dangerIn(html: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const found: string[] = [];
  for (const element of template.content.querySelectorAll('*')) {
    const tag = element.localName;
    if (FORBIDDEN_TAGS.includes(tag)) found.push(`<${tag}>`);
    if (tag === 'iframe' && !safeFrame(element)) found.push(`<iframe src=${element.getAttribute('src')}>`);
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'style' || name === 'srcdoc') found.push(`${tag}[${name}]`);
      // Browsers ignore ASCII whitespace and control characters before the scheme.
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.includes(name) && /^(?:javascript|vbscript|livescript|data:text|data:application):?/.test(value)) found.push(`${tag}[${name}=${value.slice(0, 30)}]`);
    }
  }
  return found;
}

/** A sandboxed player frame: allowed origin, sandbox without top navigation, nothing inside. */
function safeFrame(frame: Element): boolean {
  const src = frame.getAttribute('src') ?? '';
  const sandbox = frame.getAttribute('sandbox');
  return PLAYERS.some((origin) => src.startsWith(origin)) && sandbox !== null && !sandbox.includes('top-navigation') && frame.childNodes.length === 0;
}
